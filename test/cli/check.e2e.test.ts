import { describe, expect, it } from 'vitest';
import { kennzahlen } from './hilfen.js';

describe('kennzahlen check (built binary)', () => {
  it('0 and a summary per file when everything is valid', () => {
    const r = kennzahlen(['check', '--zeitraeume', 'fixtures/kodierung/zeitraeume-cp1252.csv', '--personen', 'fixtures/kanten/personen.csv', '--format', 'table']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('✓ zeitraeume fixtures/kodierung/zeitraeume-cp1252.csv: 19 Zeilen · Windows-1252 · Semikolon · tagesgenaue Zeiträume');
    expect(r.stdout).toContain('✓ personen   fixtures/kanten/personen.csv: 13 Zeilen · UTF-8 · Semikolon · Personenmerkmale');
    expect(r.stdout).toContain('2 Dateien gültig.');
  });

  it('65 and every problem of every file, one per line as file:line:column', () => {
    const r = kennzahlen(['check', '--zeitraeume', 'fixtures/fehler/zeitraeume.csv', '--personen', 'fixtures/fehler/personen.csv', '--format', 'table']);
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

  it('stops at --max-errors across files', () => {
    const r = kennzahlen(['check', '--zeitraeume', 'fixtures/fehler/zeitraeume.csv', '--personen', 'fixtures/fehler/personen.csv', '--max-errors', '4', '--json']);
    expect(r.code).toBe(65);
    const d = JSON.parse(r.stdout);
    expect(d.gueltig).toBe(false);
    expect(d.eingaben.map((e: { probleme: unknown[]; abgebrochen: boolean }) => [e.probleme.length, e.abgebrochen])).toEqual([[4, true], [0, true]]);
  });

  it('66 when a file is missing, still checking the others', () => {
    const r = kennzahlen(['check', '--zeitraeume', 'fixtures/kanten/zeitraeume.csv', '--personen', 'fixtures/nicht-da.csv', '--json']);
    expect(r.code).toBe(66);
    const d = JSON.parse(r.stdout);
    expect(d.eingaben[0]).toMatchObject({ rolle: 'zeitraeume', gueltig: true, zeilen: 19 });
    expect(d.eingaben[1]).toMatchObject({ rolle: 'personen', gueltig: false, fehlt: 'fixtures/nicht-da.csv: Datei nicht gefunden.' });
  });

  it('2 without any input', () => {
    expect(kennzahlen(['check', '--format', 'table']).code).toBe(2);
  });
});
