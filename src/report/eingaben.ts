// How a report names its inputs (docs/vertrag.md §6: every report names each input with its rows and
// SHA-256): the fields the JSON schemas list, the words people read, and a document's footer. Every
// format takes them from here, so that no two formats describe the same input differently.

import { KODIERUNG_NAMEN, numerus, TRENNZEICHEN_NAMEN, type EingabeInfo } from '../core/modell.js';
import { anzahl, type Blatt, type Feld } from './arbeitsmappe.js';
import { texte, type Darstellung } from './darstellung.js';
import type { Block } from './dokument.js';

/**
 * An input as every JSON schema lists it under `eingaben`. Picked field by field: the key order is
 * part of the byte-identical output, and whatever else the object carries stays out.
 */
export function eingabeJson(e: EingabeInfo) {
  // A workbook has no encoding and no delimiter of its own, but a sheet.
  if (e.blatt !== undefined) return { rolle: e.rolle, datei: e.datei, zeilen: e.zeilen, sha256: e.sha256, kodierung: null, trennzeichen: null, blatt: e.blatt };
  return { rolle: e.rolle, datei: e.datei, zeilen: e.zeilen, sha256: e.sha256, kodierung: e.kodierung, trennzeichen: e.trennzeichen };
}

/** Rows and what the file is: `20.226 Zeilen · UTF-8, Semikolon`, `7 Einträge · JSON`, `60 Zeilen · Excel, Blatt „Daten“`. */
export function eingabeFormat(e: EingabeInfo, d: Darstellung): string {
  const { L, zahl } = texte(d);
  const n = e.zeilen;
  if (e.trennzeichen === null) return `${zahl(n)} ${L(numerus(n, 'Eintrag', 'Einträge'), numerus(n, 'entry', 'entries'))} · JSON`;
  const zeilen = `${zahl(n)} ${L(numerus(n, 'Zeile', 'Zeilen'), numerus(n, 'row', 'rows'))}`;
  if (e.blatt !== undefined) return `${zeilen} · Excel, ${L(`Blatt „${e.blatt}“`, `sheet “${e.blatt}”`)}`;
  return `${zeilen} · ${KODIERUNG_NAMEN[e.kodierung]}, ${L(...TRENNZEICHEN_NAMEN[e.trennzeichen])}`;
}

/** File, rows and format: `zeitraeume.csv · 20.226 Zeilen · UTF-8, Semikolon`; each format adds the checksum its own way. */
export function eingabeBeschreibung(e: EingabeInfo, d: Darstellung): string {
  return `${e.datei} · ${eingabeFormat(e, d)}`;
}

/** The inputs set apart at the end of a document (terminal, Markdown, HTML). */
export function eingabenFuss(eingaben: readonly EingabeInfo[], d: Darstellung): Block {
  const eingabe = texte(d).L('Eingabe', 'Input');
  return { art: 'fuss', zeilen: eingaben.map((e) => ({ text: `${eingabe} ${e.rolle}: ${eingabeBeschreibung(e, d)}`, sha256: e.sha256 })) };
}

/** The columns a workbook names an input with: as JSON lists it, with its kind (CSV, JSON, Excel) beside. */
export function eingabeKopf(d: Darstellung): string[] {
  const { L } = texte(d);
  return [L('Rolle', 'Role'), L('Datei', 'File'), L('Zeilen bzw. Einträge', 'Rows or entries'), 'Format', L('Kodierung', 'Encoding'), L('Trennzeichen', 'Delimiter'), L('Blatt', 'Sheet'), 'SHA-256'];
}

/** An input as a workbook's row: a CSV with its encoding and delimiter, a JSON file, a workbook with its sheet. */
export function eingabeFelder(e: EingabeInfo, d: Darstellung): Feld[] {
  const { L } = texte(d);
  const art: Feld[] =
    e.blatt !== undefined ? ['Excel', null, null, e.blatt] :
    e.trennzeichen === null ? ['JSON', null, null, null] :
    ['CSV', KODIERUNG_NAMEN[e.kodierung], L(...TRENNZEICHEN_NAMEN[e.trennzeichen]), null];
  return [e.rolle, e.datei, anzahl(e.zeilen), ...art, e.sha256];
}

/** The sheet of a workbook that names the report's inputs. */
export function eingabenBlatt(eingaben: readonly EingabeInfo[], d: Darstellung): Blatt {
  return { name: texte(d).L('Eingaben', 'Inputs'), kopfblock: [], kopf: eingabeKopf(d), zeilen: eingaben.map((e) => eingabeFelder(e, d)) };
}
