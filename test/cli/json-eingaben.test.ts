// The JSON inputs (--ziele, --config) end to end, in-process through main(): from standard input,
// only one input from standard input, syntax errors by line and column, and the encodings of
// German Excel and Notepad.

import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { arbeitsordner, imProzess as lauf } from './hilfen.js';

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const BUND = 'fixtures/monatswerte/bund-k2.csv';
const KANTEN = 'fixtures/kanten/zeitraeume.csv';
const ZIELE = JSON.stringify({ jahr: 2024, ziele: [{ kennzahl: 'K2', mindestens: 10, name: 'Integrationsquote erhöhen' }] });

const { datei } = arbeitsordner('json');

describe('--ziele - and --config - read standard input', () => {
  it('report --ziele -: the targets from stdin, named "-" in the report with the SHA-256 of the bytes', async () => {
    const r = await lauf(['report', '--monatswerte', BUND, '--ziele', '-', '--monat', '2024-06', '--json', '-q'], ZIELE);
    expect([r.code, r.stderr]).toEqual([0, '']);
    const d = JSON.parse(r.stdout);
    expect(d.ziele).toHaveLength(1);
    expect(d.ziele[0]).toMatchObject({ id: 'K2', name: 'Integrationsquote erhöhen', soll: 10, status: 'erreicht' });
    expect(d.eingaben[1]).toEqual({ rolle: 'ziele', datei: '-', zeilen: 1, sha256: sha256(Buffer.from(ZIELE)), kodierung: 'utf8', trennzeichen: null });
    const tabelle = await lauf(['report', '--monatswerte', BUND, '--ziele', '-', '--monat', '2024-06', '--format', 'table'], ZIELE);
    expect(tabelle.stdout).toContain(`\nEingabe ziele: - · 1 Eintrag · JSON · SHA-256 ${sha256(Buffer.from(ZIELE)).slice(0, 16)}…\n`);
  });

  it('check --ziele -', async () => {
    const r = await lauf(['check', '--ziele', '-', '--format', 'table'], ZIELE);
    expect([r.code, r.stderr]).toEqual([0, '']);
    expect(r.stdout).toMatch(/^✓ ziele +-: 1 Eintrag · JSON · Ziele 2024\n1 Datei gültig\.\n$/);
  });

  it('report --config -: paths in a config from stdin are relative to the working folder', async () => {
    const konfiguration = JSON.stringify({ jobcenter: 'Jobcenter aus der Pipe', eingaben: { monatswerte: BUND } });
    const r = await lauf(['report', '--config', '-', '--monat', '2024-06', '--json', '-q'], konfiguration);
    expect([r.code, r.stderr]).toEqual([0, '']);
    const d = JSON.parse(r.stdout);
    expect(d.jobcenter).toBe('Jobcenter aus der Pipe');
    expect(d.eingaben.map((e: { rolle: string; datei: string }) => [e.rolle, e.datei])).toEqual([['monatswerte', BUND]]);
  });

  it('lzb --config - with column mappings, as the config file next to its data gives them', async () => {
    const zuordnung = JSON.parse(readFileSync('fixtures/zuordnung/kennzahlen.json', 'utf8'));
    const alsDatei = await lauf(['lzb', '--config', 'fixtures/zuordnung/kennzahlen.json', '--monat', '2016-12', '--json']);
    const vonStdin = await lauf(['lzb', '--config', '-', '--monat', '2016-12', '--json', '-q'], JSON.stringify({ ...zuordnung, eingaben: { zeitraeume: './fixtures/zuordnung/zeitraeume.csv' } }));
    expect([vonStdin.code, vonStdin.stderr]).toEqual([0, '']);
    expect(JSON.parse(vonStdin.stdout)).toEqual(JSON.parse(alsDatei.stdout));
    expect(JSON.parse(vonStdin.stdout).eingaben[0].datei).toBe('fixtures/zuordnung/zeitraeume.csv');
  });

  it.each([
    ['--ziele', ['report', '--monatswerte', BUND, '--ziele', '-', '--monat', '2024-06', '--format', 'table'], 'Hinweis: Daten umleiten, z. B. `cat ziele.json | kennzahlen … --ziele -`.'],
    ['--config', ['report', '--config', '-', '--monat', '2024-06', '--format', 'table'], 'Hinweis: Daten umleiten, z. B. `cat kennzahlen.json | kennzahlen … --config -`.'],
  ])('2 with a hint when %s - finds a terminal on stdin', async (_flag, args, hinweis) => {
    const r = await lauf(args, null, true);
    expect([r.code, r.stdout, r.stdinGelesen]).toEqual([2, '', false]);
    expect(r.stderr).toBe(`kennzahlen: „-“ liest von der Standardeingabe, aber dort ist ein Terminal.\n${hinweis}\n`);
  });

  it('66 for a targets file that is not there, as before', async () => {
    const r = await lauf(['report', '--monatswerte', BUND, '--ziele', 'fixtures/gibt-es-nicht.json', '--monat', '2024-06', '--format', 'table']);
    expect([r.code, r.stderr]).toEqual([66, 'kennzahlen: fixtures/gibt-es-nicht.json: Datei nicht gefunden.\n']);
  });
});

describe('only one input from standard input', () => {
  const HINWEIS = 'Hinweis: Die übrigen als Dateien angeben: die Standardeingabe lässt sich nur einmal lesen.\n';
  const meldung = (namen: string, beide = 'beide') => `kennzahlen: Nur eine Eingabe kann von der Standardeingabe kommen, aber ${namen} nennen ${beide} „-“.\n${HINWEIS}`;

  it.each([
    [['report', '--zeitraeume', '-', '--ziele', '-', '--monat', '2017-06'], '--zeitraeume und --ziele'],
    [['report', '--monatswerte', '-', '--ziele', '-', '--monat', '2024-06'], '--monatswerte und --ziele'],
    [['report', '--config', '-', '--ziele', '-', '--monat', '2024-06'], '--config und --ziele'],
    [['report', '--monatswerte', '-', '--ziele', '-'], '--monatswerte und --ziele'],
    [['lzb', '--zeitraeume', '-', '--personen', '-', '--monat', '2016-12'], '--zeitraeume und --personen'],
    [['lzb', '--config', '-', '--zeitraeume', '-', '--monat', '2016-12'], '--config und --zeitraeume'],
    [['aggregate', '--zeitraeume', '-', '--leistungen', '-', '--monat', '2016-12'], '--zeitraeume und --leistungen'],
    [['check', '--personen', '-', '--ziele', '-'], '--personen und --ziele'],
  ])('%j: 2 before anything is read', async (args, namen) => {
    const r = await lauf([...args, '--format', 'table'], ZIELE);
    expect([r.code, r.stdout, r.stderr, r.stdinGelesen]).toEqual([2, '', meldung(namen), false]);
  });

  it('names all of three', async () => {
    const r = await lauf(['report', '--zeitraeume', '-', '--personen', '-', '--ziele', '-', '--monat', '2017-06', '--format', 'table'], ZIELE);
    expect([r.code, r.stderr, r.stdinGelesen]).toEqual([2, meldung('--zeitraeume, --personen und --ziele', 'alle'), false]);
  });

  it('counts a config whose eingaben name "-", read from a file before stdin is touched', async () => {
    const konfiguration = datei('stdin-ziele.json', JSON.stringify({ eingaben: { ziele: '-' } }));
    const r = await lauf(['report', '--config', konfiguration, '--monatswerte', '-', '--monat', '2024-06', '--format', 'table'], ZIELE);
    expect([r.code, r.stderr, r.stdinGelesen]).toEqual([2, meldung('--monatswerte und „eingaben.ziele“ der Konfiguration'), false]);
    const check = await lauf(['check', '--config', konfiguration, '--zeitraeume', '-', '--json'], ZIELE);
    expect(check.code).toBe(2);
    expect(JSON.parse(check.stderr)).toEqual({
      fehler: {
        art: 'nutzung',
        exit_code: 2,
        meldung: 'Nur eine Eingabe kann von der Standardeingabe kommen, aber --zeitraeume und „eingaben.ziele“ der Konfiguration nennen beide „-“.',
        probleme: [],
        hinweis: 'Die übrigen als Dateien angeben: die Standardeingabe lässt sich nur einmal lesen.',
      },
    });
  });

  it('counts a config from stdin whose eingaben name "-" again', async () => {
    const r = await lauf(['lzb', '--config', '-', '--monat', '2016-12', '--format', 'table'], JSON.stringify({ eingaben: { zeitraeume: '-' } }));
    expect([r.code, r.stdout, r.stderr]).toEqual([2, '', meldung('--config und „eingaben.zeitraeume“ der Konfiguration')]);
  });

  it('a flag overrides the config, and a command counts only the inputs it reads', async () => {
    const beide = datei('stdin-beide.json', JSON.stringify({ eingaben: { zeitraeume: '-', ziele: '-' } }));
    const kanten = readFileSync(KANTEN);
    const ausDatei = await lauf(['lzb', '--zeitraeume', KANTEN, '--datenstand', '2016-12-31', '--monat', '2016-12', '--json']);
    // lzb reads no targets; the flag --zeitraeume - stands for the config's zeitraeume.
    const r = await lauf(['lzb', '--config', beide, '--zeitraeume', '-', '--datenstand', '2016-12-31', '--monat', '2016-12', '--json', '-q'], kanten);
    expect([r.code, r.stderr]).toEqual([0, '']);
    expect(JSON.parse(r.stdout).stichtage).toEqual(JSON.parse(ausDatei.stdout).stichtage);
  });
});

describe('a JSON syntax error is reported by line and column, in German', () => {
  it.each([
    ['missing comma', '{ "jahr": 2024,\n  "ziele": [ { "kennzahl": "K2" "mindestens": 10 } ] }', '2:33: kein gültiges JSON: erwartet „,“ oder „}“ nach einem Wert'],
    ['unclosed string', '{\n  "jahr": 2024,\n  "jobcenter": "Görlitz,\n  "ziele": []\n}', '3:25: kein gültiges JSON: Text in Anführungszeichen nicht geschlossen (begonnen in Zeile 3)'],
    ['trailing comma', '{ "jahr": 2024,\n  "ziele": [\n    { "kennzahl": "K2", "mindestens": 10 },\n  ]\n}', '3:43: kein gültiges JSON: Komma vor „]“ ist in JSON nicht erlaubt'],
    ['key without quotes', '{\n  jahr: 2024,\n  "ziele": [] }', '2:3: kein gültiges JSON: Schlüssel müssen in "…" stehen'],
    ['comment', '{ "jahr": 2024,\n  // K2 wie im Vorjahr\n  "ziele": [] }', '2:3: kein gültiges JSON: Kommentare sind in JSON nicht erlaubt'],
    ['file cut short', '{ "jahr": 2024,\n  "ziele": [\n    { "kennzahl": "K2", "mindestens": 10 }\n  ]\n', '4:4: kein gültiges JSON: unerwartetes Ende der Datei: „}“ fehlt für „{“ aus Zeile 1'],
    ['decimal comma', '{ "jahr": 2024,\n  "ziele": [ { "kennzahl": "K2", "mindestens": 10,5 } ] }', '2:50: kein gültiges JSON: Dezimalzahlen stehen in JSON mit Punkt: 10.5 statt 10,5'],
  ])('%s: 65 with file:line:column', async (_fall, text, ort) => {
    const r = await lauf(['report', '--monatswerte', BUND, '--ziele', '-', '--monat', '2024-06', '--format', 'table'], text);
    expect([r.code, r.stdout]).toEqual([65, '']);
    expect(r.stderr).toBe(`kennzahlen: -: kein gültiges JSON.\n  -:${ort}\n`);
  });

  it('names a targets file by its path, and the same in the JSON error document', async () => {
    const pfad = datei('ziele-kaputt.json', '{ "jahr": 2024,\n  "ziele": [ }');
    const r = await lauf(['report', '--monatswerte', BUND, '--ziele', pfad, '--monat', '2024-06', '--json']);
    expect(r.code).toBe(65);
    expect(JSON.parse(r.stderr).fehler).toEqual({
      art: 'eingabedaten',
      exit_code: 65,
      meldung: `${pfad}: kein gültiges JSON.`,
      probleme: [{ datei: pfad, zeile: 2, spalte: 14, meldung: 'kein gültiges JSON: „[“ aus Zeile 2 wird mit „]“ geschlossen, nicht mit „}“' }],
    });
  });

  it('in a config, from a file or from stdin', async () => {
    const text = '{\n  "jobcenter": "Görlitz",\n  "eingaben": { "monatswerte": "bund-k2.csv" }\n  "einstellungen": {}\n}';
    const pfad = datei('kennzahlen-kaputt.json', text);
    const ausDatei = await lauf(['report', '--config', pfad, '--monat', '2024-06', '--format', 'table']);
    expect([ausDatei.code, ausDatei.stderr]).toEqual([65, `kennzahlen: ${pfad}: kein gültiges JSON.\n  ${pfad}:4:3: kein gültiges JSON: erwartet „,“ oder „}“ nach einem Wert\n`]);
    const vonStdin = await lauf(['check', '--config', '-', '--format', 'table'], text);
    expect([vonStdin.code, vonStdin.stderr]).toEqual([65, 'kennzahlen: -: kein gültiges JSON.\n  -:4:3: kein gültiges JSON: erwartet „,“ oder „}“ nach einem Wert\n']);
  });

  it('check lists it like any other problem', async () => {
    const r = await lauf(['check', '--monatswerte', BUND, '--ziele', '-', '--format', 'table'], '{ "jahr": 2024, "ziele": [ { "kennzahl": \'K2\' } ] }');
    expect(r.code).toBe(65);
    expect(r.stdout).toContain(`✗ ziele         -: 1 Problem\n  -:1:42: kein gültiges JSON: Text steht in JSON in "…", nicht in '…'\n`);
  });
});

describe('JSON inputs in the encodings of German Excel and Notepad', () => {
  const erwartet = { id: 'K2', name: 'Integrationsquote erhöhen – „Budget“ 5 € je Fall', status: 'erreicht' };

  it.each([
    ['Windows-1252', 'fixtures/kodierung/ziele-cp1252.json', 'cp1252'],
    ['UTF-16LE with BOM', 'fixtures/kodierung/ziele-utf16le.json', 'utf16le'],
  ])('%s, from a file and from stdin; the SHA-256 is of the bytes', async (_name, pfad, kodierung) => {
    const bytes = readFileSync(pfad);
    for (const [ziele, stdin] of [[pfad, null], ['-', bytes]] as const) {
      const r = await lauf(['report', '--monatswerte', BUND, '--ziele', ziele, '--monat', '2024-06', '--json', '-q'], stdin);
      expect([r.code, r.stderr]).toEqual([0, '']);
      const d = JSON.parse(r.stdout);
      expect(d.jobcenter).toBe('Jobcenter Görlitz');
      expect(d.ziele[0]).toMatchObject(erwartet);
      expect(d.eingaben[1]).toEqual({ rolle: 'ziele', datei: ziele, zeilen: 1, sha256: sha256(bytes), kodierung, trennzeichen: null });
    }
  });

  it('a Windows-1252 config', async () => {
    const text = `{ "jobcenter": "Jobcenter Görlitz – Süd", "eingaben": { "monatswerte": "${BUND}" } }`;
    const bytes = Buffer.from(text.replace('–', '\x96'), 'latin1');
    const r = await lauf(['report', '--config', '-', '--monat', '2024-06', '--json', '-q'], bytes);
    expect([r.code, r.stderr]).toEqual([0, '']);
    expect(JSON.parse(r.stdout).jobcenter).toBe('Jobcenter Görlitz – Süd');
  });

  it('a syntax error in a Windows-1252 file counts columns in characters, not bytes', async () => {
    const r = await lauf(['check', '--ziele', '-', '--format', 'table'], Buffer.from('{ "jahr": 2024, "jobcenter": "Görlitz" "ziele": [] }', 'latin1'));
    expect(r.stdout).toContain('  -:1:40: kein gültiges JSON: erwartet „,“ oder „}“ nach einem Wert\n');
  });

  it('65 for UTF-16BE, which it does not read', async () => {
    const r = await lauf(['check', '--ziele', '-', '--format', 'table'], Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from('{}', 'utf16le').swap16()]));
    expect(r.code).toBe(65);
    expect(r.stdout).toContain('  -:1: Kodierung UTF-16BE wird nicht unterstützt; bitte als UTF-8 oder Windows-1252 speichern.\n');
  });
});
