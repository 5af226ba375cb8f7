import { describe, expect, it } from 'vitest';
import { arbeitsordner, imProzess as kennzahlen } from './hilfen.js';

const { ordner, datei: schreibe } = arbeitsordner('check');

describe('kennzahlen check', () => {
  it('0 and a summary per file when everything is valid', async () => {
    const r = await kennzahlen(['check', '--config', 'fixtures/kodierung/kennzahlen.json', '--zeitraeume', 'fixtures/kodierung/zeitraeume-cp1252.csv', '--personen', 'fixtures/kanten/personen.csv', '--format', 'table']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('✓ zeitraeume    fixtures/kodierung/zeitraeume-cp1252.csv: 19 Zeilen · Windows-1252, Semikolon · tagesgenaue Zeiträume');
    expect(r.stdout).toContain('✓ personen      fixtures/kanten/personen.csv: 13 Zeilen · UTF-8, Semikolon · Personenmerkmale');
    expect(r.stdout).toContain('2 Dateien gültig.');
  });

  it('says how many rows of nothing but delimiters it skipped; lzb says it on stderr unless -q', async () => {
    const datei = schreibe('export.csv', 'person_id;beginn;ende;status;;\r\nA;01.01.2015 00:00:00;;ELB;;\r\n;;;;;\r\n;;;;;\r\n');
    const c = await kennzahlen(['check', '--zeitraeume', datei, '--format', 'table']);
    expect(c.code).toBe(0);
    expect(c.stdout).toContain(`✓ zeitraeume    ${datei}: 1 Zeile · UTF-8, Semikolon · tagesgenaue Zeiträume · 2 Zeilen ohne Inhalt übersprungen`);
    const l = await kennzahlen(['lzb', '--zeitraeume', datei, '--daten-ab', '2013-01-01', '--datenstand', '2017-12-31', '--monat', '2016-12', '--json']);
    expect(l.code).toBe(0);
    expect(l.stderr).toContain(`kennzahlen: ${datei}: 2 Zeilen ohne Inhalt übersprungen`);
    expect(JSON.parse(l.stdout).stichtage[0]).toMatchObject({ elb: 1, lzb: 1 });
    expect((await kennzahlen(['lzb', '--zeitraeume', datei, '--daten-ab', '2013-01-01', '--datenstand', '2017-12-31', '--monat', '2016-12', '--json', '-q'])).stderr).toBe('');
  });

  it('65 and every problem of every file, one per line as file:line:column', async () => {
    const r = await kennzahlen(['check', '--zeitraeume', 'fixtures/fehler/zeitraeume.csv', '--personen', 'fixtures/fehler/personen.csv', '--format', 'table']);
    expect(r.code).toBe(65);
    const orte = r.stdout.split('\n').filter((z) => z.startsWith('  ')).map((z) => z.trim().split(': ')[0]);
    expect(orte).toEqual([
      'fixtures/fehler/zeitraeume.csv:3:2',
      'fixtures/fehler/zeitraeume.csv:4:3',
      'fixtures/fehler/zeitraeume.csv:5:4',
      'fixtures/fehler/zeitraeume.csv:6',
      'fixtures/fehler/zeitraeume.csv:7:1',
      'fixtures/fehler/zeitraeume.csv:8:2',
      'fixtures/fehler/personen.csv:3:1',
      'fixtures/fehler/personen.csv:4:2',
      'fixtures/fehler/personen.csv:5:4',
    ]);
    expect(r.stdout).toContain('2 Dateien geprüft: 9 Probleme.');
  });

  it('stops at --max-errors across files', async () => {
    const r = await kennzahlen(['check', '--zeitraeume', 'fixtures/fehler/zeitraeume.csv', '--personen', 'fixtures/fehler/personen.csv', '--max-errors', '4', '--json']);
    expect(r.code).toBe(65);
    const d = JSON.parse(r.stdout);
    expect(d.gueltig).toBe(false);
    expect(d.eingaben.map((e: { probleme: unknown[]; abgebrochen: boolean }) => [e.probleme.length, e.abgebrochen])).toEqual([[4, true], [0, true]]);
  });

  it('66 when a file is missing, still checking the others', async () => {
    const r = await kennzahlen(['check', '--zeitraeume', 'fixtures/kanten/zeitraeume.csv', '--personen', 'fixtures/nicht-da.csv', '--json']);
    expect(r.code).toBe(66);
    const d = JSON.parse(r.stdout);
    expect(d.eingaben[0]).toMatchObject({ rolle: 'zeitraeume', gueltig: true, zeilen: 19 });
    expect(d.eingaben[1]).toMatchObject({ rolle: 'personen', gueltig: false, fehlt: 'fixtures/nicht-da.csv: Datei nicht gefunden.' });
  });

  it('checks every role of the demo, the targets file included', async () => {
    const r = await kennzahlen(['check', '--config', 'fixtures/demo/kennzahlen.json', '--ziele', 'fixtures/demo/ziele-2017.json', '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).eingaben.map((e: { rolle: string; gueltig: boolean }) => [e.rolle, e.gueltig])).toEqual([
      ['zeitraeume', true], ['personen', true], ['integrationen', true], ['massnahmen', true], ['leistungen', true], ['monatswerte', true], ['ziele', true],
    ]);
  });

  it('reports bad numbers in Monatswerte and bad targets, each at its place', async () => {
    schreibe('mw.csv', 'monat;elb;integrationen\n2017-01;1.234;12a\n2017-13;1.200;-\n');
    schreibe('ziele.json', '{ "jahr": 2017, "ziele": [ { "kennzahl": "K2", "mindestens": "viel" } ] }');
    const r = await kennzahlen(['check', '--monatswerte', `${ordner}/mw.csv`, '--ziele', `${ordner}/ziele.json`, '--format', 'table']);
    expect(r.code).toBe(65);
    expect(r.stdout).toContain(`${ordner}/mw.csv:2:3: Spalte „integrationen“: „12a“ ist ungültig; erwartet eine Zahl mit Dezimalkomma wie 1.234,5 (oder -, *, x).`);
    expect(r.stdout).toContain(`${ordner}/mw.csv:3:1: Spalte „monat“: „2017-13“ ist ungültig`);
    expect(r.stdout).toContain(`${ordner}/ziele.json: ziele[0].mindestens: erwartet eine Zahl, nicht "viel"`);
  });

  it('2 without any input', async () => {
    expect((await kennzahlen(['check', '--format', 'table'])).code).toBe(2);
  });
});
