// The shell: parses the command line, runs a command, maps how it ended to one exit code. It
// returns the code instead of exiting, so output through a pipe is never cut off.

import { CommanderError } from 'commander';
import { artVon, exitCode, KennzahlenFehler, type Ausgang } from '../fehler.js';
import { fuehreBefehlAus } from './ausfuehren.js';
import { farbeAn, farben } from './farbe.js';
import { meldeFehler } from './fehlerausgabe.js';
import { deutscheMeldung, pruefeAufruf } from './hilfe.js';
import type { Io } from './io.js';
import { programm } from './programm.js';
import { vorab } from './vorab.js';

/** Commander's ways of ending that are no error: help and version shown. */
const KEIN_FEHLER = new Set(['commander.helpDisplayed', 'commander.version', 'commander.help']);

export async function main(argv: readonly string[], io: Io): Promise<number> {
  const v = vorab(argv, io);
  const json = v.json;
  const stil = { json, verbose: v.verbose, farbe: farben(farbeAn(v.farbe, io.env, Boolean(io.stderr.isTTY))) };
  let ausgang: Ausgang = 'ok';
  const prog = programm({
    sprache: v.sprache,
    json,
    schreibe: { out: (s) => io.stdout.write(s), err: (s) => io.stderr.write(s), fehler: (s) => stil.farbe.red(s) },
    aktion: async (befehl, flags) => {
      ausgang = await fuehreBefehlAus(befehl, flags, io);
    },
  });

  try {
    const fehler = pruefeAufruf(argv, prog);
    if (fehler) throw fehler;
    await prog.parseAsync(argv, { from: 'user' });
  } catch (e) {
    let fehler = e;
    if (e instanceof CommanderError) {
      if (KEIN_FEHLER.has(e.code)) return exitCode('ok');
      // In text mode commander has said it already, with the help hint.
      if (!json) return exitCode('nutzung');
      fehler = new KennzahlenFehler('nutzung', deutscheMeldung(e.message).replace(/^Fehler: /, ''));
    }
    meldeFehler(io, fehler, stil);
    ausgang = artVon(fehler);
  }
  return exitCode(ausgang);
}
