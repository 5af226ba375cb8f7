// The shell: parses the command line, runs a command, maps every outcome to one exit code. It
// returns the code instead of exiting, so output through a pipe is never cut off.

import { Command, CommanderError } from 'commander';
import { EXIT_CODE } from '../fehler.js';
import { aggregateBefehl } from './commands/aggregate.js';
import { checkBefehl } from './commands/check.js';
import { lzbBefehl } from './commands/lzb.js';
import { demoBefehl, reportBefehl } from './commands/report.js';
import { farbeAn, farben } from './farbe.js';
import { meldeFehler } from './fehlerausgabe.js';
import { aufDeutsch, deutscheMeldung, pruefeAufruf } from './hilfe.js';
import type { Io } from './io.js';
import { jsonAusArgumenten } from './optionen.js';
import { version } from '../paket.js';

const EXIT_CODES_HILFE = `
Exit-Codes:
  0   ok
  1   ein Ziel verfehlt (nur mit --fail-on-miss)
  2   Aufruf falsch (unbekannte Option, fehlender oder ungültiger Wert)
  65  Eingabedaten ungültig
  66  Eingabedatei fehlt oder ist nicht lesbar
  70  interner Fehler
  73  Ausgabe nicht schreibbar
`;

export async function main(argv: readonly string[], io: Io): Promise<number> {
  const json = jsonAusArgumenten(argv, io);
  const farbeFlag = argv.includes('--no-color') ? false : argv.includes('--color') ? true : undefined;
  const stil = { json, verbose: argv.includes('--verbose'), farbe: farben(farbeAn(farbeFlag, io.env, Boolean(io.stderr.isTTY))) };
  let code: number = EXIT_CODE.ok;
  const fertig = (c: number) => (code = c);

  const programm = aufDeutsch(new Command('kennzahlen'))
    .description('Kennzahlen nach § 48a SGB II und Langzeitleistungsbezug für Jobcenter, aus CSV-Extrakten.\nDaten auf stdout, Meldungen auf stderr.')
    .addHelpText('after', EXIT_CODES_HILFE)
    .version(version(), '-V, --version', 'Version zeigen')
    .helpCommand('help [befehl]', 'Hilfe zu einem Befehl')
    .showHelpAfterError(json ? false : '(kennzahlen --help zeigt die Optionen)')
    .exitOverride()
    .configureOutput({
      writeOut: (s) => io.stdout.write(s),
      writeErr: (s) => io.stderr.write(s),
      // Usage errors in JSON mode are reported as JSON below, not as commander's text.
      outputError: (s, schreibe) => (json ? undefined : schreibe(stil.farbe.red(deutscheMeldung(s)))),
    });
  for (const befehl of [lzbBefehl(io, fertig), aggregateBefehl(io, fertig), reportBefehl(io, fertig), checkBefehl(io, fertig), demoBefehl(io, fertig)]) {
    programm.addCommand(aufDeutsch(befehl).exitOverride().configureOutput(programm.configureOutput()).showHelpAfterError(json ? false : `(kennzahlen ${befehl.name()} --help zeigt die Optionen)`));
  }

  try {
    const fehler = pruefeAufruf(argv, programm);
    if (fehler) throw fehler;
    await programm.parseAsync(argv, { from: 'user' });
    return code;
  } catch (e) {
    if (e instanceof CommanderError) {
      if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.code === 'commander.help') return EXIT_CODE.ok;
      if (json) io.stderr.write(JSON.stringify({ fehler: { art: 'nutzung', exit_code: EXIT_CODE.nutzung, meldung: deutscheMeldung(e.message).replace(/^Fehler: /, ''), probleme: [] } }, null, 2) + '\n');
      return EXIT_CODE.nutzung;
    }
    return meldeFehler(io, e, stil);
  }
}
