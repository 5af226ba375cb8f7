// A report as a format-neutral document: headings, lines, tables, notes and charts. Each report
// (lzb, § 48a, Monatswerte) describes itself once; the terminal, Markdown and HTML renderers turn
// the same description into their format.

import type { Richtung } from '../core/kennzahlen/definitionen.js';
import type { Sprache } from './darstellung.js';

/** How a cell is meant: colour on a terminal, a class in HTML, plain in Markdown. */
export type Stil = 'x' | 'gesperrt' | 'gut' | 'schlecht' | 'erreicht' | 'verfehlt' | 'offen' | 'leise';
export type Zelle = string | { text: string; stil: Stil };

/** An input as a report's footer shows it; each format decides how much of the checksum to print. */
export interface Eingabezeile {
  text: string;
  sha256: string;
}

export interface Reihe {
  name: string;
  /** One value per month of the chart, null where not computable. */
  werte: (number | null)[];
  art: 'linie' | 'gestrichelt';
  /** Indexes where the line starts afresh (a year-to-date value restarts in January). */
  neuAb?: number[];
}

export interface Grafik {
  titel: string;
  /** Month labels along the x axis. */
  monate: string[];
  reihen: Reihe[];
  /**
   * The target per month (a constant for a bound, a rising line for an annual count pro rata), its
   * name in the legend and the label at its end.
   */
  soll?: { name: string; beschriftung: string; werte: (number | null)[] };
  /**
   * Which way is good, stated under the title; with a Soll, the side of it that meets the target
   * is shaded. Absent where no direction is agreed (the LZB counts).
   */
  richtung?: Richtung;
  /** A line under the chart, such as the December projection beside the December Soll. */
  notiz?: string;
  einheit: '%' | '';
  /** Decimals of a point's value as its tooltip states it (the tables' precision). */
  stellen: number;
}

/**
 * One indicator across a peer group: a dot per Jobcenter with a value (the own one marked), the
 * peers' median and the group's aggregate as lines, and which way is good.
 */
export interface Streifen {
  titel: string;
  punkte: { name: string; wert: number; eigen: boolean }[];
  median: number | null;
  aggregat: number | null;
  /** Names of the two lines in the legend. */
  namen: { eigen: string; median: string; aggregat: string };
  richtung: Richtung;
  einheit: '%' | '';
  stellen: number;
}

export type Block =
  | { art: 'titel'; text: string; demo: boolean }
  | { art: 'text'; text: string; leise?: boolean }
  | { art: 'abschnitt'; text: string }
  | { art: 'tabelle'; kopf: string[]; zeilen: Zelle[][]; links: number }
  | { art: 'notizen'; titel: string; punkte: string[] }
  | { art: 'grafiken'; grafiken: Grafik[] }
  /** Strip plots of a comparison (HTML only, as the charts). */
  | { art: 'streifen'; streifen: Streifen[] }
  /** The report's inputs (file, rows, checksum), set apart at the end. */
  | { art: 'fuss'; zeilen: Eingabezeile[] };

export interface Dokument {
  sprache: Sprache;
  titel: string;
  bloecke: Block[];
}

/**
 * What the DEMO mark says (docs/vertrag.md §2: `demo` is marked as a demo). Every format, the CSV
 * included, takes its words from here, so that no reader of one format is told something else.
 */
export const demoHinweis = (sprache: Dokument['sprache']): string => (sprache === 'en' ? 'synthetic sample data, not real figures' : 'synthetische Beispieldaten, keine echten Zahlen');

export const zelle = (text: string, stil?: Stil): Zelle => (stil ? { text, stil } : text);
export const zellText = (z: Zelle) => (typeof z === 'string' ? z : z.text);
