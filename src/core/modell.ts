// The models that cross the pipeline's stages: what was read (inputs described for the reports'
// provenance) and the person-level data every count is made from. Plain types, no behaviour.

import type { Ereignisse, Spanne } from './ereignisse.js';
import type { LzbRegel } from './lzb/regel.js';
import type { Abdeckung } from './lzb/stichtage.js';
import type { Merkmale } from './merkmale.js';
import type { Wert } from './monatswerte/monatswerte.js';
import type { Zeitlinien } from './zeitlinien.js';

/** The kinds of input, each with its own columns; `--config` names files by them. */
export const EINGABE_ROLLEN = ['zeitraeume', 'personen', 'integrationen', 'massnahmen', 'leistungen', 'monatswerte', 'ziele', 'vergleichstypen'] as const;
export type EingabeRolle = (typeof EINGABE_ROLLEN)[number];

export type Kodierung = 'utf8' | 'cp1252' | 'utf16le';
export type Trennzeichen = ';' | ',' | '\t';

/** How messages and reports name an encoding. */
export const KODIERUNG_NAMEN: Record<Kodierung, string> = { utf8: 'UTF-8', cp1252: 'Windows-1252', utf16le: 'UTF-16LE' };
/** How messages and reports name a delimiter: German, English. */
export const TRENNZEICHEN_NAMEN: Record<Trennzeichen, readonly [string, string]> = { ';': ['Semikolon', 'semicolon'], ',': ['Komma', 'comma'], '\t': ['Tab', 'tab'] };

/**
 * Singular or plural, the one place that decides it for every message and report: `eins` for
 * exactly one, `viele` for everything else (`0 Zeilen`). Either may be a whole phrase (`ein Ziel
 * nennt eine Spalte`), so that the verb agrees too.
 */
export const numerus = (n: number, eins: string, viele: string): string => (n === 1 ? eins : viele);

export interface EingabeInfo {
  rolle: string;
  datei: string;
  /** Data rows (for a JSON input: its entries). */
  zeilen: number;
  sha256: string;
  kodierung: Kodierung;
  /** null for a JSON input. */
  trennzeichen: Trennzeichen | null;
  /** The sheet read, for a workbook (.xlsx); encoding and delimiter then mean nothing. */
  blatt?: string;
}

export interface PersonenDaten {
  regel: LzbRegel;
  abdeckung: Abdeckung;
  zeitlinien: Zeitlinien;
  merkmale: Merkmale | null;
  ereignisse: Ereignisse | null;
  /** The integrations input has a `kontinuierlich` column. */
  kontinuierlichBekannt: boolean;
  /** Measures as day ranges per person (K3E2), or null without a `massnahmen` input. */
  massnahmen: Zeitlinien | null;
  /** The earliest and latest start of a measure: the period the input observes. */
  massnahmenSpanne?: Spanne | null;
  /** Benefit sums per month; `luh` only if the input has that column. */
  leistungen: { llu: Map<number, Wert>; luh: Map<number, Wert> | null } | null;
}
