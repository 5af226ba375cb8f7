// Opening an input by role and turning the problems found in it into an error (exit 65): the
// commands other than `check` stop at the first file with problems.

import { KennzahlenFehler } from '../fehler.js';
import { oeffneQuelle } from '../input/quelle.js';
import { datenFehler, oeffneTabelle, type Leseergebnis, type LeseOptionen, type Tabelle } from '../input/tabelle.js';
import type { Io } from './io.js';

export async function liesEingabe<E extends Leseergebnis>(
  io: Io,
  datei: string,
  rolle: string,
  opt: LeseOptionen,
  lies: (t: Tabelle) => Promise<E>,
): Promise<E> {
  const quelle = await oeffneQuelle(datei, io.stdin);
  const ergebnis = await lies(await oeffneTabelle(quelle, rolle, opt));
  if (ergebnis.probleme.length) {
    const f = datenFehler(datei, ...ergebnis.probleme);
    if (!ergebnis.abgebrochen) throw f;
    throw new KennzahlenFehler(f.art, f.message, f.probleme, `nach ${opt.maxProbleme} Problemen abgebrochen; --max-errors N zeigt mehr, \`kennzahlen check\` listet alle Dateien.`);
  }
  return ergebnis;
}
