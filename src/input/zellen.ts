// Typed cells. Each parser takes the raw text of one CSV field and returns either the value or
// what was expected, so the reader can report file, line, column, value and expectation.

import { gueltigesDatum, monatIndex, monatVonTag, tagNummer } from '../core/kalender.js';
import { fehlt, GESPERRT, type Wert } from '../core/monatswerte/monatswerte.js';

export type Zelle<T> = { ok: true; wert: T } | { ok: false; erwartet: string };

const ok = <T>(wert: T): Zelle<T> => ({ ok: true, wert });
const falsch = (erwartet: string): Zelle<never> => ({ ok: false, erwartet });

export const ERWARTET_DATUM = 'ein Datum wie 2017-03-15 oder 15.03.2017';
export const ERWARTET_MONAT = 'einen Monat wie 2017-03, 03/2017, 03.2017, 201703, März 2017 oder ein Datum darin';

// Exports from Excel and databases often carry a time of day ("15.03.2017 00:00:00"); the day is
// what counts. A time with a zone is refused: its calendar day depends on where it is read.
const UHRZEIT = '(?:[ T](?:[01]?\\d|2[0-3]):[0-5]\\d(?::[0-5]\\d(?:[.,]\\d+)?)?)?';
const ISO_DATUM = new RegExp(`^(\\d{4})-(\\d{2})-(\\d{2})${UHRZEIT}$`);
const DE_DATUM = new RegExp(`^(\\d{1,2})\\.(\\d{1,2})\\.(\\d{4})${UHRZEIT}$`);

const ziffer = (s: string, i: number) => s.charCodeAt(i) - 48;
const istZiffer = (s: string, i: number) => ziffer(s, i) >= 0 && ziffer(s, i) <= 9;
const zahlAus = (s: string, von: number, bis: number) => {
  let n = 0;
  for (let i = von; i < bis; i++) {
    if (!istZiffer(s, i)) return -1;
    n = n * 10 + ziffer(s, i);
  }
  return n;
};

/** A calendar day as a day number; `null` for an empty cell. */
export function parseDatum(roh: string): Zelle<number | null> {
  // Fast path for the ISO form of large extracts; everything else takes the general route.
  if (roh.length === 10 && roh.charCodeAt(4) === 45 && roh.charCodeAt(7) === 45) {
    const j = zahlAus(roh, 0, 4), m = zahlAus(roh, 5, 7), t = zahlAus(roh, 8, 10);
    if (j >= 0 && m >= 0 && t >= 0 && gueltigesDatum(j, m, t)) return ok(tagNummer(j, m, t));
  }
  const s = roh.trim();
  if (s === '') return ok(null);
  let j: number, m: number, t: number;
  let treffer = ISO_DATUM.exec(s);
  if (treffer) {
    j = +treffer[1]; m = +treffer[2]; t = +treffer[3];
  } else if ((treffer = DE_DATUM.exec(s))) {
    t = +treffer[1]; m = +treffer[2]; j = +treffer[3];
  } else {
    return falsch(ERWARTET_DATUM);
  }
  if (j < 1900 || j > 2199) return falsch(`${ERWARTET_DATUM} (Jahre 1900 bis 2199)`);
  if (!gueltigesDatum(j, m, t)) return falsch(`${ERWARTET_DATUM} (diesen Tag gibt es nicht)`);
  return ok(tagNummer(j, m, t));
}

const MONAT_ISO = /^(\d{4})-(\d{1,2})$/;
const MONAT_DE = /^(\d{1,2})[/.](\d{4})$/;
const MONAT_KOMPAKT = /^(\d{4})(\d{2})$/;
// BA tables and German Excel name months: "Januar 2017", "Jan. 2017", "Mrz 2017", and Excel's
// format MMM JJ "Mrz 17" (SGB II data begin in 2005, so a two-digit year is 20JJ).
const MONAT_NAME = /^(\p{L}+)\.?\s+(\d{4}|\d{2})$/u;
// Every spelling of a German month a BA table or German Excel writes, Austria's "Jänner" included.
// A table of our own: date-fns' German locale knows neither "Mrz" nor "Sept", and loading its
// parser would cost every run some 40 ms for a cell form most files never use.
const MONATSNAMEN: ReadonlyMap<string, number> = new Map(
  [
    ['jan', 'januar', 'jän', 'jänner'], ['feb', 'februar'], ['mär', 'mrz', 'märz', 'maerz'], ['apr', 'april'], ['mai'], ['jun', 'juni'],
    ['jul', 'juli'], ['aug', 'august'], ['sep', 'sept', 'september'], ['okt', 'oktober'], ['nov', 'november'], ['dez', 'dezember'],
  ].flatMap((namen, i) => namen.map((n): [string, number] => [n, i + 1])),
);

/** 1 … 12 for a German month name or its abbreviation, 0 for anything else. */
const monatsnummer = (name: string): number => MONATSNAMEN.get(name.toLowerCase()) ?? 0;

/** A month as a month index; `null` for an empty cell. */
export function parseMonat(roh: string): Zelle<number | null> {
  if (roh.length === 7 && roh.charCodeAt(4) === 45) {
    const j = zahlAus(roh, 0, 4), m = zahlAus(roh, 5, 7);
    if (j >= 1900 && j <= 2199 && m >= 1 && m <= 12) return ok(monatIndex(j, m));
  }
  const s = roh.trim();
  if (s === '') return ok(null);
  let j: number, m: number;
  let treffer = MONAT_ISO.exec(s) ?? MONAT_KOMPAKT.exec(s);
  if (treffer) {
    j = +treffer[1]; m = +treffer[2];
  } else if ((treffer = MONAT_DE.exec(s))) {
    m = +treffer[1]; j = +treffer[2];
  } else if ((treffer = MONAT_NAME.exec(s)) && (m = monatsnummer(treffer[1]))) {
    j = treffer[2].length === 2 ? 2000 + +treffer[2] : +treffer[2];
  } else {
    // A spreadsheet often keeps a month as its first day: a date names its month.
    const tag = parseDatum(s);
    if (!tag.ok || tag.wert === null) return falsch(ERWARTET_MONAT);
    return ok(monatVonTag(tag.wert));
  }
  if (m < 1 || m > 12 || j < 1900 || j > 2199) return falsch(`${ERWARTET_MONAT} (diesen Monat gibt es nicht)`);
  return ok(monatIndex(j, m));
}

const JA = new Set(['1', 'ja', 'j', 'true', 'wahr', 'yes', 'y']);
const NEIN = new Set(['0', 'nein', 'n', 'false', 'falsch', 'no']);

/** A yes/no flag; `null` for an empty cell (unknown). */
export function parseFlag(roh: string): Zelle<boolean | null> {
  const s = roh.trim().toLowerCase();
  if (s === '') return ok(null);
  if (JA.has(s)) return ok(true);
  if (NEIN.has(s)) return ok(false);
  return falsch('1/0, ja/nein oder true/false');
}

export type Geschlecht = 'm' | 'w' | 'd' | 'x';
const GESCHLECHT: Record<string, Geschlecht> = {
  m: 'm', 'männlich': 'm', maennlich: 'm',
  w: 'w', weiblich: 'w', f: 'w',
  d: 'd', divers: 'd',
  x: 'x', 'ohne angabe': 'x', o: 'x',
};

export function parseGeschlecht(roh: string): Zelle<Geschlecht | null> {
  const s = roh.trim().toLowerCase();
  if (s === '') return ok(null);
  const g = GESCHLECHT[s];
  return g ? ok(g) : falsch('m, w, d oder x');
}

export type Status = 'ELB' | 'NEF';

/** Benefit status of a period; an empty cell means ELB, as the spec says. */
const ELB: Zelle<Status> = ok('ELB');
const NEF: Zelle<Status> = ok('NEF');

export function parseStatus(roh: string): Zelle<Status> {
  if (roh === 'ELB') return ELB;
  const s = roh.trim().toUpperCase();
  if (s === '' || s === 'ELB') return ELB;
  if (s === 'NEF') return NEF;
  return falsch('ELB oder NEF');
}

export type Dezimal = 'komma' | 'punkt';

/** The decimal mark where none is given: the point in comma-separated files, the comma elsewhere. */
export const standardDezimal = (trennzeichen: string): Dezimal => (trennzeichen === ',' ? 'punkt' : 'komma');

/**
 * A numeric cell. BA table symbols are kept as what they mean: `-` is zero ("nichts vorhanden"),
 * `*` is suppressed for confidentiality, `x`, `.` and `.x` are "not available". A suppressed or missing
 * value must never turn into a silent zero, so it stays a value of its own kind.
 */
const KOMMA_ZAHL = /^[+-]?(\d{1,3}(\.\d{3})+|\d+)(,\d+)?$/;
const PUNKT_ZAHL = /^[+-]?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$/;

// Excel saves a currency-formatted cell as it shows it: "2.853.219,87 €".
const WAEHRUNG = /^(?:€|EUR)\s*|\s*(?:€|EUR)$/g;

export function parseZahl(roh: string, dezimal: Dezimal): Zelle<Wert> {
  const s = roh.trim().replace(WAEHRUNG, '');
  if (s === '-') return ok(0);
  if (s === '*') return ok(GESPERRT);
  // `.x` marks a change of more than 250 % in BA tables: no usable value either.
  if (s === '' || s === 'x' || s === 'X' || s === '.' || s === '.x') return ok(fehlt());
  // The other convention is named, not guessed: "1.234" is a thousand or one point two three four.
  if (dezimal === 'komma') {
    if (!KOMMA_ZAHL.test(s)) return falsch(`eine Zahl mit Dezimalkomma wie 1.234,5 (oder -, *, x)${PUNKT_ZAHL.test(s) ? '; mit Dezimalpunkt geschrieben? dann --decimal point' : ''}`);
    return ok(Number(s.replace(/\./g, '').replace(',', '.')));
  }
  if (!PUNKT_ZAHL.test(s)) return falsch(`eine Zahl mit Dezimalpunkt wie 1,234.5 (oder -, *, x)${KOMMA_ZAHL.test(s) ? '; mit Dezimalkomma geschrieben? dann --decimal comma' : ''}`);
  return ok(Number(s.replace(/,/g, '')));
}

/** A blank or a tab: what `trim()` removes around a cell on the text path. */
export const istLeerzeichen = (b: number): boolean => b === 32 || b === 9;

/**
 * Can a cell end in this byte on the byte path, where the text path would trim nothing? Only a
 * printable ASCII byte: trim() also takes control characters (\v, \f) and Unicode blanks
 * (no-break space, BOM, U+2003 …), whose UTF-8 bytes are ≥ 0x80, so a cell with such a byte at an
 * end goes the text path.
 */
export const istFesterRand = (b: number): boolean => b > 32 && b < 127;

/** A byte reader's "not mine": the text parser decides. */
export const UNGELESEN: unique symbol = Symbol('ungelesen');

// Byte readers for the fast path. They accept only the plain forms of large extracts and return
// undefined for anything else, which then goes through the text parsers above (and their messages).

const z = (b: Uint8Array, i: number) => b[i] - 48;
const ziffern = (b: Uint8Array, von: number, bis: number) => {
  let n = 0;
  for (let i = von; i < bis; i++) {
    const d = z(b, i);
    if (d < 0 || d > 9) return -1;
    n = n * 10 + d;
  }
  return n;
};

/** `2017-03-15`; an empty cell is null. */
export function datumAusBytes(b: Uint8Array, von: number, bis: number): number | null | typeof UNGELESEN {
  if (bis === von) return null;
  if (bis - von !== 10 || b[von + 4] !== 45 || b[von + 7] !== 45) return UNGELESEN;
  const j = ziffern(b, von, von + 4), m = ziffern(b, von + 5, von + 7), t = ziffern(b, von + 8, von + 10);
  return j >= 0 && m >= 0 && t >= 0 && gueltigesDatum(j, m, t) ? tagNummer(j, m, t) : UNGELESEN;
}

/** `2017-03`. */
export function monatAusBytes(b: Uint8Array, von: number, bis: number): number | typeof UNGELESEN {
  if (bis - von !== 7 || b[von + 4] !== 45) return UNGELESEN;
  const j = ziffern(b, von, von + 4), m = ziffern(b, von + 5, von + 7);
  return j >= 1900 && j <= 2199 && m >= 1 && m <= 12 ? monatIndex(j, m) : UNGELESEN;
}

/** Empty, `ELB` or `NEF`. */
export function statusAusBytes(b: Uint8Array, von: number, bis: number): Status | typeof UNGELESEN {
  if (bis === von) return 'ELB';
  if (bis - von !== 3) return UNGELESEN;
  if (b[von] === 69 && b[von + 1] === 76 && b[von + 2] === 66) return 'ELB';
  if (b[von] === 78 && b[von + 1] === 69 && b[von + 2] === 70) return 'NEF';
  return UNGELESEN;
}

/** `1`/`0`, `ja`/`nein`; empty is null. */
export function flagAusBytes(b: Uint8Array, von: number, bis: number): boolean | null | typeof UNGELESEN {
  const n = bis - von;
  if (n === 0) return null;
  if (n === 1) return b[von] === 49 ? true : b[von] === 48 ? false : UNGELESEN;
  if (n === 2 && b[von] === 106 && b[von + 1] === 97) return true;
  if (n === 4 && b[von] === 110 && b[von + 1] === 101 && b[von + 2] === 105 && b[von + 3] === 110) return false;
  return UNGELESEN;
}

const GESCHLECHT_BYTE: Record<number, Geschlecht> = { 109: 'm', 119: 'w', 100: 'd', 120: 'x' };

/** `m`, `w`, `d`, `x`; empty is null. */
export function geschlechtAusBytes(b: Uint8Array, von: number, bis: number): Geschlecht | null | typeof UNGELESEN {
  if (bis === von) return null;
  return bis - von === 1 ? (GESCHLECHT_BYTE[b[von]] ?? UNGELESEN) : UNGELESEN;
}
