// What must be known before commander parses the call, because it decides how commander's own
// errors are reported: JSON or text, colour, the stack, the language of the help. Read from the raw
// arguments by the same table entries the parsed call uses.

import type { Io } from './io.js';
import { OPTIONEN, type OptionDef, type Sprache } from './optionen.js';

/** The last value an option is given in `argv` (`--flag wert`, `--flag=wert`, a switch, its `--no-`). */
export function rohWert(argv: readonly string[], d: OptionDef): string | boolean | undefined {
  let wert: string | boolean | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--') break;
    if (d.arg) {
      if (a === d.flag) wert = argv[i + 1];
      else if (a.startsWith(`${d.flag}=`)) wert = a.slice(d.flag.length + 1);
    } else if (a === d.flag || a === d.kurz) wert = true;
    else if (d.negation && a === d.flag.replace('--', '--no-')) wert = false;
  }
  return wert;
}

export interface Vorab {
  json: boolean;
  farbe: boolean | undefined;
  verbose: boolean;
  sprache: Sprache;
}

export function vorab(argv: readonly string[], io: Io): Vorab {
  const format = rohWert(argv, OPTIONEN.format);
  // Output is JSON as the call will decide it: --json, --format, a file named by --out (text unless
  // its format says so), else JSON when stdout is no terminal.
  const json = rohWert(argv, OPTIONEN.json) === true || (format !== undefined ? format === 'json' : rohWert(argv, OPTIONEN.out) === undefined && !io.stdout.isTTY);
  const farbe = rohWert(argv, OPTIONEN.color);
  return { json, farbe: typeof farbe === 'boolean' ? farbe : undefined, verbose: rohWert(argv, OPTIONEN.verbose) === true, sprache: rohWert(argv, OPTIONEN.lang) === 'en' ? 'en' : 'de' };
}
