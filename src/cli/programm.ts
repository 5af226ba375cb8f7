// Commander made from the tables: one command per entry of src/cli/befehle.ts, each with the
// options the option table gives it, in German (or in English with --lang en).

import { Command, Option } from 'commander';
import { AUSGANG_TEXTE, EXIT_CODE, type Ausgang } from '../fehler.js';
import { version } from '../paket.js';
import { BEFEHL_TEXTE } from './befehle.js';
import { aufDeutsch, deutscheMeldung } from './hilfe.js';
import { auswahlVon, BEFEHLE, hilfeVon, optionenVon, type Befehl, type Sprache } from './optionen.js';

/** The exit codes in the help, from the one table of how a run ends. */
function exitCodesHilfe(sprache: Sprache): string {
  const zeilen = (Object.keys(EXIT_CODE) as Ausgang[]).sort((a, b) => EXIT_CODE[a] - EXIT_CODE[b]).map((a) => `  ${String(EXIT_CODE[a]).padEnd(4)}${AUSGANG_TEXTE[a][sprache === 'de' ? 0 : 1]}\n`);
  return `\n${sprache === 'de' ? 'Exit-Codes' : 'Exit codes'}:\n${zeilen.join('')}`;
}

const PROGRAMM: Record<Sprache, { beschreibung: string; version: string; hilfe: string; befehl: string; beispiele: string; mehr: (b: string) => string }> = {
  de: {
    beschreibung: 'Kennzahlen nach § 48a SGB II und Langzeitleistungsbezug für Jobcenter, aus Extrakten und BA-Tabellen (CSV oder .xlsx).\nDaten auf stdout, Meldungen auf stderr.',
    version: 'Version zeigen',
    hilfe: 'Hilfe zu einem Befehl',
    befehl: 'help [befehl]',
    beispiele: 'Beispiele',
    mehr: (b) => `(kennzahlen ${b}--help zeigt die Optionen)`,
  },
  en: {
    beschreibung: 'Indicators of § 48a SGB II and long-term receipt for Jobcenters, from extracts and BA tables (CSV or .xlsx).\nData on stdout, messages on stderr.',
    version: 'show the version',
    hilfe: 'help on a command',
    befehl: 'help [command]',
    beispiele: 'Examples',
    mehr: (b) => `(kennzahlen ${b}--help shows the options)`,
  },
};

export interface ProgrammOptionen {
  sprache: Sprache;
  /** Usage errors are reported as JSON by the caller, not as commander's text. */
  json: boolean;
  schreibe: { out: (s: string) => void; err: (s: string) => void; fehler: (s: string) => string };
  aktion: (befehl: Befehl, flags: Record<string, unknown>) => Promise<void>;
}

function befehl(name: Befehl, sprache: Sprache): Command {
  const t = BEFEHL_TEXTE[name];
  const cmd = new Command(name).summary(t.zusammenfassung[sprache]).description(t.beschreibung[sprache]);
  for (const [, d] of optionenVon(name)) {
    const o = new Option(`${d.kurz ? `${d.kurz}, ` : ''}${d.flag}${d.arg ? ` ${d.arg}` : ''}`, hilfeVon(d, name, sprache));
    const auswahl = auswahlVon(d, name);
    if (auswahl) o.choices(auswahl);
    cmd.addOption(o);
    if (d.negation) cmd.addOption(new Option(d.flag.replace('--', '--no-'), d.negation[sprache]));
  }
  if (t.beispiele.length) cmd.addHelpText('after', `\n${PROGRAMM[sprache].beispiele}:\n${t.beispiele.map((b) => `  ${b}\n`).join('')}`);
  return cmd;
}

export function programm(p: ProgrammOptionen): Command {
  const tx = PROGRAMM[p.sprache];
  const deutsch = (c: Command) => (p.sprache === 'de' ? aufDeutsch(c) : c.helpOption('-h, --help', 'show help'));
  const ausgabe = {
    writeOut: p.schreibe.out,
    writeErr: p.schreibe.err,
    outputError: (s: string, schreibe: (s: string) => void) => (p.json ? undefined : schreibe(p.schreibe.fehler(deutscheMeldung(s)))),
  };
  const prog = deutsch(new Command('kennzahlen'))
    .description(tx.beschreibung)
    .addHelpText('after', exitCodesHilfe(p.sprache))
    .version(version(), '-V, --version', tx.version)
    .helpCommand(tx.befehl, tx.hilfe)
    .showHelpAfterError(p.json ? false : tx.mehr(''))
    .exitOverride()
    .configureOutput(ausgabe);
  for (const name of BEFEHLE) {
    const cmd = deutsch(befehl(name, p.sprache)).exitOverride().configureOutput(ausgabe).showHelpAfterError(p.json ? false : tx.mehr(`${name} `));
    prog.addCommand(cmd.action((flags: Record<string, unknown>) => p.aktion(name, flags)));
  }
  return prog;
}
