// Calendar arithmetic on integers: a day is the number of days since 1970-01-01, a month is
// year·12 + (month − 1). No Date objects: the proleptic Gregorian conversions below (after Howard
// Hinnant's days_from_civil/civil_from_days) depend on neither time zone nor clock, count leap
// years right, and allocate nothing on hot paths such as ages at millions of Stichtage.

/** Day number of an end that is still open ("ongoing"); larger than any real date. */
export const OFFEN = 2_147_483_647;

/** Day number of a date; a day beyond the month's end runs on into the next month (29 Feb 2017 → 1 Mar 2017). */
export function tagNummer(jahr: number, monat: number, tag: number): number {
  const y = monat <= 2 ? jahr - 1 : jahr;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (monat + (monat > 2 ? -3 : 9)) + 2) / 5);
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468 + tag - 1;
}

export function tagTeile(tagnr: number): { jahr: number; monat: number; tag: number } {
  const z = tagnr + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const monat = mp < 10 ? mp + 3 : mp - 9;
  return { jahr: yoe + era * 400 + (monat <= 2 ? 1 : 0), monat, tag: doy - Math.floor((153 * mp + 2) / 5) + 1 };
}

const TAGE = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function istSchaltjahr(jahr: number): boolean {
  return (jahr % 4 === 0 && jahr % 100 !== 0) || jahr % 400 === 0;
}

export function tageImMonat(jahr: number, monat: number): number {
  return monat === 2 && istSchaltjahr(jahr) ? 29 : TAGE[monat - 1];
}

export function gueltigesDatum(jahr: number, monat: number, tag: number): boolean {
  return jahr >= 1900 && jahr <= 2199 && monat >= 1 && monat <= 12 && tag >= 1 && tag <= tageImMonat(jahr, monat);
}

export function monatIndex(jahr: number, monat: number): number {
  return jahr * 12 + (monat - 1);
}

export function monatTeile(index: number): { jahr: number; monat: number } {
  return { jahr: Math.floor(index / 12), monat: (index % 12) + 1 };
}

export function monatVonTag(tagnr: number): number {
  const t = tagTeile(tagnr);
  return monatIndex(t.jahr, t.monat);
}

export function ersterTag(monat: number): number {
  const m = monatTeile(monat);
  return tagNummer(m.jahr, m.monat, 1);
}

export function letzterTag(monat: number): number {
  return ersterTag(monat + 1) - 1;
}

/** The Stichtag of a month: the given day of the month, or its last day where the month is shorter. */
export function stichtagDesMonats(monat: number, stichtagTag: number): number {
  const m = monatTeile(monat);
  return tagNummer(m.jahr, m.monat, Math.min(stichtagTag, tageImMonat(m.jahr, m.monat)));
}

const zwei = (n: number) => String(n).padStart(2, '0');

/** ISO form, `2017-03-15`. */
export function isoTag(tagnr: number): string {
  const t = tagTeile(tagnr);
  return `${t.jahr}-${zwei(t.monat)}-${zwei(t.tag)}`;
}

/** German form, `15.03.2017`. */
export function deutscherTag(tagnr: number): string {
  const t = tagTeile(tagnr);
  return `${zwei(t.tag)}.${zwei(t.monat)}.${t.jahr}`;
}

/** `2017-03` */
export function isoMonat(monat: number): string {
  const m = monatTeile(monat);
  return `${m.jahr}-${zwei(m.monat)}`;
}

/** `03/2017`, as BA tables write a month. */
export function deutscherMonat(monat: number): string {
  const m = monatTeile(monat);
  return `${zwei(m.monat)}/${m.jahr}`;
}
