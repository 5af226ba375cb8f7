// Commander in German: help headings, the "(default: …)" and "(choices: …)" notes, and the usage
// errors it words itself. An analyst reads one language from `--help` to the last error line.

import { Command, Help, type Option } from 'commander';
import { nutzungsfehler, type KennzahlenFehler } from '../fehler.js';

const TITEL: Record<string, string> = {
  'Usage:': 'Aufruf:',
  'Options:': 'Optionen:',
  'Commands:': 'Befehle:',
  'Arguments:': 'Argumente:',
  'Global Options:': 'Globale Optionen:',
};

const platzhalter = (s: string) => s.replace('[options]', '[optionen]').replace('[command]', '[befehl]');

class Hilfe extends Help {
  override styleTitle(titel: string): string {
    return super.styleTitle(TITEL[titel] ?? titel);
  }

  override commandUsage(befehl: Command): string {
    return platzhalter(super.commandUsage(befehl));
  }

  override subcommandTerm(befehl: Command): string {
    return platzhalter(super.subcommandTerm(befehl));
  }

  override optionDescription(option: Option): string {
    // Commander appends its notes in one trailing parenthesis; only that part is translated.
    return super.optionDescription(option).replace(/\((choices|default): .*\)$/, (anmerkung) =>
      anmerkung
        .replace('choices: ', 'Auswahl: ')
        .replace(/(^\(|, )default: /, '$1Standard: ')
        .replace(/Standard: "(\d+)"/, 'Standard: $1'),
    );
  }
}

// Commander's own messages (lib/command.js, lib/option.js, lib/suggestSimilar.js), most specific first.
const MELDUNGEN: [RegExp, string][] = [
  [/^error: unknown option '([^']*)'/, "Fehler: unbekannte Option '$1'"],
  [/^error: unknown command '([^']*)'/, "Fehler: unbekannter Befehl '$1'"],
  [/^error: option '([^']*)' argument missing/, "Fehler: Option '$1' braucht einen Wert"],
  [/^error: required option '([^']*)' not specified/, "Fehler: Option '$1' fehlt"],
  [/^error: option '([^']*)' argument '([^']*)' is invalid\. Allowed choices are (.*)\.$/m, "Fehler: '$2' ist kein gültiger Wert für '$1'. Erlaubt: $3."],
  [/^error: option '([^']*)' argument '([^']*)' is invalid\. /, "Fehler: '$2' ist kein gültiger Wert für '$1'. "],
  [/^error: too many arguments(?: for '([^']*)')?\. Expected (\d+) arguments? but got (\d+)\./, 'Fehler: zu viele Argumente ($3 statt $2)'],
  [/^error: missing required argument '([^']*)'/, "Fehler: Argument '$1' fehlt"],
  [/^error: (?:option )?(.*) cannot be used with (?:option )?(.*)$/m, 'Fehler: $1 kann nicht zusammen mit $2 verwendet werden'],
  [/\(Did you mean one of (.*)\?\)/, '(Meinten Sie eine von $1?)'],
  [/\(Did you mean (.*)\?\)/, '(Meinten Sie $1?)'],
  [/^error: /, 'Fehler: '],
];

/** A commander message in German; a message this table does not know keeps its wording. */
export function deutscheMeldung(meldung: string): string {
  let aus = meldung;
  for (const [muster, ersatz] of MELDUNGEN) aus = aus.replace(muster, ersatz);
  return aus;
}

/** German help for a command (call it for the program and each subcommand). */
export function aufDeutsch(befehl: Command): Command {
  befehl.createHelp = () => Object.assign(new Hilfe(), befehl.configureHelp());
  return befehl.helpOption('-h, --help', 'Hilfe zeigen');
}

/**
 * Slips commander words poorly, caught before it parses: an option left without its value takes
 * the next option as the value ("--zeitraeume --format table" ends in "too many arguments"), a file
 * named without its role is an excess argument, and an option of another command gets a far-fetched
 * "did you mean". Null when the call looks right; commander checks the rest.
 */
export function pruefeAufruf(argv: readonly string[], programm: Command): KennzahlenFehler | null {
  const i = argv.findIndex((a) => !a.startsWith('-'));
  const befehl = i < 0 ? undefined : programm.commands.find((c) => c.name() === argv[i]);
  if (!befehl) return null;
  const optionen = new Map<string, Option>();
  for (const o of befehl.options) if (o.long) optionen.set(o.long, o);
  const rest = argv.slice(i + 1);
  for (let k = 0; k < rest.length; k++) {
    const a = rest[k];
    if (a === '--') break;
    if (!a.startsWith('--')) {
      if (a.startsWith('-') && a !== '-') continue;
      const datei = /\.(csv|txt|json|tsv)$/i.test(a);
      return nutzungsfehler(
        `${befehl.name()} nimmt „${a}“ nicht als Argument: ${datei ? 'Eingaben werden mit ihrer Rolle angegeben' : 'jeder Wert gehört zu einer Option'}.`,
        datei ? `z. B. --zeitraeume ${a} (kennzahlen ${befehl.name()} --help zeigt die Rollen)` : `kennzahlen ${befehl.name()} --help zeigt die Optionen`,
      );
    }
    const name = a.split('=')[0];
    const o = optionen.get(name);
    if (!o) {
      const andere = programm.commands.filter((c) => c !== befehl && c.options.some((x) => x.long === name)).map((c) => c.name());
      if (andere.length) return nutzungsfehler(`${befehl.name()} kennt die Option ${name} nicht; sie gehört zu ${andere.join(', ')}.`, `kennzahlen ${befehl.name()} --help zeigt die Optionen`);
      // Unknown everywhere: commander names it with its nearest spelling; whether a value follows is unknown.
      return null;
    }
    if (!o.required || a.includes('=')) continue;
    const wert = rest[k + 1];
    if (wert !== undefined && wert.startsWith('--')) {
      return nutzungsfehler(`${name} braucht einen Wert (${o.flags.split(' ').slice(1).join(' ')}), dahinter steht aber die Option ${wert.split('=')[0]}.`);
    }
    k++;
  }
  return null;
}
