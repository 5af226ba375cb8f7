// What a use case hands back to the shell: a model to render, the notes for stderr, and a status
// that alone decides the exit code (src/fehler.ts). Use cases know no commander, no streams and no
// files: they read through a `Leser` the shell gives them.

import type { EingabeInfo, EingabeRolle } from '../core/modell.js';
import type { Zielvorgabe } from '../core/ziele/ziele.js';
import { KennzahlenFehler, type Ausgang } from '../fehler.js';
import type { Leseergebnis, LeseOptionen, Tabelle } from '../input/tabelle.js';

export interface Notiz {
  /** `hinweis`: for every run (silenced by --quiet); `detail`: only with --verbose. */
  art: 'hinweis' | 'detail';
  text: string;
}

export class Notizen {
  readonly liste: Notiz[] = [];

  hinweis(text: string): void {
    this.liste.push({ art: 'hinweis', text });
  }

  detail(text: string): void {
    this.liste.push({ art: 'detail', text });
  }
}

export interface Ergebnis<M> {
  /** Null when the run stopped before there was anything to show. */
  modell: M | null;
  notizen: readonly Notiz[];
  status: Ausgang;
  /** What to tell about a failing status; with a model, after the model is written. */
  fehler: KennzahlenFehler | null;
}

/** How a use case reads its inputs; the shell opens files and stdin, shows progress and times. */
export interface Leser {
  tabelle<E extends Leseergebnis>(rolle: EingabeRolle, datei: string, optionen: LeseOptionen, lies: (t: Tabelle) => Promise<E>): Promise<E>;
  ziele(datei: string): Promise<{ vorgabe: Zielvorgabe; info: EingabeInfo }>;
}

/**
 * Runs a use case; an error with a kind ends it with that status and keeps the notes made so far,
 * which come before the error on stderr. Anything else is a bug and goes on up.
 */
export async function fuehreAus<M>(lauf: (n: Notizen) => Promise<{ modell: M; status?: Ausgang; fehler?: KennzahlenFehler | null }>): Promise<Ergebnis<M>> {
  const notizen = new Notizen();
  try {
    const { modell, status, fehler = null } = await lauf(notizen);
    return { modell, notizen: notizen.liste, status: fehler?.art ?? status ?? 'ok', fehler };
  } catch (e) {
    if (!(e instanceof KennzahlenFehler)) throw e;
    return { modell: null, notizen: notizen.liste, status: e.art, fehler: e };
  }
}
