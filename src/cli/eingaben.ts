// Opening an input by role and turning the problems found in it into an error (exit 65): the
// commands other than `check` stop at the first file with problems. Large files get a progress bar
// on stderr when stderr is a terminal.

import { KennzahlenFehler } from '../fehler.js';
import { anzahlText } from '../report/zahlen.js';
import { oeffneQuelle } from '../input/quelle.js';
import { datenFehler, oeffneTabelle, type Leseergebnis, type LeseOptionen, type Tabelle } from '../input/tabelle.js';
import type { Io } from './io.js';
import type { Meldungen } from './meldungen.js';

/** Files below this size read too fast for a progress bar to help. */
const BALKEN_AB = 4 << 20;

/** A progress bar redrawn at most every 100 ms: `zeitraeume  [#########-----------]  45 %  75/165 MB`. */
export function fortschrittsbalken(io: Io, rolle: string, gesamt: number): { zeige: (gelesen: number) => void; fertig: () => void } {
  let zuletzt = 0;
  const mb = (b: number) => Math.round(b / 1e6);
  return {
    zeige: (gelesen) => {
      const jetzt = performance.now();
      if (jetzt - zuletzt < 100 && gelesen < gesamt) return;
      zuletzt = jetzt;
      const anteil = Math.min(1, gelesen / gesamt);
      const voll = Math.round(anteil * 24);
      io.stderr.write(`\r${rolle.padEnd(14)}[${'#'.repeat(voll)}${'-'.repeat(24 - voll)}] ${String(Math.round(anteil * 100)).padStart(3)} %  ${mb(gelesen)}/${mb(gesamt)} MB`);
    },
    fertig: () => io.stderr.write('\r\x1b[K'),
  };
}

/** Rows of nothing but delimiters, as spreadsheets export formatted but unused rows. */
export const leereZeilenText = (n: number): string => `${anzahlText(n, 'eine Zeile', 'Zeilen')} ohne Inhalt übersprungen`;

export async function liesEingabe<E extends Leseergebnis>(
  io: Io,
  datei: string,
  rolle: string,
  opt: LeseOptionen,
  lies: (t: Tabelle) => Promise<E>,
  melde: Meldungen,
): Promise<E> {
  const quelle = await oeffneQuelle(datei, io.stdin);
  const zeigen = !melde.leise && Boolean(io.stderr.isTTY) && (quelle.groesse ?? 0) >= BALKEN_AB;
  const b = zeigen ? fortschrittsbalken(io, rolle, quelle.groesse!) : null;
  let ergebnis: E;
  try {
    ergebnis = await lies(await oeffneTabelle(quelle, rolle, { ...opt, fortschritt: b?.zeige }));
  } finally {
    b?.fertig();
  }
  if (ergebnis.probleme.length) {
    const f = datenFehler(datei, ...ergebnis.probleme);
    if (!ergebnis.abgebrochen) throw f;
    throw new KennzahlenFehler(f.art, f.message, f.probleme, `nach ${opt.maxProbleme} Problemen abgebrochen; --max-errors N zeigt mehr, \`kennzahlen check\` listet alle Dateien.`);
  }
  if (ergebnis.leereZeilen) melde.hinweis(`${datei}: ${leereZeilenText(ergebnis.leereZeilen)}`);
  return ergebnis;
}
