// What `check` shows: one line per input with its problems, or a JSON document a script can read.

import type { ChalkInstance } from 'chalk';
import { numerus, type EingabeInfo, type EingabeRolle } from '../core/modell.js';
import { problemZeile, type Problem } from '../fehler.js';
import { STANDARD_DARSTELLUNG } from './darstellung.js';
import { eingabeFormat, eingabeJson } from './eingaben.js';
import { deZahl } from './zahlen.js';

/** `1 Datei`, `2 Dateien`: the count in digits, as in a summary line. */
const stueck = (n: number, eins: string, viele: string) => `${deZahl(n)} ${numerus(n, eins, viele)}`;

export interface Pruefung {
  rolle: EingabeRolle;
  datei: string;
  info: EingabeInfo | null;
  beschreibung: string;
  probleme: Problem[];
  abgebrochen: boolean;
  /** The file could not be opened (exit 66). */
  fehlt: string | null;
}

export interface CheckModell {
  pruefungen: Pruefung[];
}

const gueltig = (m: CheckModell) => m.pruefungen.every((e) => !e.fehlt && !e.probleme.length);

export function checkJson(m: CheckModell): string {
  const doc = {
    schema: 'kennzahlen-check/1',
    gueltig: gueltig(m),
    eingaben: m.pruefungen.map((e) => ({
      ...(e.info ? eingabeJson(e.info) : { rolle: e.rolle, datei: e.datei, zeilen: null, sha256: null, kodierung: null, trennzeichen: null }),
      gueltig: !e.fehlt && !e.probleme.length && !e.abgebrochen,
      fehlt: e.fehlt,
      probleme: e.probleme,
      abgebrochen: e.abgebrochen,
    })),
  };
  return JSON.stringify(doc, null, 2) + '\n';
}

export function checkText(m: CheckModell, farbe: ChalkInstance): string {
  const zeilen: string[] = [];
  let gesamt = 0;
  const probleme = (n: number) => stueck(n, 'Problem', 'Probleme');
  for (const e of m.pruefungen) {
    gesamt += e.probleme.length;
    const kopf = `${e.rolle.padEnd(14)}${e.datei}`;
    if (e.fehlt) zeilen.push(`${farbe.red('✗')} ${kopf}: ${e.fehlt}`);
    else if (e.probleme.length || e.abgebrochen) {
      zeilen.push(`${farbe.red('✗')} ${kopf}: ${e.probleme.length ? probleme(e.probleme.length) : 'nicht geprüft'}${e.abgebrochen ? ' (abgebrochen, --max-errors)' : ''}`);
      for (const p of e.probleme) zeilen.push(`  ${problemZeile(p)}`);
    } else {
      const i = e.info!;
      zeilen.push(`${farbe.green('✓')} ${kopf}: ${eingabeFormat(i, STANDARD_DARSTELLUNG)} · ${e.beschreibung}`);
    }
  }
  const dateien = stueck(m.pruefungen.length, 'Datei', 'Dateien');
  zeilen.push(
    gueltig(m)
      ? farbe.green(`${dateien} gültig.`)
      : farbe.red(`${dateien} geprüft: ${probleme(gesamt)}${m.pruefungen.some((e) => e.fehlt) ? ', Datei fehlt' : ''}.`),
  );
  return zeilen.join('\n') + '\n';
}
