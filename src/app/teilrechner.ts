// Worker thread: counts a part of the persons (see zaehleGeteilt in teilrechnung.ts).

import { parentPort } from 'node:worker_threads';
import { gescheitert } from '../arbeiter.js';
import { zaehleKlassen } from '../core/lzb/klassifikation.js';
import { monatsRegel, tagesRegel } from '../core/lzb/regel.js';
import { gruppierung, Merkmale } from '../core/merkmale.js';
import { zaehleSichten } from '../core/monatswerte/aggregation.js';
import { ausPersonenTeil, Laufliste, sichtAus } from '../core/teil.js';
import type { TeilRechnung } from './teilrechnung.js';

function zaehle(a: TeilRechnung): Int32Array[] {
  if (a.art === 'monatswerte') {
    const d = ausPersonenTeil(a.teil);
    return zaehleSichten(d, a.von, a.bis, a.sichten.map((s) => sichtAus(s, d)));
  }
  let merkmale: Merkmale | null = null;
  if (a.merkmale) (merkmale = new Merkmale()).uebernimm(a.merkmale);
  const regel = a.einheit === 'tag' ? tagesRegel(a.einstellungen) : monatsRegel(a.einstellungen);
  const aufgliederung = a.nach && merkmale ? gruppierung(a.nach, merkmale) : undefined;
  return [zaehleKlassen(new Laufliste(a.laeufe), { regel, abdeckung: a.abdeckung, von: a.von, bis: a.bis, gruppierung: aufgliederung }).zaehler];
}

parentPort!.once('message', (a: TeilRechnung) => {
  try {
    const zaehler = zaehle(a);
    parentPort!.postMessage(zaehler, zaehler.map((z) => z.buffer as ArrayBuffer));
  } catch (e) {
    parentPort!.postMessage(gescheitert(e));
  }
});
