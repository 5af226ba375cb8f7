// What `check` shows: one line per input with its problems, a JSON document a script can read, or
// a workbook.

import type { ChalkInstance } from 'chalk';
import { numerus, type EingabeInfo, type EingabeRolle } from '../core/modell.js';
import { problemZeile, zellAdresse, type Problem } from '../fehler.js';
import { anzahl, titelblock, type Arbeitsmappe, type Feld } from './arbeitsmappe.js';
import { STANDARD_DARSTELLUNG } from './darstellung.js';
import { eingabeFelder, eingabeFormat, eingabeJson, eingabeKopf } from './eingaben.js';
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

/** The closing line of `check`: all valid, or how many problems in how many files. */
function ergebnisText(m: CheckModell): string {
  const gesamt = m.pruefungen.reduce((n, e) => n + e.probleme.length, 0);
  const dateien = stueck(m.pruefungen.length, 'Datei', 'Dateien');
  return gueltig(m) ? `${dateien} gültig.` : `${dateien} geprüft: ${stueck(gesamt, 'Problem', 'Probleme')}${m.pruefungen.some((e) => e.fehlt) ? ', Datei fehlt' : ''}.`;
}

export function checkText(m: CheckModell, farbe: ChalkInstance): string {
  const zeilen: string[] = [];
  const probleme = (n: number) => stueck(n, 'Problem', 'Probleme');
  for (const e of m.pruefungen) {
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
  zeilen.push(gueltig(m) ? farbe.green(ergebnisText(m)) : farbe.red(ergebnisText(m)));
  return zeilen.join('\n') + '\n';
}

/**
 * `check` as a workbook: a row per input under the result, then a row per problem with file, line,
 * column and value, as `check --json` lists them. Its words are German, as its other formats.
 */
export function checkMappe(m: CheckModell): Arbeitsmappe {
  const d = STANDARD_DARSTELLUNG;
  const titel = 'Prüfung der Eingaben';
  const eingaben = m.pruefungen.map((e): Feld[] => {
    // A file that could not be read has none of an input's details.
    const info: Feld[] = (e.info ? eingabeFelder(e.info, d) : eingabeKopf(d).map(() => null)).slice(2);
    const status = e.fehlt ? 'fehlt' : e.probleme.length ? 'ungültig' : e.abgebrochen ? 'nicht geprüft' : 'gültig';
    return [e.rolle, e.datei, status, anzahl(e.probleme.length), ...info, e.fehlt ?? (e.abgebrochen ? 'abgebrochen (--max-errors)' : e.beschreibung)];
  });
  const probleme = m.pruefungen.flatMap((e) =>
    // In a workbook the place is also given as Excel names it (`Daten!B3`).
    e.probleme.map((p): Feld[] => [e.rolle, p.datei, p.blatt === undefined ? null : zellAdresse(p.blatt, p.zeile, p.spalte), p.zeile === undefined ? null : anzahl(p.zeile), p.spalte === undefined ? null : anzahl(p.spalte), p.spaltenname ?? null, p.wert ?? null, p.erwartet ?? null, p.meldung]),
  );
  const [rolle, datei, ...info] = eingabeKopf(d);
  return {
    titel,
    erstellt: null,
    blaetter: [
      { name: 'Eingaben', kopfblock: titelblock(titel, [['Ergebnis', ergebnisText(m)]], d), kopf: [rolle, datei, 'Status', 'Probleme', ...info, 'Beschreibung'], zeilen: eingaben },
      { name: 'Probleme', kopfblock: [], kopf: [rolle, datei, 'Zelle', 'Zeile', 'Spalte', 'Spaltenname', 'Wert', 'Erwartet', 'Meldung'], zeilen: probleme },
    ],
  };
}
