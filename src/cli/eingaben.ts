// How use cases read in this shell: files or standard input, with a progress bar on stderr for
// large files when stderr is a terminal, and with --verbose the time each input took.

import type { Leser } from '../app/ergebnis.js';
import { oeffneQuelle } from '../input/quelle.js';
import { oeffneTabelle } from '../input/tabelle.js';
import { leseZiele } from '../input/ziele.js';
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

export function leser(io: Io, melde: Meldungen): Leser {
  return {
    async tabelle(rolle, datei, optionen, lies) {
      const start = performance.now();
      const quelle = await oeffneQuelle(datei, io.stdin);
      const zeigen = !melde.leise && Boolean(io.stderr.isTTY) && (quelle.groesse ?? 0) >= BALKEN_AB;
      const b = zeigen ? fortschrittsbalken(io, rolle, quelle.groesse!) : null;
      try {
        return await lies(await oeffneTabelle(quelle, rolle, { ...optionen, fortschritt: b?.zeige }));
      } finally {
        b?.fertig();
        melde.ausfuehrlich(`${rolle} gelesen in ${Math.round(performance.now() - start)} ms`);
      }
    },
    ziele: (datei) => leseZiele(datei, io.stdin),
  };
}
