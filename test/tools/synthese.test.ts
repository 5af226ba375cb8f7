import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generiere } from '../../tools/generate.js';
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
});
