// How a report names its inputs (docs/vertrag.md §2): file, rows, encoding, delimiter and SHA-256.

import { KODIERUNG_NAMEN } from '../input/dekodierung.js';
import type { EingabeInfo, Trennzeichen } from '../core/modell.js';
import { texte, type Darstellung } from './darstellung.js';
import type { Eingabezeile } from './dokument.js';
import { numerus } from './zahlen.js';

const TRENNER: Record<Trennzeichen, [string, string]> = { ';': ['Semikolon', 'semicolon'], ',': ['Komma', 'comma'], '\t': ['Tab', 'tab'] };

/** File, rows, encoding and delimiter (or JSON): `zeitraeume.csv · 20.226 Zeilen · UTF-8, Semikolon`; each format adds the checksum its own way. */
export function eingabeBeschreibung(e: EingabeInfo, d: Darstellung): string {
  const { L, zahl } = texte(d);
  const n = e.zeilen;
  const format =
    e.trennzeichen === null
      ? `${zahl(n)} ${L(numerus(n, 'Eintrag', 'Einträge'), numerus(n, 'entry', 'entries'))} · JSON`
      : `${zahl(n)} ${L(numerus(n, 'Zeile', 'Zeilen'), numerus(n, 'row', 'rows'))} · ${KODIERUNG_NAMEN[e.kodierung]}, ${L(...TRENNER[e.trennzeichen])}`;
  return `${e.datei} · ${format}`;
}

export function eingabeZeile(e: EingabeInfo, d: Darstellung): Eingabezeile {
  return { text: `${texte(d).L('Eingabe', 'Input')} ${e.rolle}: ${eingabeBeschreibung(e, d)}`, sha256: e.sha256 };
}
