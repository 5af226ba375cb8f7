// A report as a plain workbook (docs/vertrag.md §6): sheets of rows of cells, each number with the
// exact value and the format it is shown in. Each report describes its workbook here, as a pure
// function of its model; src/report/xlsx.ts alone turns the description into the bytes of an .xlsx,
// so that the library behind it can be swapped without touching a report.

import { isoMonat } from '../core/kalender.js';
import { darstellungJson, texte, type Darstellung } from './darstellung.js';
import { demoHinweis } from './dokument.js';
import { runde } from './zahlen.js';

/**
 * How a number is shown: a count, a share or a change (stored as a fraction, 0.3512 for 35,12 %),
 * euros, or a signed difference; with so many decimals.
 */
export type Zahlformat = 'anzahl' | 'prozent' | 'veraenderung' | 'euro' | 'differenz';

export interface Zahl {
  zahl: number;
  format: Zahlformat;
  stellen: number;
}

/** A cell: text (the BA symbols `x` and `*` among it), a number with its format, or empty. */
export type Feld = string | Zahl | null;

export interface Blatt {
  name: string;
  /**
   * Rows above the table: the report's title, then what it is about as label and value. Empty for
   * a sheet that must stay a plain table (header in row 1), such as Monatswerte that are read back.
   */
  kopfblock: Feld[][];
  /** The header row, frozen so that it stays in view. */
  kopf: string[];
  zeilen: Feld[][];
}

export interface Arbeitsmappe {
  titel: string;
  /** The creation time with `--stamp` (ISO with offset); null: the fixed time every rerun shares. */
  erstellt: string | null;
  blaetter: Blatt[];
}

/** A count as it is: whole numbers without decimals, a mean stock or a share of a year with one. */
export const anzahl = (w: number, stellen = 1): Zahl => ({ zahl: w, format: 'anzahl', stellen: Number.isInteger(w) ? 0 : stellen });

/** A value in per cent (as the core computes it) as the fraction a percent format expects. */
export const prozent = (w: number, stellen = 1): Zahl => ({ zahl: w / 100, format: 'prozent', stellen });

/** A change in per cent, shown with its sign. */
export const veraenderung = (w: number, stellen = 1): Zahl => ({ zahl: w / 100, format: 'veraenderung', stellen });

export const euro = (w: number): Zahl => ({ zahl: w, format: 'euro', stellen: 2 });

/** A value the report prints as a number, `*` (suppressed) or `x` (not computable, null). */
/** An indicator's value: a level as a percentage, a change with its sign (`einheit` as the JSON writes it). */
export const wertFormat = (einheit: string): ((w: number) => Zahl) => (einheit === 'prozent' ? (w) => prozent(w) : (w) => veraenderung(w));

export const feldVon = (w: number | '*' | null, als: (w: number) => Zahl): Feld => (w === null ? 'x' : w === '*' ? '*' : als(w));

/**
 * The title block every report's first sheet opens with (docs/vertrag.md §6): the title, then
 * Jobcenter, Berichtsmonat, Datenstand, what the report adds, the demo mark, the stamp and the
 * disclosure threshold, each where it applies.
 */
export function titelblock(titel: string, angaben: [string, Feld][], d: Darstellung, demo = false): Feld[][] {
  const { L } = texte(d);
  const { erstellt, gesperrt_unter } = darstellungJson(d);
  return [
    [titel],
    ...angaben,
    ...(demo ? [['Demo', demoHinweis(d.sprache)]] : []),
    ...(erstellt ? [[L('Erstellt', 'Created'), erstellt]] : []),
    ...(gesperrt_unter !== undefined ? [[L('Gesperrt unter', 'Suppressed below'), anzahl(gesperrt_unter)]] : []),
  ];
}

/** The Jobcenter as the title block names it, also when none was given. */
export const jobcenterAngabe = (jobcenter: string | null, d: Darstellung): [string, Feld] => ['Jobcenter', jobcenter ?? texte(d).L('nicht angegeben', 'not stated')];

/** What `x` means, first among a workbook's notes. */
export const xAngabe = (d: Darstellung): [string, Feld] => ['x', texte(d).L('nicht berechenbar', 'not computable')];

/** The sheet of notes: what `x` (and `*`) mean, then each note with the value it refers to. */
export function hinweisBlatt(zeilen: [string, string][], d: Darstellung): Blatt {
  const { L } = texte(d);
  return { name: L('Hinweise', 'Notes'), kopfblock: [], kopf: [L('Bezug', 'Refers to'), L('Hinweis', 'Note')], zeilen: [xAngabe(d), ...zeilen] };
}

/** A month in a data column: text `2017-01`, which Excel neither turns into a date nor reorders. */
export const monatsFeld = (m: number): string => isoMonat(m);

/**
 * How many characters a cell takes as German Excel shows it, for column widths that fit: the
 * digits with their separators, the sign, the decimals and the unit.
 */
export function anzeigeBreite(f: Feld): number {
  if (f === null) return 0;
  if (typeof f === 'string') return Math.max(0, ...f.split('\n').map((z) => z.length));
  const w = f.format === 'prozent' || f.format === 'veraenderung' ? f.zahl * 100 : f.zahl;
  const ganz = Math.trunc(Math.abs(runde(w, f.stellen))).toString().length;
  const trenner = Math.floor((ganz - 1) / 3);
  const vorzeichen = w < 0 || f.format === 'veraenderung' || f.format === 'differenz' ? 1 : 0;
  const einheit = f.format === 'prozent' || f.format === 'veraenderung' || f.format === 'euro' ? 2 : 0;
  return vorzeichen + ganz + trenner + (f.stellen ? f.stellen + 1 : 0) + einheit;
}
