import { describe, expect, it } from 'vitest';
import { deutscheMeldung } from '../../src/cli/hilfe.js';

describe("commander's messages in German", () => {
  it('translates each message commander words itself', () => {
    const faelle: [string, string][] = [
      ["error: unknown option '--monta'\n(Did you mean --monat?)", "Fehler: unbekannte Option '--monta'\n(Meinten Sie --monat?)"],
      ["error: unknown command 'lz'\n(Did you mean one of lzb, check?)", "Fehler: unbekannter Befehl 'lz'\n(Meinten Sie eine von lzb, check?)"],
      ["error: option '--monat <monat>' argument missing", "Fehler: Option '--monat <monat>' braucht einen Wert"],
      ["error: required option '--monat <monat>' not specified", "Fehler: Option '--monat <monat>' fehlt"],
      ["error: option '--lang <sprache>' argument 'fr' is invalid. Allowed choices are de, en.", "Fehler: 'fr' ist kein gültiger Wert für '--lang <sprache>'. Erlaubt: de, en."],
      ["error: option '--n <n>' argument 'a' is invalid. Not a number.", "Fehler: 'a' ist kein gültiger Wert für '--n <n>'. Not a number."],
      ["error: too many arguments for 'lzb'. Expected 0 arguments but got 2.", 'Fehler: zu viele Argumente (2 statt 0)'],
      ["error: missing required argument 'datei'", "Fehler: Argument 'datei' fehlt"],
      ["error: option '--json' cannot be used with option '--format <format>'", "Fehler: '--json' kann nicht zusammen mit '--format <format>' verwendet werden"],
    ];
    for (const [englisch, deutsch] of faelle) expect(deutscheMeldung(englisch)).toBe(deutsch);
  });

  it('keeps the wording of a message it does not know, in German framing', () => {
    expect(deutscheMeldung('error: something new')).toBe('Fehler: something new');
    expect(deutscheMeldung('--monat erwartet einen Monat')).toBe('--monat erwartet einen Monat');
  });
});
