// Where a large `zeitraeume` file is cut in two, and starting the worker that reads the second half
// (see leseZeitraeume).

import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Problem } from '../fehler.js';
import { paketDatei } from '../paket.js';
import type { TabellenFormat } from './format.js';
import type { Tabelle, Uebersprungen } from './tabelle.js';

export interface TeilAuftrag {
  datei: string;
  format: TabellenFormat;
  von: number;
  bis: number;
}

/** What the worker found in its part, in plain and transferable data. */
export interface TeilErgebnis {
  /** The ids it met, in the order it met them, as UTF-8 bytes with end offsets. */
  ids: Uint8Array;
  enden: Int32Array;
  /** Its periods as (its person index, von, bis) triples. */
  laeufe: Int32Array;
  probleme: Problem[];
  abgebrochen: boolean;
  zeilen: number;
  leereZeilen: number;
  zeilenNef: number;
  erstes: number | null;
  letztes: number | null;
  vorletztes: number | null;
  /** Its own person index. */
  letztePerson: number | null;
  /** A footnote block in its part (lines of the part). */
  uebersprungen?: Uebersprungen;
}

/**
 * Where a large simple file may be cut in two for a second reader: the start of the first line
 * after the middle. Null for inputs that do not pay (small, not simple, standard input, no hash).
 */
export async function teilung(t: Tabelle, ab = TEILUNG_AB): Promise<number | null> {
  const g = t.quelle.groesse ?? 0;
  if (!t.einfach || !t.quelle.pruefsumme || g < ab) return null;
  const mitte = Math.floor(g / 2);
  for await (const teil of t.quelle.lies(mitte, Math.min(g, mitte + (1 << 20)))) {
    const nl = teil.indexOf(0x0a);
    return nl < 0 ? null : mitte + nl + 1;
  }
  return null;
}

/** The built worker script: next to this module when built, under dist/ when the sources run (tests). */
function skript(): string | null {
  const daneben = fileURLToPath(new URL('./teilleser.js', import.meta.url));
  if (existsSync(daneben)) return daneben;
  const gebaut = paketDatei('dist', 'src', 'input', 'teilleser.js');
  return existsSync(gebaut) ? gebaut : null;
}

/** Files from this size are read by two threads (if simple). */
export const TEILUNG_AB = 32 << 20;

/** A worker started ahead, loading its modules while the main thread checks the file. */
let vorrat: Worker | null = null;

/**
 * Starts the worker for a file that will likely be split, before its format is settled: Node
 * needs some 60–80 ms to bring a worker up, which the check of a large file's bytes then hides.
 * Unreferenced, it keeps no process alive; `verwirfTeilleser` ends it when it is not needed.
 */
export function waermeTeilleserVor(): void {
  if (vorrat) return;
  const datei = skript();
  if (!datei) return;
  vorrat = new Worker(datei);
  vorrat.unref();
  // A worker that fails before it is given work is simply not used.
  vorrat.once('error', () => (vorrat = null));
}

export function verwirfTeilleser(): void {
  void vorrat?.terminate();
  vorrat = null;
}

/** The worker's result, or null when there is no built worker to start (one thread reads all). */
export function starteTeilleser(auftrag: TeilAuftrag): Promise<TeilErgebnis> | null {
  const datei = skript();
  if (!datei) return null;
  return new Promise((fertig, scheitert) => {
    const w = vorrat ?? new Worker(datei);
    vorrat = null;
    w.ref();
    w.postMessage(auftrag);
    w.once('message', (m: TeilErgebnis | { fehler: string }) => {
      void w.terminate();
      if ('fehler' in m) scheitert(new Error(`Teilleser: ${m.fehler}`));
      else fertig(m);
    });
    w.once('error', scheitert);
  });
}
