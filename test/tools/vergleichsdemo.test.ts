// The demo's Vergleichstyp (tools/vergleichsdemo.ts): fixtures/demo/vergleich-*.csv are what the tool
// makes from the demo's aggregate, and `vergleich` computes the demo Jobcenter's own indicators as
// `report` does from its person-level files.

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEMO_SCHLUESSEL, vergleichsdemo } from '../../tools/vergleichsdemo.js';
import { imProzess } from '../cli/hilfen.js';

const MW = 'fixtures/demo/vergleich-monatswerte.csv';
const TYPEN = 'fixtures/demo/vergleichstypen.csv';

describe('the demo Vergleichstyp', () => {
  it('is what the tool makes from the demo aggregate, byte for byte', async () => {
    const aggregat = await imProzess(['aggregate', '--config', 'fixtures/demo/kennzahlen.json', '--von', '2015-01', '--bis', '2017-06', '--format', 'csv']);
    expect(aggregat.code).toBe(0);
    const { monatswerte, vergleichstypen } = vergleichsdemo(aggregat.stdout);
    expect(monatswerte).toBe(readFileSync(MW, 'utf8'));
    expect(vergleichstypen).toBe(readFileSync(TYPEN, 'utf8'));
  });

  it("gives the demo Jobcenter's indicators of report, monthly and year-to-date, ranked among 20", async () => {
    const [v, r] = await Promise.all([
      imProzess(['vergleich', '--monatswerte', MW, '--vergleichstypen', TYPEN, '--jobcenter', DEMO_SCHLUESSEL, '--monat', '2017-06', '--json']),
      imProzess(['report', '--config', 'fixtures/demo/kennzahlen.json', '--monat', '2017-06', '--json']),
    ]);
    expect(v.code, v.stderr).toBe(0);
    const bericht = JSON.parse(r.stdout).kennzahlen as { id: string; wert_exakt: number; jahresfortschritt: { wert_exakt: number } }[];
    const vergleich = JSON.parse(v.stdout).gruppen[0].kennzahlen as { id: string; monat: { wert_exakt: number; von: number }; jfw: { wert_exakt: number } }[];
    expect(vergleich.map((k) => [k.id, k.monat.wert_exakt, k.jfw.wert_exakt])).toEqual(bericht.map((k) => [k.id, k.wert_exakt, k.jahresfortschritt.wert_exakt]));
    expect(vergleich.every((k) => k.monat.von === 20)).toBe(true);
  });
});
