// Commander in German: help headings, the "(default: …)" and "(choices: …)" notes, and the usage
// errors it words itself. An analyst reads one language from `--help` to the last error line.

import { Command, Help, type Option } from 'commander';

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
