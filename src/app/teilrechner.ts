// Worker thread: counts the Monatswerte of a part of the persons (see aggregiereSichtenMitThreads).

import { parentPort } from 'node:worker_threads';
import { gescheitert } from '../arbeiter.js';
import { zaehleSichten } from '../core/monatswerte/aggregation.js';
import { ausPersonenTeil, sichtAus } from '../core/teil.js';
import type { TeilRechnung } from './teilrechnung.js';

parentPort!.once('message', (a: TeilRechnung) => {
  try {
    const d = ausPersonenTeil(a.teil);
    const zaehler = zaehleSichten(d, a.von, a.bis, a.sichten.map((s) => sichtAus(s, d)));
    parentPort!.postMessage(zaehler, zaehler.map((z) => z.buffer as ArrayBuffer));
  } catch (e) {
    parentPort!.postMessage(gescheitert(e));
  }
});
