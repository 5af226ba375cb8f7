// Value mapping (`werte` in the config, docs/vertrag.md §3): an extract's own codes for a column's
// values ("Sozialgeld" for NEF, "Alg II" for ELB), so that nobody recodes them in Excel first. A
// mapped cell is read as the value it maps to, by the column's own rule; a value without a mapping
// stays what it is, so an unknown one is still an error, and the values left unmapped are listed.

import type { Problem } from '../fehler.js';
import { gemeinteSpalte } from './spalten.js';
import type { Schema, Spalten } from './zeilen.js';

/** Per column of a role: the extract's value → the value it means. */
export type Wertzuordnung = Record<string, Record<string, string>>;

/** Unmapped values of the mapped columns, as they were met; a few name the rest well enough. */
const HOECHSTENS_GEZEIGT = 10;

export interface Zugeordnet<S extends Spalten> {
  schema: Schema<S>;
  /** Problems of the mapping itself: a column the role lacks, a target its rule refuses. */
  probleme: Problem[];
  /** After reading: the values that neither map nor are valid, per mapped column. */
  ungedeckt: () => Problem[];
}

/** `spalten`: the config's column mapping (header → canonical), to name the column a mapping under a header means. */
export function mitWertzuordnung<S extends Spalten>(schema: Schema<S>, werte: Wertzuordnung | undefined, datei: string, konfiguration: string | undefined, spalten: readonly { von: string; nach: string | null }[] = []): Zugeordnet<S> {
  const probleme: Problem[] = [];
  const ungedeckt = new Map<string, Set<string>>();
  if (!werte || !Object.keys(werte).length) return { schema, probleme, ungedeckt: () => [] };
  const wo = (spalte: string) => `„werte.${schema.rolle}.${spalte}“${konfiguration ? ` in ${konfiguration}` : ''}`;
  const gelesen: Spalten = { ...schema.spalten };
  for (const [spalte, zuordnung] of Object.entries(werte)) {
    const s = schema.spalten[spalte];
    if (!s) {
      // Values are mapped under the canonical column: a header the config renames points there.
      const umbenannt = spalten.find((z) => z.nach !== null && z.von.trim().toLowerCase() === spalte)?.nach;
      const gemeint = umbenannt ?? gemeinteSpalte(spalte, Object.keys(schema.spalten));
      const warum = umbenannt ? `; „${spalte}“ heißt nach der Zuordnung der Spalten „${umbenannt}“, die Werte gehören unter „werte.${schema.rolle}.${umbenannt}“` : gemeint ? `; gemeint ist wohl „${gemeint}“` : '';
      probleme.push({ datei, zeile: 1, spaltenname: spalte, meldung: `${wo(spalte)}: ${schema.rolle} hat keine Spalte „${spalte}“${warum}.` });
      continue;
    }
    const karte = new Map<string, string>();
    const geschrieben = new Map<string, string>();
    for (const [von, nach] of Object.entries(zuordnung)) {
      const z = s.lese(nach);
      if (!z.ok) probleme.push({ datei, zeile: 1, spaltenname: spalte, wert: nach, erwartet: z.erwartet, meldung: `${wo(spalte)}: „${von}“ → „${nach}“, aber „${nach}“ ist kein Wert der Spalte ${spalte}; erwartet ${z.erwartet}.` });
      // Cells are matched without their outer blanks, so two keys that differ only there name the
      // same cells: with different targets, the later one would silently win.
      const schluessel = von.trim();
      const frueher = karte.get(schluessel);
      if (frueher !== undefined && frueher !== nach) {
        probleme.push({ datei, zeile: 1, spaltenname: spalte, wert: von, meldung: `${wo(spalte)}: „${geschrieben.get(schluessel)}“ → „${frueher}“ und „${von}“ → „${nach}“ meinen dieselben Zellen (Leerzeichen am Rand zählen nicht), aber verschiedene Werte.` });
      }
      karte.set(schluessel, nach);
      geschrieben.set(schluessel, von);
    }
    const offen = new Set<string>();
    ungedeckt.set(spalte, offen);
    // Without its byte reader the column is read as text, where the mapping applies.
    gelesen[spalte] = {
      pflicht: s.pflicht,
      lese: (roh: string) => {
        const z = s.lese(karte.get(roh.trim()) ?? roh);
        if (!z.ok) offen.add(roh.trim());
        return z;
      },
    };
  }
  return {
    schema: { ...schema, spalten: gelesen as S },
    probleme,
    ungedeckt: () =>
      [...ungedeckt].flatMap(([spalte, offen]) => {
        if (!offen.size) return [];
        const werteListe = [...offen].slice(0, HOECHSTENS_GEZEIGT).map((w) => `„${w}“`).join(', ') + (offen.size > HOECHSTENS_GEZEIGT ? ` und ${offen.size - HOECHSTENS_GEZEIGT} weitere` : '');
        return [{ datei, spaltenname: spalte, meldung: `Spalte ${spalte}: ohne Zuordnung in ${wo(spalte)} und ungültig: ${werteListe}. Abhilfe: sie dort zuordnen.` }];
      }),
  };
}
