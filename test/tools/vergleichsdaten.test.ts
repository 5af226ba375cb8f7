// The comparison's synthetic Monatswerte (tools/vergleichsdaten.ts): deterministic, groups that add
// up to the total, keys as text with leading zeros, and a table `vergleich` reads.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { erzeugeVergleichsdaten } from '../../tools/vergleichsdaten.js';
import { arbeitsordner, imProzess } from '../cli/hilfen.js';

const { unterordner } = arbeitsordner('vergleichsdaten');

describe('erzeugeVergleichsdaten', () => {
  it('writes the same table for the same seed, whose groups add up and which vergleich reads', async () => {
    const [a, b] = [unterordner('a'), unterordner('b')];
    const eigen = erzeugeVergleichsdaten({ out: a, jobcenter: 20, monate: 24 });
    erzeugeVergleichsdaten({ out: b, jobcenter: 20, monate: 24 });
    const text = readFileSync(join(a, 'monatswerte.csv'), 'utf8');
    expect(text).toBe(readFileSync(join(b, 'monatswerte.csv'), 'utf8'));
    const zeilen = text.trimEnd().split('\n').slice(1).map((z) => z.split(';'));
    expect(zeilen.length).toBe(20 * 24 * 3);
    expect(eigen).toBe('01001');
    // Frauen and Männer add up to the total in every column (amounts in cents).
    for (let i = 0; i < zeilen.length; i += 3) {
      const zahl = (s: string) => Math.round(Number(s.replace(',', '.')) * 100);
      expect(zeilen[i].slice(3).map(zahl), zeilen[i].slice(0, 2).join(' ')).toEqual(zeilen[i + 1].slice(3).map((w, k) => zahl(w) + zahl(zeilen[i + 2][3 + k])));
    }
    const r = await imProzess(['vergleich', '--monatswerte', join(a, 'monatswerte.csv'), '--vergleichstypen', join(a, 'vergleichstypen.csv'), '--jobcenter', eigen, '--monat', '2014-12', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.vergleichsgruppe.art).toBe('vergleichstyp');
    expect(doc.gruppen.map((g: { gruppe: string }) => g.gruppe)).toEqual(['gesamt', 'frauen', 'maenner']);
    expect(doc.jobcenter_insgesamt).toBe(20);
  });
});
