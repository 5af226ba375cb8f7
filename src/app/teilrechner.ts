// Worker thread: counts a part of the persons (see zaehleGeteilt in teilrechnung.ts).

import { parentPort } from 'node:worker_threads';
import { gescheitert } from '../arbeiter.js';
import { zaehleKlassen } from '../core/lzb/klassifikation.js';
import { gruppierung, Merkmale } from '../core/merkmale.js';
import { zaehleSichten } from '../core/monatswerte/aggregation.js';
import { ausPersonenTeil, Laufliste, regelVon, sichtAus } from '../core/teil.js';
import type { TeilRechnung } from './teilrechnung.js';

function zaehle(a: TeilRechnung): Int32Array[] {
  if (a.art === 'monatswerte') {
    const d = ausPersonenTeil(a.teil);
    return zaehleSichten(d, a.von, a.bis, a.sichten.map((s) => sichtAus(s, d)));
  }
  // The runs are read in place: no timelines are built for a classification.
  let merkmale: Merkmale | null = null;
  if (a.teil.merkmale) (merkmale = new Merkmale()).uebernimm(a.teil.merkmale);
  const aufgliederung = a.nach && merkmale ? gruppierung(a.nach, merkmale) : undefined;
  return [zaehleKlassen(new Laufliste(a.teil.laeufe), { regel: regelVon(a.teil), abdeckung: a.teil.abdeckung, von: a.von, bis: a.bis, gruppierung: aufgliederung }).zaehler];
}

parentPort!.once('message', (a: TeilRechnung) => {
  try {
    const zaehler = zaehle(a);
    parentPort!.postMessage(zaehler, zaehler.map((z) => z.buffer as ArrayBuffer));
  } catch (e) {
    parentPort!.postMessage(gescheitert(e));
  }
});
