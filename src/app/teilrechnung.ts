// Counting by two threads: at millions of persons the Monatswerte take a third of a Bund
// `report`, and the LZB classification a third of a Bund `lzb`, while the second core has nothing
// left to read. The counts are sums over persons, so a worker counts the second half of them.

import { Worker } from 'node:worker_threads';
import { arbeite, arbeiterSkript } from '../arbeiter.js';
import { klassenAus, klassifiziere, zaehleKlassen, type LzbAuftrag, type LzbErgebnis } from '../core/lzb/klassifikation.js';
import type { Merkmale } from '../core/merkmale.js';
import type { PersonenDaten } from '../core/modell.js';
import { monatswerteAus, zaehleSichten, type Sicht } from '../core/monatswerte/aggregation.js';
import type { Monatswerte } from '../core/monatswerte/monatswerte.js';
import { personenTeil, sichtAngabe, teilPuffer, type PersonenTeil, type SichtAngabe } from '../core/teil.js';
import type { Zeitlinien } from '../core/zeitlinien.js';

/** From how many persons a second thread counts half of them (tests lower it). */
export const TEILRECHNUNG = { ab: 1_000_000 };

/** What the worker counts: the second half of the persons, the months, and the views or the breakdown. */
export type TeilRechnung =
  | { art: 'monatswerte'; teil: PersonenTeil; von: number; bis: number; sichten: SichtAngabe[] }
  | { art: 'lzb'; teil: PersonenTeil; von: number; bis: number; sicht: SichtAngabe };

/**
 * The counts of persons 0 … n−1: from TEILRECHNUNG.ab persons and with two threads, a worker
 * counts the part from the middle on (`auftrag` cuts it out) while this thread counts the persons
 * before it (`hier`); the counts are added. Otherwise this thread counts all.
 */
async function zaehleGeteilt(n: number, threads: number, auftrag: (mitte: number) => { rechnung: TeilRechnung; puffer: ArrayBuffer[] }, hier: (bis: number) => Int32Array[]): Promise<Int32Array[]> {
  const skript = threads > 1 && n >= TEILRECHNUNG.ab ? arbeiterSkript('app', 'teilrechner.js') : null;
  if (!skript) return hier(n);
  // Started first: it loads its modules while this thread cuts out its part.
  const w = new Worker(skript);
  const mitte = Math.floor(n / 2);
  let zweite: Promise<Int32Array[]> | null = null, zaehler: Int32Array[];
  try {
    const { rechnung, puffer } = auftrag(mitte);
    zweite = arbeite<Int32Array[]>(w, rechnung, puffer);
    zaehler = hier(mitte);
  } catch (e) {
    // A bug here: the worker's part is not needed any more, and a worker left waiting would keep the process alive.
    zweite?.catch(() => undefined);
    void w.terminate();
    throw e;
  }
  const dazu = await zweite;
  // Both counted the same things over the same months: a view or breakdown rebuilt otherwise in
  // the worker would give other slots, and their sums would be silently wrong.
  if (dazu.length !== zaehler.length || dazu.some((z, i) => z.length !== zaehler[i].length)) throw new Error('Teilrechnung: der Worker hat anders gezählt');
  zaehler.forEach((z, i) => {
    for (let k = 0; k < z.length; k++) z[k] += dazu[i][k];
  });
  return zaehler;
}

/** `aggregiereSichten` with `threads` threads; the Monatswerte are the same. */
export async function aggregiereSichtenMitThreads(d: PersonenDaten, von: number, bis: number, sichten: readonly Sicht[], threads: number): Promise<Monatswerte[]> {
  const n = d.zeitlinien.anzahlPersonen;
  const zaehler = await zaehleGeteilt(
    n,
    threads,
    (mitte) => {
      const teil = personenTeil(d, mitte, n);
      return { rechnung: { art: 'monatswerte', teil, von, bis, sichten: sichten.map(sichtAngabe) }, puffer: teilPuffer(teil) };
    },
    (ende) => zaehleSichten(d, von, bis, sichten, ende),
  );
  return monatswerteAus(d, von, bis, sichten, zaehler);
}

/**
 * `klassifiziere` with `threads` threads; the result is the same. The list of persons of a month
 * stays with one thread: millions of them would cost more to send than to count.
 */
export async function klassifiziereMitThreads(z: Zeitlinien, merkmale: Merkmale | null, a: LzbAuftrag, threads: number): Promise<LzbErgebnis> {
  if (a.listeFuer !== undefined) return klassifiziere(z, a);
  const n = z.anzahlPersonen;
  const [zaehler] = await zaehleGeteilt(
    n,
    threads,
    (mitte) => {
      // The runs, and the attributes a breakdown needs: nothing else is classified.
      const daten = { regel: a.regel, abdeckung: a.abdeckung, zeitlinien: z, merkmale: a.gruppierung ? merkmale : null, ereignisse: null, massnahmen: null, kontinuierlichBekannt: false, leistungen: null };
      const teil = personenTeil(daten, mitte, n);
      return { rechnung: { art: 'lzb', teil, von: a.von, bis: a.bis, sicht: sichtAngabe({ filter: null, gruppierung: a.gruppierung }) }, puffer: teilPuffer(teil) };
    },
    (ende) => [zaehleKlassen(z, a, ende).zaehler],
  );
  return klassenAus(a, { zaehler, liste: null });
}
