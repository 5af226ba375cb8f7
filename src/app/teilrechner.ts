// Worker thread: counts a part of the persons (see zaehleGeteilt in teilrechnung.ts).

import { parentPort } from 'node:worker_threads';
import { gescheitert } from '../arbeiter.js';
import { zaehleKlassen } from '../core/lzb/klassifikation.js';
import { zaehleSichten } from '../core/monatswerte/aggregation.js';
import { ausPersonenTeil, sichtAus } from '../core/teil.js';
import type { TeilRechnung } from './teilrechnung.js';

function zaehle(a: TeilRechnung): Int32Array[] {
  const d = ausPersonenTeil(a.teil);
  if (a.art === 'monatswerte') return zaehleSichten(d, a.von, a.bis, a.sichten.map((s) => sichtAus(s, d)));
  return [zaehleKlassen(d.zeitlinien, { regel: d.regel, abdeckung: d.abdeckung, von: a.von, bis: a.bis, gruppierung: sichtAus(a.sicht, d).gruppierung }).zaehler];
}

parentPort!.once('message', (a: TeilRechnung) => {
  try {
    const zaehler = zaehle(a);
    parentPort!.postMessage(zaehler, zaehler.map((z) => z.buffer as ArrayBuffer));
  } catch (e) {
    parentPort!.postMessage(gescheitert(e));
  }
});
