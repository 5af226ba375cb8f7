// Worker threads of the package: finding a worker's built script, and giving a worker a task
// whose one answer settles a promise. Used by the readers of large files (src/input/teilleser*)
// and the counting of a part of the persons (src/app/teilrechnung.ts).

import { existsSync } from 'node:fs';
import type { Worker } from 'node:worker_threads';
import { KennzahlenFehler, type FehlerArt, type Problem } from './fehler.js';
import { paketDatei } from './paket.js';

/**
 * The built script `pfad` (below src/): dist/src/… of the package, whether the built binary runs
 * or tests import the sources (a worker runs JavaScript only). Null when it is not built.
 */
export function arbeiterSkript(...pfad: string[]): string | null {
  const gebaut = paketDatei('dist', 'src', ...pfad);
  return existsSync(gebaut) ? gebaut : null;
}

/** What a worker sends when its task failed: an error with a kind as such, else a bug's message and stack. */
export interface Gescheitert {
  fehler: string;
  art?: FehlerArt;
  probleme?: Problem[];
  hinweis?: string;
  stapel?: string;
}

export function gescheitert(e: unknown): Gescheitert {
  if (e instanceof KennzahlenFehler) return { fehler: e.message, art: e.art, probleme: [...e.probleme], hinweis: e.hinweis };
  return e instanceof Error ? { fehler: e.message, stapel: e.stack } : { fehler: String(e) };
}

/** The error a worker reported, as this thread would have thrown it (a bug's stack shows with --verbose). */
function alsFehler(m: Gescheitert): Error {
  if (m.art) return new KennzahlenFehler(m.art, m.fehler, m.probleme, m.hinweis);
  const f = new Error(m.fehler);
  if (m.stapel) f.stack = m.stapel;
  return f;
}

/** Gives a started worker its task; its one answer settles the promise, and the worker ends. */
export function arbeite<E>(w: Worker, auftrag: unknown, uebergeben: ArrayBuffer[] = []): Promise<E> {
  return new Promise((fertig, scheitert) => {
    w.ref();
    w.once('message', (m: E | Gescheitert) => {
      void w.terminate();
      // An error with a kind (a file gone or unreadable since it was opened) stays one; anything else is a bug.
      if (m && typeof m === 'object' && 'fehler' in m) scheitert(alsFehler(m));
      else fertig(m);
    });
    w.once('error', scheitert);
    // Ended from outside (Nebenleser.beende) or crashed without a word: after an answer this changes nothing.
    w.once('exit', (code) => scheitert(new Error(`Worker beendet (${code})`)));
    try {
      w.postMessage(auftrag, uebergeben);
    } catch (e) {
      // A task that cannot be sent (a bug): the worker would wait for it and keep the process alive.
      void w.terminate();
      scheitert(e);
    }
  });
}
