// How a report names its inputs (SPEC §2): file, rows, encoding, delimiter and SHA-256.

import { KODIERUNG_NAMEN } from '../input/dekodierung.js';
import type { EingabeInfo, Trennzeichen } from '../input/tabelle.js';
import { texte, type Darstellung } from './darstellung.js';

const TRENNER: Record<Trennzeichen, [string, string]> = { ';': ['Semikolon', 'semicolon'], ',': ['Komma', 'comma'], '\t': ['Tab', 'tab'] };

export function eingabeZeile(e: EingabeInfo, d: Darstellung): string {
  const { L, zahl } = texte(d);
  const format =
    e.trennzeichen === null
      ? `${zahl(e.zeilen)} ${L('Einträge', 'entries')} · JSON`
      : `${zahl(e.zeilen)} ${L('Zeilen', 'rows')} · ${KODIERUNG_NAMEN[e.kodierung]}, ${L(...TRENNER[e.trennzeichen])}`;
  return `${L('Eingabe', 'Input')} ${e.rolle}: ${e.datei} · ${format} · SHA-256 ${e.sha256.slice(0, 16)}…`;
}
