// The canonical columns of each input role (SPEC §3). Header names are matched case-insensitively
// after trimming and after the user's column mapping; further columns are ignored.

import type { Schema, Spalte } from './tabelle.js';
import { parseDatum, parseFlag, parseGeschlecht, parseMonat, parseStatus, parseText, type Zelle } from './zellen.js';

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

/** The monthly form of `zeitraeume` is recognised by its header: a `monat` column and no `beginn`. */
export function istMonatsform(kopf: readonly string[]): boolean {
  return kopf.includes('monat') && !kopf.includes('beginn');
}
