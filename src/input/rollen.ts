// The canonical columns of each input role (SPEC §3). Header names are matched case-insensitively
// after trimming and after the user's column mapping; further columns are ignored.

import type { Schema, Spalte, Spalten } from './tabelle.js';
import { ARTEN, type Art } from '../core/ereignisse.js';
import { parseDatum, parseFlag, parseGeschlecht, parseMonat, parseStatus, parseText, parseZahl, type Dezimal, type Zelle } from './zellen.js';

const pflicht = <T>(lese: (roh: string) => Zelle<T>): Spalte<T> => ({ pflicht: true, lese });
const optional = <T>(lese: (roh: string) => Zelle<T>): Spalte<T> => ({ pflicht: false, lese });

/** A required cell must not be empty: a date or month parser that accepts "" gets a guard. */
function nichtLeer<T>(lese: (roh: string) => Zelle<T | null>, erwartet: string): (roh: string) => Zelle<T> {
  return (roh) => {
    if (roh.trim() === '') return { ok: false, erwartet };
    return lese(roh) as Zelle<T>;
  };
}

export const ZEITRAEUME_TAGE = {
  rolle: 'zeitraeume',
  spalten: {
    person_id: pflicht(parseText),
    beginn: pflicht(nichtLeer(parseDatum, 'das Datum des ersten Tages im Bezug')),
    ende: optional(parseDatum),
    status: optional(parseStatus),
  },
} satisfies Schema<any>;

export const ZEITRAEUME_MONATE = {
  rolle: 'zeitraeume',
  spalten: {
    person_id: pflicht(parseText),
    monat: pflicht(nichtLeer(parseMonat, 'den Monat im Bezug')),
    status: optional(parseStatus),
  },
} satisfies Schema<any>;

export const PERSONEN = {
  rolle: 'personen',
  spalten: {
    person_id: pflicht(parseText),
    geschlecht: optional(parseGeschlecht),
    geburtsdatum: optional(parseDatum),
    alleinerziehend: optional(parseFlag),
    fluchtkontext: optional(parseFlag),
  },
} satisfies Schema<any>;

function parseArt(roh: string): Zelle<Art> {
  const s = roh.trim().toUpperCase() as Art;
  return ARTEN.includes(s) ? { ok: true, wert: s } : { ok: false, erwartet: ARTEN.join(', ') };
}

const flagOderNein = (roh: string): Zelle<boolean> => {
  const z = parseFlag(roh);
  return z.ok ? { ok: true, wert: z.wert ?? false } : z;
};

export const INTEGRATIONEN = {
  rolle: 'integrationen',
  spalten: {
    person_id: pflicht(parseText),
    datum: pflicht(nichtLeer(parseDatum, 'das Datum des Beginns')),
    art: pflicht(parseArt),
    kontinuierlich: optional(flagOderNein),
    bedarfsdeckend: optional(flagOderNein),
  },
} satisfies Schema<any>;

export const MASSNAHMEN = {
  rolle: 'massnahmen',
  spalten: {
    person_id: pflicht(parseText),
    beginn: pflicht(nichtLeer(parseDatum, 'das Datum des Eintritts')),
    ende: optional(parseDatum),
    art: optional((roh: string): Zelle<string> => ({ ok: true, wert: roh.trim() })),
  },
} satisfies Schema<any>;

export function leistungenSchema(dezimal: Dezimal) {
  const zahl = (roh: string) => parseZahl(roh, dezimal);
  return {
    rolle: 'leistungen',
    spalten: { monat: pflicht(nichtLeer(parseMonat, 'den Monat der Leistung')), llu: pflicht(zahl), luh: optional(zahl) },
  } satisfies Schema<any>;
}

/** Monatswerte have open columns: `monat`, optional `gruppe`, and any number of numeric columns. */
export function monatswerteSchema(kopf: readonly string[], dezimal: Dezimal): Schema<Spalten> {
  const spalten: Spalten = {
    monat: pflicht(nichtLeer(parseMonat, 'den Monat')),
    gruppe: optional((roh: string): Zelle<string> => ({ ok: true, wert: roh.trim() || 'gesamt' })),
  };
  for (const name of kopf) if (name && !(name in spalten)) spalten[name] = optional((roh: string) => parseZahl(roh, dezimal));
  return { rolle: 'monatswerte', spalten };
}

/** The monthly form of `zeitraeume` is recognised by its header: a `monat` column and no `beginn`. */
export function istMonatsform(kopf: readonly string[]): boolean {
  return kopf.includes('monat') && !kopf.includes('beginn');
}
