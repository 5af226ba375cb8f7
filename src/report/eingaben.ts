// How a report names its inputs (SPEC §2): file, rows, encoding, delimiter and SHA-256.

import { KODIERUNG_NAMEN } from '../input/dekodierung.js';
import { TRENNZEICHEN_NAMEN, type EingabeInfo } from '../input/tabelle.js';
import { deZahl } from './zahlen.js';

export function eingabeZeile(e: EingabeInfo): string {
  const format = e.trennzeichen === null ? `${deZahl(e.zeilen)} Einträge · JSON` : `${deZahl(e.zeilen)} Zeilen · ${KODIERUNG_NAMEN[e.kodierung]}, ${TRENNZEICHEN_NAMEN[e.trennzeichen]}`;
  return `Eingabe ${e.rolle}: ${e.datei} · ${format} · SHA-256 ${e.sha256.slice(0, 16)}…`;
}
