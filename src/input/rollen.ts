// The canonical columns of each input role (README, „Eingaben“). Header names are matched
// case-insensitively after trimming and after the user's column mapping. In the person-level roles
// these columns are the whole contract: any other column is an error unless the config ignores it.

import { schluessel } from './spalten.js';
import type { Schema, Spalte, Spalten } from './zeilen.js';
import { ARTEN, type Art } from '../core/ereignisse.js';
import { BETRAGS_SPALTEN, MONATSWERTE_SPALTEN, type Wert } from '../core/monatswerte/monatswerte.js';
import { Personenvorschau, type PersonRegister } from '../core/zeitlinien.js';
import {
  datumAusBytes, flagAusBytes, geschlechtAusBytes, istFesterRand, monatAusBytes, parseDatum, parseFlag, parseGeschlecht, parseMonat, parseStatus, parseZahl, statusAusBytes, UNGELESEN,
  type Dezimal, type Zelle,
} from './zellen.js';

type Bytes<T> = Spalte<T>['leseBytes'];
const pflicht = <T>(lese: (roh: string) => Zelle<T>, leseBytes?: Bytes<T>): Spalte<T> => ({ pflicht: true, lese, leseBytes });
const optional = <T>(lese: (roh: string) => Zelle<T>, leseBytes?: Bytes<T>): Spalte<T> => ({ pflicht: false, lese, leseBytes });


/**
 * The person id, read into the register's index straight away: on the fast path from the bytes of
 * the file, without a string per row. Blanks around an id are trimmed (by the text path). With
 * `voraus`, a chunk's ids are looked up before its rows (`Personenvorschau`): for the files read
 * after `zeitraeume`, whose persons are mostly registered.
 */
function person(register: PersonRegister, voraus = false): Spalte<number> {
  const vorschau = voraus ? new Personenvorschau(register) : null;
  return {
    ...pflicht(
      (roh) => {
        const s = roh.trim();
        return s === '' ? { ok: false, erwartet: 'einen nicht leeren Wert' } : { ok: true, wert: register.nummer(s) };
      },
      (b, von, bis) => {
        if (!(bis > von && istFesterRand(b[von]) && istFesterRand(b[bis - 1]))) return UNGELESEN;
        const p = vorschau ? vorschau.nimm(b, von, bis) : -1;
        return p >= 0 ? p : register.nummerBytes(b, von, bis);
      },
    ),
    voraus: vorschau ?? undefined,
  };
}

/** Any text, without blanks at its ends. */
const getrimmt = (roh: string): Zelle<string> => ({ ok: true, wert: roh.trim() });

/** A required date or month: an empty cell is the text path's error, not null. */
const gefuellt = <T>(leseBytes: (b: Uint8Array, von: number, bis: number) => T | null | typeof UNGELESEN): Bytes<T> => (b, von, bis) => (bis > von ? (leseBytes(b, von, bis) as T | typeof UNGELESEN) : UNGELESEN);

/** A required cell must not be empty: a date or month parser that accepts "" gets a guard. */
function nichtLeer<T>(lese: (roh: string) => Zelle<T | null>, erwartet: string): (roh: string) => Zelle<T> {
  return (roh) => {
    if (roh.trim() === '') return { ok: false, erwartet };
    return lese(roh) as Zelle<T>;
  };
}

/**
 * An end that is still open: empty, or 31.12.9999, which databases write for "no end". Other dates
 * outside 1900–2199 stay errors: they are typos, not conventions.
 */
function offenesEnde(roh: string): Zelle<number | null> {
  if (/^\s*(9999-12-31|31\.12\.9999)(?:[ T]0?0:00(?::00)?)?\s*$/.test(roh)) return { ok: true, wert: null };
  return parseDatum(roh);
}

export const zeitraeumeTage = (register: PersonRegister) =>
  ({
    rolle: 'zeitraeume',
    spalten: {
      person_id: person(register),
      beginn: pflicht(nichtLeer(parseDatum, 'das Datum des ersten Tages im Bezug'), gefuellt(datumAusBytes)),
      ende: optional(offenesEnde, datumAusBytes),
      status: optional(parseStatus, statusAusBytes),
    },
  }) satisfies Schema<any>;

export const zeitraeumeMonate = (register: PersonRegister) =>
  ({
    rolle: 'zeitraeume',
    spalten: {
      person_id: person(register),
      monat: pflicht(nichtLeer(parseMonat, 'den Monat im Bezug'), monatAusBytes),
      status: optional(parseStatus, statusAusBytes),
    },
  }) satisfies Schema<any>;

export const personenSchema = (register: PersonRegister) =>
  ({
    rolle: 'personen',
    spalten: {
      person_id: person(register, true),
      geschlecht: optional(parseGeschlecht, geschlechtAusBytes),
      geburtsdatum: optional(parseDatum, datumAusBytes),
      alleinerziehend: optional(parseFlag, flagAusBytes),
      fluchtkontext: optional(parseFlag, flagAusBytes),
    },
  }) satisfies Schema<any>;

function parseArt(roh: string): Zelle<Art> {
  const s = roh.trim().toUpperCase() as Art;
  return ARTEN.includes(s) ? { ok: true, wert: s } : { ok: false, erwartet: ARTEN.join(', ') };
}

const ARTEN_BYTES = ARTEN.map((a) => Uint8Array.from(a, (c) => c.charCodeAt(0)));

/** `art` in its plain form (upper case, no blanks) straight from the bytes; any other the text path reads, and words. */
function artAusBytes(b: Uint8Array, von: number, bis: number): Art | typeof UNGELESEN {
  for (let k = 0; k < ARTEN_BYTES.length; k++) {
    const a = ARTEN_BYTES[k];
    if (a.length !== bis - von) continue;
    let i = 0;
    while (i < a.length && b[von + i] === a[i]) i++;
    if (i === a.length) return ARTEN[k];
  }
  return UNGELESEN;
}

const flagOderNein = (roh: string): Zelle<boolean> => {
  const z = parseFlag(roh);
  return z.ok ? { ok: true, wert: z.wert ?? false } : z;
};

export const integrationenSchema = (register: PersonRegister) => ({
  rolle: 'integrationen',
  spalten: {
    person_id: person(register, true),
    datum: pflicht(nichtLeer(parseDatum, 'das Datum des Beginns'), gefuellt(datumAusBytes)),
    art: pflicht(parseArt, artAusBytes),
    // Empty: not known yet (continuity shows a year after the integration), so not 'nein'.
    kontinuierlich: optional(parseFlag, flagAusBytes),
    bedarfsdeckend: optional(flagOderNein, (b, von, bis) => flagAusBytes(b, von, bis) ?? false),
  },
}) satisfies Schema<any>;

export const massnahmenSchema = (register: PersonRegister) => ({
  rolle: 'massnahmen',
  spalten: {
    person_id: person(register, true),
    beginn: pflicht(nichtLeer(parseDatum, 'das Datum des Eintritts'), gefuellt(datumAusBytes)),
    ende: optional(offenesEnde, datumAusBytes),
    art: optional(getrimmt),
  },
}) satisfies Schema<any>;

/** A column that names whose row it is and is read only as text: the sums run over all rows. */
const kennung = optional(getrimmt);

export function leistungenSchema(dezimal: Dezimal) {
  const zahl = (roh: string) => parseZahl(roh, dezimal);
  return {
    rolle: 'leistungen',
    // Per person, per Bedarfsgemeinschaft or one row per month: person_id and bg_nr may say which.
    spalten: { monat: pflicht(nichtLeer(parseMonat, 'den Monat der Leistung')), llu: pflicht(zahl), luh: optional(zahl), person_id: kennung, bg_nr: kennung },
  } satisfies Schema<any>;
}

/** Text that must be there: a key or a type. */
const text = (erwartet: string) => nichtLeer(getrimmt, erwartet);

/**
 * Which Jobcenter belongs to which Vergleichstyp (issue 12): a data file the user supplies, because
 * the IAB's assignments change. Keys stay text (`05111`).
 */
export const vergleichstypenSchema = () =>
  ({
    rolle: 'vergleichstypen',
    spalten: {
      regionalschluessel: pflicht(text('den Schlüssel des Jobcenters, z. B. 05111')),
      vergleichstyp: pflicht(text('den Vergleichstyp, z. B. IIa')),
      name: kennung,
      land: kennung,
    },
  }) satisfies Schema<any>;

const STANDARD_SPALTEN: ReadonlySet<string> = new Set(MONATSWERTE_SPALTEN);

/**
 * Group labels as tables write them: „Insgesamt“ and „Gesamt“ are the total; case and umlauts do
 * not matter („Männer“ is the group `maenner`).
 */
function gruppe(roh: string): Zelle<string> {
  const g = roh.trim().toLowerCase().replace(/ä/g, 'ae').replace(/ö/g, 'oe').replace(/ü/g, 'ue').replace(/ß/g, 'ss');
  return { ok: true, wert: g === '' || g === 'insgesamt' || g === 'gesamt' ? 'gesamt' : g };
}

/**
 * Monatswerte have open columns: `monat`, optional `gruppe`, the standard columns and whatever
 * columns local goals name (`zusatz`). Other columns of a BA table (region names, change rates
 * with `.x`) are not read, so they can neither break nor silently feed a report.
 */
export function monatswerteSchema(kopf: readonly (string | null)[], dezimal: Dezimal, zusatz: ReadonlySet<string>): Schema<Spalten> {
  const spalten: Spalten = {
    monat: pflicht(nichtLeer(parseMonat, 'den Monat')),
    gruppe: optional(gruppe),
  };
  // Region keys stay text: `05111` is not `5111`.
  const region = regionSpalte(kopf, zusatz);
  if (region) spalten[region] = optional(getrimmt);
  const zahl = (roh: string) => parseZahl(roh, dezimal);
  // The standard columns other than the euro sums count persons or events: a fraction there is a
  // misread number (7.400 read with a decimal point as 7.4), not a value.
  const anzahl = (roh: string): Zelle<Wert> => {
    const z = zahl(roh);
    if (!z.ok || typeof z.wert !== 'number' || Number.isInteger(z.wert)) return z;
    const tausender = dezimal === 'punkt' && /^\s*-?\d{1,3}(\.\d{3})+\s*$/.test(roh);
    return { ok: false, erwartet: `eine ganze Zahl (eine Anzahl)${tausender ? '; ist „.“ hier das Tausendertrennzeichen, dann --decimal comma' : ''}` };
  };
  for (const name of kopf) {
    if (name && !(name in spalten) && (STANDARD_SPALTEN.has(name) || zusatz.has(name))) {
      spalten[name] = optional(STANDARD_SPALTEN.has(name) && !BETRAGS_SPALTEN.has(name) ? anzahl : zahl);
    }
  }
  // A column spelt like a missing standard one is a typo in the table; one spelt like a goal's
  // column is more likely a typo in the goal, which the targets check names.
  return { rolle: 'monatswerte', spalten, offen: { bekannt: MONATSWERTE_SPALTEN } };
}

/**
 * How tables with several Jobcenters name their region column, the key column first: a table with
 * both a Regionalschlüssel and a name selects by the key.
 */
const REGION_SPALTEN = ['regionalschluessel', 'jcnr', 'jcnummer', 'region', 'jobcenter'] as const;

/** The header name of a table's region column, if it has one; a column a local goal counts is none. */
export function regionSpalte(kopf: readonly (string | null)[], zusatz: ReadonlySet<string>): string | null {
  for (const r of REGION_SPALTEN) {
    const name = kopf.find((k) => k !== null && !zusatz.has(k) && schluessel(k) === r);
    if (name) return name;
  }
  return null;
}

/** The monthly form of `zeitraeume` is recognised by its header: a `monat` column and no `beginn`. */
export function istMonatsform(kopf: readonly (string | null)[]): boolean {
  return kopf.includes('monat') && !kopf.includes('beginn');
}

/**
 * Every column a role's header may name, from its schemas (both forms of `zeitraeume`; the known
 * columns of the open Monatswerte): what a header line is recognised by below title lines. The
 * register is never asked here, only the schemas' column names are.
 */
export function kopfSpalten(rolle: string): readonly string[] {
  const ohneRegister = null as unknown as PersonRegister;
  const schemas: Record<string, () => Schema<Spalten>[]> = {
    zeitraeume: () => [zeitraeumeTage(ohneRegister), zeitraeumeMonate(ohneRegister)],
    personen: () => [personenSchema(ohneRegister)],
    integrationen: () => [integrationenSchema(ohneRegister)],
    massnahmen: () => [massnahmenSchema(ohneRegister)],
    leistungen: () => [leistungenSchema('komma')],
    monatswerte: () => [monatswerteSchema([], 'komma', new Set())],
    vergleichstypen: () => [vergleichstypenSchema()],
  };
  const namen = (schemas[rolle]?.() ?? []).flatMap((s) => [...Object.keys(s.spalten), ...(s.offen?.bekannt ?? [])]);
  return [...new Set(namen)];
}
