// Monatswerte of several Jobcenters in one table (a region column with keys such as 05111): the
// report counts the one chosen by its key, and no table of several counts without a choice.

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { arbeitsordner, imProzess } from './hilfen.js';

const MEHRERE = 'fixtures/monatswerte/mehrere-jobcenter.csv';
const { datei } = arbeitsordner('regionen');
const report = (args: string[]) => imProzess(['report', '--monatswerte', MEHRERE, '--monat', '2024-06', ...args]);
const k2 = (stdout: string) => JSON.parse(stdout).kennzahlen.find((k: { id: string }) => k.id === 'K2');

describe('a table of several Jobcenters', () => {
  it('needs a choice: a usage error that lists the keys', async () => {
    const r = await report(['--format', 'table']);
    expect([r.code, r.stdout]).toEqual([2, '']);
    expect(r.stderr).toBe(`kennzahlen: ${MEHRERE}: die Monatswerte sind für 2 Jobcenter (Spalte „regionalschlüssel“): „05111“, „12062“; --jobcenter SCHLÜSSEL wählt eines.\n`);
  });

  it('counts the chosen one only, as its own table would', async () => {
    // 12062: 1.000 ELB each month, 10 integrations a month from 07/2023: K2 = 120 / 1.000 = 12 %.
    const elbeElster = await report(['--jobcenter', '12062', '--json']);
    expect(k2(elbeElster.stdout)).toMatchObject({ wert: 12, zaehler: 120, nenner: 1000 });
    expect(JSON.parse(elbeElster.stdout).jobcenter).toBe('12062');
    // 05111: 2.000 ELB, 30 a month: 360 / 2.000 = 18 %.
    expect(k2((await report(['--jobcenter', '05111', '--json'])).stdout)).toMatchObject({ wert: 18, zaehler: 360, nenner: 2000 });
    // The same numbers as the table of 12062 alone, without the region columns.
    const zeilen = readFileSync(MEHRERE, 'utf8').trimEnd().split('\n');
    const allein = datei('12062.csv', ['monat;elb;integrationen', ...zeilen.filter((z) => z.startsWith('12062;')).map((z) => z.split(';').slice(2).join(';'))].join('\n') + '\n');
    const einzeln = await imProzess(['report', '--monatswerte', allein, '--monat', '2024-06', '--json']);
    expect(JSON.parse(elbeElster.stdout).kennzahlen).toEqual(JSON.parse(einzeln.stdout).kennzahlen);
  });

  it('keeps keys as text: 5111 is not 05111, and the message says which is meant', async () => {
    const r = await report(['--jobcenter', '5111', '--format', 'table']);
    expect(r.code).toBe(2);
    expect(r.stderr.split('\n')[0]).toBe(`kennzahlen: ${MEHRERE}: kein Jobcenter „5111“ in der Spalte „regionalschlüssel“; gemeint ist wohl „05111“ (Schlüssel mit führenden Nullen). Gefunden: „05111“, „12062“.`);
  });

  it('refuses one Jobcenter under two keys that differ only in leading zeros', async () => {
    // Excel read 05111 as the number 5111 in the rows from 2024: --jobcenter 05111 would count
    // 2023 alone and --jobcenter 5111 2024 alone, each a part of one Jobcenter.
    const zeilen = readFileSync(MEHRERE, 'utf8').trimEnd().split('\n');
    const gemischt = datei('gemischt.csv', zeilen.map((z) => (/^05111;[^;]*;2024-/.test(z) ? z.slice(1) : z)).join('\n') + '\n');
    expect(readFileSync(gemischt, 'utf8')).toContain('\n5111;Jobcenter Düsseldorf;2024-01;');
    const meldung = 'Spalte „regionalschlüssel“: „05111“ und „5111“ unterscheiden sich nur in führenden Nullen, sind also wohl ein Jobcenter, dessen Schlüssel Excel in einem Teil der Zeilen als Zahl gelesen hat.';
    for (const jobcenter of ['05111', '5111', '12062']) {
      const r = await imProzess(['report', '--monatswerte', gemischt, '--monat', '2023-12', '--jobcenter', jobcenter, '--format', 'table']);
      expect([r.code, r.stdout]).toEqual([65, '']);
      expect(r.stderr).toContain(meldung);
    }
    const c = await imProzess(['check', '--monatswerte', gemischt, '--format', 'table']);
    expect(c.code).toBe(65);
    expect(c.stdout).toContain(meldung);
  });

  it('is checked whole, and check names its Jobcenters', async () => {
    const r = await imProzess(['check', '--monatswerte', MEHRERE, '--format', 'table']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Monatswerte: elb, integrationen · 2 Jobcenter (Spalte regionalschlüssel) · nicht geprüft, da weder Kennzahl noch Ziel sie nutzt: jobcenter');
  });

  it('asks the chosen Jobcenter for its total, not the others', async () => {
    // 12062 has only a breakdown for women: no total, so no indicator for it, but 05111 is whole.
    const zeilen = readFileSync(MEHRERE, 'utf8').trimEnd().split('\n');
    const text = ['Regionalschlüssel;Jobcenter;Monat;ELB;Integrationen;Gruppe', ...zeilen.slice(1).map((z) => `${z};${z.startsWith('12062;') ? 'Frauen' : ''}`)].join('\n') + '\n';
    const teilweise = datei('teilweise.csv', text);
    const ganz = await imProzess(['report', '--monatswerte', teilweise, '--monat', '2024-06', '--jobcenter', '05111', '--json']);
    expect(ganz.code, ganz.stderr).toBe(0);
    expect(k2(ganz.stdout)).toMatchObject({ wert: 18, zaehler: 360, nenner: 2000 });
    const ohneGesamt = await imProzess(['report', '--monatswerte', teilweise, '--monat', '2024-06', '--jobcenter', '12062', '--format', 'table']);
    expect(ohneGesamt.code).toBe(65);
    expect(ohneGesamt.stderr).toContain('keine Zeilen der Gruppe „gesamt“ (oder „Insgesamt“) in der Region „12062“; gefunden: frauen.');
    // check sees the whole table and says the same.
    const geprueft = await imProzess(['check', '--monatswerte', teilweise, '--format', 'table']);
    expect([geprueft.code, geprueft.stdout.includes('in der Region „12062“')]).toEqual([65, true]);
  });
});
