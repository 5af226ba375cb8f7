import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lzbMitDuckdb } from '../../tools/duckdb-lzb.js';
import { generiere } from '../../tools/generate.js';
import { generiereRealistisch } from '../../tools/realistisch.js';
import { arbeitsordner, imProzess } from '../cli/hilfen.js';

const { unterordner } = arbeitsordner('gen');
const sha = (f: string) => createHash('sha256').update(readFileSync(f)).digest('hex');

describe('synthetic Jobcenter', () => {
  it('is deterministic: the committed demo data are exactly what seed 2017 generates', async () => {
    const ordner = unterordner('demo');
    await generiere({ personen: 12500, seed: 2017, von: '2013-01', bis: '2017-12', form: 'tage', out: ordner });
    for (const f of ['zeitraeume.csv', 'personen.csv', 'integrationen.csv', 'massnahmen.csv', 'leistungen.csv', 'lokale-ziele.csv']) {
      expect(sha(join(ordner, f)), f).toBe(sha(`fixtures/demo/${f}`));
    }
  });

  it('has an Integrationsquote of about 25 % and activates about a tenth of the LZB', async () => {
    const d = JSON.parse((await imProzess(['report', '--config', 'fixtures/demo/kennzahlen.json', '--monat', '2016-12', '--json'])).stdout);
    const wert = (id: string) => d.kennzahlen.find((k: { id: string }) => k.id === id).wert_exakt;
    expect(wert('K2')).toBeGreaterThan(20);
    expect(wert('K2')).toBeLessThan(30);
    expect(wert('K3E2')).toBeGreaterThan(5);
    expect(wert('K3E2')).toBeLessThan(15);
  });

  it('is shaped like the Arbeitsmarktprogramm’s Jobcenter: about 7,400 ELB, about 70 % LZB, stock falling', async () => {
    const d = JSON.parse((await imProzess(['lzb', '--config', 'fixtures/demo/kennzahlen.json', '--von', '2015-05', '--bis', '2017-12'])).stdout);
    const mai2016 = d.stichtage.find((s: { monat: string }) => s.monat === '2016-05');
    expect(mai2016.elb).toBeGreaterThan(7000);
    expect(mai2016.elb).toBeLessThan(7800);
    for (const s of d.stichtage) {
      expect(s.lzb_anteil).toBeGreaterThan(65);
      expect(s.lzb_anteil).toBeLessThan(80);
    }
    const elb = (m: string) => d.stichtage.find((s: { monat: string }) => s.monat === m).elb;
    expect(elb('2017-05') / elb('2016-05')).toBeLessThan(0.97);
    expect(elb('2017-05') / elb('2016-05')).toBeGreaterThan(0.88);
  });

  it('writes the monthly form consistently with the day form', async () => {
    const ordner = unterordner('beide');
    const e = await generiere({ personen: 300, seed: 5, von: '2015-01', bis: '2017-12', form: 'beide', out: ordner });
    expect(e.personen).toBe(300);
    const tage = JSON.parse((await imProzess(['lzb', '--zeitraeume', join(ordner, 'zeitraeume.csv'), '--datenstand', '2017-12-31', '--monat', '2017-12'])).stdout);
    const monate = JSON.parse((await imProzess(['lzb', '--zeitraeume', join(ordner, 'zeitraeume-monate.csv'), '--monat', '2017-12'])).stdout);
    // Receipt on the 15th (day form) and "in receipt that month" (month form) differ only for spells
    // starting after or ending before the 15th of December.
    expect(Math.abs(tage.stichtage[0].elb - monate.stichtage[0].elb)).toBeLessThanOrEqual(12);
    expect(monate.regel.einheit).toBe('monate');
  });

  it('writes the benchmark’s realistic orders deterministically, with the friendly case’s counts, and DuckDB’s many-month reference agrees', async () => {
    const [a, b, freundlich] = [unterordner('real-a'), unterordner('real-b'), unterordner('freundlich')];
    const o = { personen: 300, seed: 7, von: '2015-01', bis: '2017-12', form: 'beide' } as const;
    const e = await generiereRealistisch({ ...o, out: a });
    await generiereRealistisch({ ...o, out: b });
    await generiere({ ...o, out: freundlich });
    const dateien = ['zeitraeume-monate.csv', 'zeitraeume-monate-nach-id.csv', 'zeitraeume.csv'];
    for (const f of dateien) expect(sha(join(a, f)), f).toBe(sha(join(b, f)));

    const zeilen = (f: string) => readFileSync(join(a, f), 'utf8').trimEnd().split('\n');
    const monate = zeilen('zeitraeume-monate.csv');
    expect(monate[0]).toBe('person_id;monat');
    expect(monate.length - 1).toBe(e.zeilenMonate);
    const rumpf = monate.slice(1).map((z) => z.split(';'));
    expect(rumpf.every(([id]) => /^[0-9A-Z]{8}$/.test(id))).toBe(true);
    // Month by month, and within a month not in the order of the ids.
    expect(rumpf.every(([, m], i) => i === 0 || rumpf[i - 1][1] <= m)).toBe(true);
    const januar = rumpf.filter(([, m]) => m === '2015-01').map(([id]) => id);
    expect(januar).not.toEqual([...januar].sort());
    expect([...zeilen('zeitraeume-monate-nach-id.csv')].slice(1).sort()).toEqual([...monate.slice(1)].sort());
    const beginne = zeilen('zeitraeume.csv').slice(1).map((z) => z.split(';')[1]);
    expect(beginne.every((x, i) => i === 0 || beginne[i - 1] <= x)).toBe(true);

    const zaehle = async (datei: string, tage: boolean) =>
      JSON.parse((await imProzess(['lzb', '--zeitraeume', datei, '--von', '2016-12', '--bis', '2017-12', ...(tage ? ['--datenstand', '2017-12-31'] : [])])).stdout)
        .stichtage.filter((s: { lzb: number | null }) => s.lzb !== null)
        .map((s: { monat: string; elb: number; lzb: number }) => ({ monat: s.monat, elb: s.elb, lzb: s.lzb }));
    for (const [f, tage] of [['zeitraeume-monate.csv', false], ['zeitraeume-monate-nach-id.csv', false], ['zeitraeume.csv', true]] as const) {
      const ich = await zaehle(join(a, f), tage);
      expect(ich.length, f).toBeGreaterThanOrEqual(12);
      // The same persons as the friendly case, so the same counts.
      expect(ich, f).toEqual(await zaehle(join(freundlich, tage ? 'zeitraeume.csv' : 'zeitraeume-monate.csv'), tage));
      expect(await lzbMitDuckdb(join(a, f), tage ? 'tage' : 'monate', ich[0].monat, ich.at(-1).monat), f).toEqual(ich);
    }
  });
});
