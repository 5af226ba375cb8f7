// The option table is the one source of commander's options, the help, the config keys and the
// README: these tests hold each of them to it, and check that a value means the same from a flag
// and from the config.

import { readFileSync } from 'node:fs';
import { Option } from 'commander';
import { describe, expect, it } from 'vitest';
import { BEFEHLE, EINSTELLUNGEN, ganzzahl, OPTIONEN, type OptionDef } from '../../src/cli/optionen.js';
import { arbeitsordner, imProzess } from './hilfen.js';

const { datei } = arbeitsordner('optionen');
const ZR = 'fixtures/demo/zeitraeume.csv';
const optionen = Object.values(OPTIONEN) as OptionDef[];

describe('the option table', () => {
  it('gives every command exactly its options, in its help', async () => {
    for (const befehl of BEFEHLE) {
      const { stdout } = await imProzess([befehl, '--help']);
      const gezeigt = new Set([...stdout.matchAll(/(?<=^ {2}(?:-\w, )?)--[\w-]+/gm)].map((m) => m[0]));
      const erwartet = new Set([...optionen.filter((d) => d.befehle.includes(befehl)).flatMap((d) => [d.flag, ...(d.negation ? [d.flag.replace('--', '--no-')] : [])]), '--help']);
      expect([...gezeigt].sort(), befehl).toEqual([...erwartet].sort());
    }
  });

  it('keys each entry by the name commander gives its flag, and lets only options with a value come from the config', () => {
    // The shell reads a flag's value as flags[key]: a key that is not commander's name for the
    // flag (lzbFenster for --lzb-window) would take the flag and silently use the default.
    for (const [name, d] of Object.entries(OPTIONEN) as [string, OptionDef][]) {
      expect(new Option(`${d.flag}${d.arg ? ` ${d.arg}` : ''}`).attributeName(), d.flag).toBe(name);
      // Config values are text or numbers: a switch would take "nein" or "false" for on.
      if (d.konfig || d.rolle || d.wert || d.standard !== undefined) expect(d.arg, d.flag).toBeDefined();
    }
  });

  it('names each config key once, and --config accepts exactly those', async () => {
    expect(EINSTELLUNGEN).toEqual(['k1e3_nenner', 'regionalschluessel', 'daten_ab', 'datenstand', 'stichtag_tag', 'lzb_min', 'lzb_window', 'delimiter', 'encoding', 'decimal', 'kopfzeile', 'layout', 'lang', 'suppress_below']);
    const k = datei('k.json', JSON.stringify({ eingaben: { zeitraeume: `${process.cwd()}/${ZR}` }, einstellungen: { lzb_fenster: 24 } }));
    const r = await imProzess(['lzb', '--config', k, '--monat', '2017-06', '--format', 'json']);
    expect(r.code).toBe(65);
    expect(r.stderr).toContain(`einstellungen.lzb_fenster: unbekannte Einstellung; erlaubt: ${EINSTELLUNGEN.join(', ')}`);
  });

  it('parses a config value by the same rule as the flag, and names where it came from', async () => {
    const k = datei('bereich.json', JSON.stringify({ eingaben: { zeitraeume: `${process.cwd()}/${ZR}` }, einstellungen: { stichtag_tag: 32 } }));
    const ausKonfig = await imProzess(['lzb', '--config', k, '--monat', '2017-06', '--format', 'table']);
    expect([ausKonfig.code, ausKonfig.stderr]).toEqual([2, `kennzahlen: „einstellungen.stichtag_tag“ in ${k} erwartet eine ganze Zahl von 1 bis 31, nicht „32“.\n`]);
    const ausFlag = await imProzess(['lzb', '--zeitraeume', ZR, '--stichtag-tag', '32', '--format', 'table']);
    expect([ausFlag.code, ausFlag.stderr]).toEqual([2, 'kennzahlen: --stichtag-tag erwartet eine ganze Zahl von 1 bis 31, nicht „32“.\n']);
  });

  it('finds a wrong call before it reads the config: 2, not 66 for a config that is missing', async () => {
    const fehlt = ['lzb', '--config', 'nicht-da.json', '--format', 'table'];
    const faelle: [string[], string][] = [
      [['--suppress-below', '0'], 'kennzahlen: --suppress-below erwartet eine ganze Zahl von 1 bis 1000000, nicht „0“.\n'],
      [['--json'], `${JSON.stringify({ fehler: { art: 'nutzung', exit_code: 2, meldung: '--json widerspricht --format table.', probleme: [] } }, null, 2)}\n`],
      [['--out', 'a.json', '--out-dir', 'b'], 'kennzahlen: --out oder --out-dir, nicht beides.\n'],
      [['--out', '{jahr}.json'], expect.stringMatching(/^kennzahlen: --out: unbekannter Platzhalter \{jahr\}/) as unknown as string],
    ];
    for (const [args, meldung] of faelle) {
      const r = await imProzess([...fehlt, ...args]);
      expect([r.code, r.stderr], args.join(' ')).toEqual([2, meldung]);
    }
    expect((await imProzess(fehlt)).code).toBe(66);
  });

  it('takes the flag over the config, the config over the default', async () => {
    const k = datei('vorrang.json', JSON.stringify({ eingaben: { zeitraeume: `${process.cwd()}/${ZR}` }, einstellungen: { stichtag_tag: 20, lzb_min: '18' } }));
    const regel = async (args: string[]) => JSON.parse((await imProzess(['lzb', '--config', k, '--monat', '2017-06', '--format', 'json', ...args])).stdout).regel;
    expect(await regel([])).toMatchObject({ stichtag_tag: 20, lzb_min: 18, lzb_window: 24 });
    expect(await regel(['--stichtag-tag', '1', '--lzb-window', '30'])).toMatchObject({ stichtag_tag: 1, lzb_min: 18, lzb_window: 30 });
  });

  it('gives a key in the config the flag\'s effect (suppress_below, lang: one field of their entries)', async () => {
    const demo = JSON.parse(readFileSync('fixtures/demo/kennzahlen.json', 'utf8'));
    const eingaben = Object.fromEntries(Object.entries(demo.eingaben as Record<string, string>).map(([r, d]) => [r, `${process.cwd()}/fixtures/demo/${d}`]));
    const k = datei('darstellung.json', JSON.stringify({ ...demo, eingaben, einstellungen: { ...demo.einstellungen, suppress_below: 30, lang: 'en' } }));
    const ausKonfig = await imProzess(['report', '--config', k, '--ziele', 'fixtures/demo/ziele-2017.json', '--monat', '2017-06', '--format', 'csv']);
    const ohne = datei('ohne.json', JSON.stringify({ ...demo, eingaben }));
    const ausFlags = await imProzess(['report', '--config', ohne, '--ziele', 'fixtures/demo/ziele-2017.json', '--monat', '2017-06', '--format', 'csv', '--suppress-below', '30', '--lang', 'en']);
    expect(ausKonfig.code).toBe(0);
    expect(ausKonfig.stdout).toBe(ausFlags.stdout);
    // ABG_SBM (2 in the month) is below 30, K2 is in English.
    expect(ausKonfig.stdout).toContain('ziel;ABG_SBM;');
    expect(ausKonfig.stdout).toMatch(/^ziel;ABG_SBM;[^\n]*;anzahl;\*;\*;/m);
    expect(ausKonfig.stdout).toContain('kennzahl;K2;Integration rate;');
  });

  it('raises every usage error the call alone shows, before reading an input', async () => {
    const faelle: [string[], string][] = [
      [['lzb', '--zeitraeume', ZR, '--von', '2017-06', '--bis', '2017-01'], '--von 2017-06 liegt nach --bis 2017-01.'],
      [['lzb', '--zeitraeume', ZR, '--monat', '2017-06', '--von', '2017-01'], '--monat oder --von/--bis, nicht beides.'],
      [['lzb', '--zeitraeume', ZR, '--lzb-min', '30', '--lzb-window', '24'], '--lzb-min 30 ist größer als --lzb-window 24.'],
      [['aggregate', '--personen', 'fixtures/demo/personen.csv'], '--personen braucht auch --zeitraeume: ohne Leistungszeiträume kein Bestand.'],
      [['lzb', '--monat', '2017-06'], 'Es fehlt die Eingabe --zeitraeume (oder "eingaben.zeitraeume" in --config).'],
      [['report', '--monat', '2017-06'], 'report braucht Monatswerte (--monatswerte) oder Personendaten (--zeitraeume …).'],
      [['report', '--zeitraeume', ZR, '--nach', 'geschlecht'], '--nach geschlecht braucht Personenmerkmale: --personen DATEI.'],
      [['check'], 'Keine Eingabe zu prüfen: --zeitraeume, --personen, … oder --config angeben.'],
      [['lzb', '--zeitraeume', '', '--monat', '2017-06'], '--zeitraeume braucht einen Datei- oder Ordnernamen, nicht „“.'],
      [['demo', '--out-dir', ' '], '--out-dir braucht einen Datei- oder Ordnernamen, nicht „ “.'],
      [['check', '--config', ''], '--config braucht einen Datei- oder Ordnernamen, nicht „“.'],
    ];
    for (const [args, meldung] of faelle) {
      const r = await imProzess([...args, '--format', 'table']);
      expect([r.code, r.stderr.split('\n')[0]], args.join(' ')).toEqual([2, `kennzahlen: ${meldung}`]);
    }
  });

  it('gives demo its own default month, in its help and its run', async () => {
    expect((await imProzess(['demo', '--help'])).stdout).toMatch(/--monat <monat>\s+Berichtsmonat, z\. B\. 2017-06 \(Standard: 2017-06\)/);
    expect(JSON.parse((await imProzess(['demo', '--json'])).stdout).berichtsmonat).toBe('2017-06');
  });

  it('parses integers within their range only', () => {
    const threads = ganzzahl(1, 2);
    expect(threads('2', '--threads')).toBe(2);
    expect(threads(' 1 ', '--threads')).toBe(1);
    for (const falsch of ['0', '3', '1.5', '-1', 'zwei', '']) expect(() => threads(falsch, '--threads')).toThrow(`--threads erwartet eine ganze Zahl von 1 bis 2, nicht „${falsch}“.`);
  });

  it('shows the help in English with --lang en, in German otherwise', async () => {
    const en = (await imProzess(['report', '--help', '--lang', 'en'])).stdout;
    expect(en).toMatch(/^Usage: kennzahlen report \[options\]/);
    expect(en).toContain('--k1e3-nenner <monat>');
    expect(en).toMatch(/inflow rate K1E3[\s\S]*\(default:\s+bezugsmonat\)/);
    const de = (await imProzess(['report', '--help'])).stdout;
    expect(de).toMatch(/^Aufruf: kennzahlen report \[optionen\]/);
    expect(de).toMatch(/Zugangsrate K1E3[\s\S]*\(Standard:\s+bezugsmonat\)/);
  });
});
