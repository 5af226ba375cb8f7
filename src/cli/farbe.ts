// Colour is decided once, here, and handed down as a chalk instance (cli-table3 gets no colours of
// its own). chalk's default instance would read argv and ignore NO_COLOR, so it is not used.

import { Chalk, type ChalkInstance } from 'chalk';

/** `--color`/`--no-color`, then NO_COLOR, FORCE_COLOR, TERM=dumb, then whether the stream is a terminal. */
export function farbeAn(flag: boolean | undefined, env: Record<string, string | undefined>, istTerminal: boolean): boolean {
  if (flag !== undefined) return flag;
  if (env.NO_COLOR) return false;
  if (env.FORCE_COLOR !== undefined) return !['0', 'false'].includes(env.FORCE_COLOR.toLowerCase());
  if (env.TERM === 'dumb') return false;
  return istTerminal;
}

export function farben(an: boolean): ChalkInstance {
  return new Chalk({ level: an ? 1 : 0 });
}
