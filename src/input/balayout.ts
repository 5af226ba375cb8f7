// The layout of tables as the BA publishes them, saved from Excel as CSV (and later read from
// .xlsx): title lines above the header, footnote markers in labels, and a block of footnotes and
// sources below the data. These rules work on the rows' text, not on bytes, so every reader of
// such a table (CSV now, a workbook later) finds header and footnotes the same way.

import type { Problem } from '../fehler.js';
import { bekannteSpalte, normiereName, type Zuordnung } from './spalten.js';

/** How many lines from the top are searched for the header: BA tables have a few title lines. */
export const KOPF_SUCHE = 30;

/**
 * Whether a line's fields are a header of the role: at least two of its named fields are columns
 * of the role (canonical, mapped in the config, or a known synonym), or all of them are (a role
 * with one column). Title lines („Statistik der Bundesagentur für Arbeit“) name nothing known.
 */
export function istKopf(felder: readonly string[], spalten: readonly string[], zuordnung: readonly Zuordnung[]): boolean {
  const zugeordnet = new Set(zuordnung.map((z) => normiereName(z.von)));
  const benannt = felder.filter((f) => normiereName(f) !== '');
  const bekannt = benannt.filter((f) => zugeordnet.has(normiereName(f)) || bekannteSpalte(f, spalten) !== null).length;
  return bekannt >= 2 || (bekannt >= 1 && bekannt === benannt.length);
}

/**
 * The index of the first of the first `anzahl` lines (at most KOPF_SUCHE) that is a header, or
 * null. Lines are split only when asked, one by one, so an ordinary file (its header first) splits
 * just its first line; `felder` gives null for a line that cannot be split.
 */
export async function findeKopf(anzahl: number, felder: (i: number) => Promise<readonly string[] | null>, spalten: readonly string[], zuordnung: readonly Zuordnung[]): Promise<number | null> {
  for (let i = 0; i < Math.min(anzahl, KOPF_SUCHE); i++) {
    const f = await felder(i);
    if (f && istKopf(f, spalten, zuordnung)) return i;
  }
  return null;
}

// What starts a footnote or source line below a BA table: ©, Quelle, Hinweis(e), Erstellungsdatum,
// Stand:, Fußnote(n), a numbered note „1)“ or „1 )“, and „* text“ (the note on suppressed values;
// a lone `*` is a cell's value, not a note).
const FUSSNOTE = /^(?:©|\(c\)\s|(?:quelle|quellen|hinweise?|erstellungsdatum|fu(?:ß|ss)noten?|anmerkungen?)\b|stand\s*:|[1-9]\s?\)|\*+\s+\S)/i;

/** The first cell of a row that has text. */
const ersteGefuellte = (felder: readonly string[]): string => felder.find((f) => f.trim() !== '')?.trim() ?? '';

/** Whether a row is a footnote or source line: its first filled cell starts like one. */
export const istFussnote = (felder: readonly string[]): boolean => FUSSNOTE.test(ersteGefuellte(felder));

/**
 * Whether a row inside the footnote block still belongs to it: a footnote, an empty row, or one
 * cell of text (a note's continuation, which Excel writes into the first column). Anything else
 * looks like data, which must not hide below the notes.
 */
export const gehoertZuFussnoten = (felder: readonly string[]): boolean => istFussnote(felder) || felder.filter((f) => f.trim() !== '').length <= 1;

/** A row that looks like data below the footnotes (from line `ab`): its data would not be read. */
export const datenUnterFussnoten = (datei: string, zeile: number, ab: number, wert: string): Problem => ({
  datei, zeile, wert, erwartet: 'unter den Fußnoten nur weitere Fußnoten, Quellenangaben oder leere Zeilen',
  meldung: `Zeile ${zeile} sieht aus wie Daten, steht aber unter den Fußnoten (ab Zeile ${ab}); Daten gehören über die Fußnoten, sonst würden sie nicht gelesen.`,
});
