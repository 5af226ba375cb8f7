// Monatswerte counted by two threads: at millions of persons the count takes a third of a Bund
// `report`, while the second core has nothing left to read.

import { Worker } from 'node:worker_threads';
import { arbeite, arbeiterSkript } from '../arbeiter.js';
import type { PersonenDaten } from '../core/modell.js';
import { aggregiereSichten, monatswerteAus, zaehleSichten, type Sicht } from '../core/monatswerte/aggregation.js';
import type { Monatswerte } from '../core/monatswerte/monatswerte.js';
import { personenTeil, sichtAngabe, teilPuffer, type PersonenTeil, type SichtAngabe } from '../core/teil.js';

/** From how many persons a second thread counts half of them (tests lower it). */
export const TEILRECHNUNG = { ab: 1_000_000 };

/** What the worker counts: the second half of the persons, the months and the views. */
export interface TeilRechnung {
  teil: PersonenTeil;
  von: number;
  bis: number;
  sichten: SichtAngabe[];
}

/**
 * `aggregiereSichten` with `threads` threads: from TEILRECHNUNG.ab persons a worker counts the
 * second half of them while this thread counts the first. The counts are sums over persons, so
 * both add up to what one thread counts; the Monatswerte are the same.
 */
export async function aggregiereSichtenMitThreads(d: PersonenDaten, von: number, bis: number, sichten: readonly Sicht[], threads: number): Promise<Monatswerte[]> {
  const n = d.zeitlinien.anzahlPersonen;
  const skript = threads > 1 && n >= TEILRECHNUNG.ab ? arbeiterSkript('app', 'teilrechner.js') : null;
  if (!skript) return aggregiereSichten(d, von, bis, sichten);
  // Started first: it loads its modules while this thread cuts out its part.
  const w = new Worker(skript);
  const mitte = Math.floor(n / 2);
  let zweite: Promise<Int32Array[]> | null = null, zaehler: Int32Array[];
  try {
    const teil = personenTeil(d, mitte, n);
    const auftrag: TeilRechnung = { teil, von, bis, sichten: sichten.map(sichtAngabe) };
    zweite = arbeite<Int32Array[]>(w, auftrag, teilPuffer(teil));
    zaehler = zaehleSichten(d, von, bis, sichten, { ab: 0, bis: mitte });
  } catch (e) {
    // A bug here: the worker's part is not needed any more, and a worker left waiting would keep the process alive.
    zweite?.catch(() => undefined);
    void w.terminate();
    throw e;
  }
  const dazu = await zweite;
  // Both counted the same views over the same months: a view rebuilt otherwise in the worker
  // (another breakdown) would give other slots, and their sums would be silently wrong.
  if (dazu.length !== zaehler.length || dazu.some((z, i) => z.length !== zaehler[i].length)) throw new Error('Teilrechnung: der Worker hat andere Sichten gezählt');
  zaehler.forEach((z, i) => {
    for (let k = 0; k < z.length; k++) z[k] += dazu[i][k];
  });
  return monatswerteAus(d, von, bis, sichten, zaehler);
}
