// A Jobcenter among its peers: rank, quartile, median and the summed aggregate worked out by hand
// for five Jobcenters, a sixth with a suppressed month left out and named; and the aggregate of all
// units equal to the indicator on their summed Monatswerte.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { monatIndex } from '../../src/core/kalender.js';
import { berechne } from '../../src/core/kennzahlen/berechnung.js';
import { definitionen } from '../../src/core/kennzahlen/definitionen.js';
import { GESPERRT, MONATSWERTE_SPALTEN, setze, type Reihe, type Wert } from '../../src/core/monatswerte/monatswerte.js';
import { aggregat, fenster, naechsteNachbarn, vergleiche, type Einheit } from '../../src/core/vergleich/vergleich.js';

const DEFS = definitionen();
const def = (id: string) => DEFS.find((d) => d.id === id)!;
const T = monatIndex(2017, 1);
const SPALTEN = new Set<string>(MONATSWERTE_SPALTEN);

/** A unit whose ELB stock is `vorjahr` in 01/2016 and `jetzt` in 01/2017. */
function elb(schluessel: string, vorjahr: Wert, jetzt: Wert, land?: string): Einheit & { land?: string } {
  const reihe: Reihe = new Map();
  setze(reihe, T - 12, 'elb', vorjahr);
  setze(reihe, T, 'elb', jetzt);
  return { schluessel, land, reihe };
}

describe('vergleiche, by hand: K1E2 (change in the ELB stock, lower is better) in 01/2017', () => {
  // A +10 %, B −5 %, C +10 %, D −10 %, E ±0 %; F has its month suppressed (*).
  const peers = [elb('A', 100, 110), elb('B', 200, 190), elb('C', 50, 55), elb('D', 400, 360), elb('E', 1000, 1000), elb('F', 300, GESPERRT)];
  const [von, bis] = fenster(def('K1E2'), T, 'monat');

  it('ranks from the best in the good direction, ties sharing a rank, and puts the rank in its quarter', () => {
    // Best to worst: D −10, B −5, E 0, A +10 and C +10 (both 4th); F is not ranked: 5 values.
    const rang = (k: string) => vergleiche(def('K1E2'), k, peers, SPALTEN, von, bis);
    expect(['D', 'B', 'E', 'A', 'C'].map((k) => [rang(k).rang, rang(k).quartil])).toEqual([[1, 1], [2, 2], [3, 3], [4, 4], [4, 4]]);
    expect(rang('A').bewertet).toBe(5);
    expect(rang('F')).toMatchObject({ rang: null, quartil: null, abstandMedian: null });
    // The whole matrix: every peer's rank, in the peers' order.
    expect(rang('A').einheiten.map((e) => [e.schluessel, e.rang])).toEqual([['A', 4], ['B', 2], ['C', 4], ['D', 1], ['E', 3], ['F', null]]);
  });

  it('gives median, minimum, maximum and the distance to the median in points', () => {
    const a = vergleiche(def('K1E2'), 'A', peers, SPALTEN, von, bis);
    expect(a.eigen.wert).toBeCloseTo(10, 12);
    // Values −10, −5, 0, 10, 10: the middle one is 0.
    expect([a.median, a.min, a.max]).toEqual([0, expect.closeTo(-10, 12), expect.closeTo(10, 12)]);
    expect(a.abstandMedian).toBeCloseTo(10, 12);
  });

  it('aggregates summed numerators and denominators, not the mean of the rates, and names who is left out', () => {
    const a = vergleiche(def('K1E2'), 'A', peers, SPALTEN, von, bis).aggregat;
    // (110 + 190 + 55 + 360 + 1000) / (100 + 200 + 50 + 400 + 1000) − 1 = 1715 / 1750 − 1 = −2 %;
    // the mean of the five rates would be +1 %.
    expect(a.berechnung).toMatchObject({ zaehler: 1715, nenner: 1750 });
    expect(a.berechnung!.wert).toBeCloseTo(-2, 12);
    expect(a.einheiten).toBe(5);
    expect(a.ausgelassen).toEqual([{ schluessel: 'F', hinweis: [expect.objectContaining({ art: 'gesperrt', spalte: 'elb' })] }]);
  });

  it('ties values that differ only in floating point', () => {
    // 0.3/0.1 and 3/1 are both 3 (+200 %), one of them as 2.9999999999999996 in floating point.
    const paar = [elb('X', 0.1, 0.1 + 0.2), elb('Y', 1, 3)];
    expect(paar.map((p) => vergleiche(def('K1E2'), p.schluessel, paar, SPALTEN, von, bis).rang)).toEqual([1, 1]);
  });

  it('ranks a neutral indicator by value, the largest first; raising the rate is not called better', () => {
    const neutral = { ...def('K1E2'), richtung: 'neutral' as const };
    expect(vergleiche(neutral, 'A', peers, SPALTEN, von, bis).rang).toBe(1);
    expect(vergleiche(neutral, 'D', peers, SPALTEN, von, bis).rang).toBe(5);
  });

  it('aggregates a Land as any set of units', () => {
    const mitLand = [elb('A', 100, 110, 'BB'), elb('B', 200, 190, 'BB'), elb('C', 50, 55, 'NW')];
    const bb = aggregat(def('K1E2'), mitLand.filter((e) => e.land === 'BB'), SPALTEN, von, bis);
    // (110 + 190) / (100 + 200) − 1 = 0 %.
    expect([bb.berechnung!.zaehler, bb.berechnung!.nenner, bb.berechnung!.wert]).toEqual([300, 300, 0]);
  });
});

describe('the aggregate of all units', () => {
  // Every standard column for 24 months up to T, per unit: small whole numbers, amounts with cents.
  const einheit = fc.array(fc.integer({ min: 0, max: 5000 }), { minLength: 24 * MONATSWERTE_SPALTEN.length, maxLength: 24 * MONATSWERTE_SPALTEN.length });
  const reihe = (zahlen: number[]): Reihe => {
    const r: Reihe = new Map();
    let i = 0;
    for (let m = T - 23; m <= T; m++) for (const s of MONATSWERTE_SPALTEN) setze(r, m, s, s === 'llu' || s === 'luh' ? zahlen[i++] / 100 : zahlen[i++]);
    return r;
  };

  it('is the indicator on the summed Monatswerte, for every indicator and both windows', () => {
    fc.assert(
      fc.property(fc.array(einheit, { minLength: 1, maxLength: 5 }), (alle) => {
        const einheiten = alle.map((z, i): Einheit => ({ schluessel: `JC${i}`, reihe: reihe(z) }));
        const summe: Reihe = new Map();
        for (const e of einheiten) {
          for (const [m, zeile] of e.reihe!) for (const [s, w] of zeile) setze(summe, m, s, ((summe.get(m)?.get(s) as number | undefined) ?? 0) + (w as number));
        }
        for (const d of DEFS) {
          for (const art of ['monat', 'jfw'] as const) {
            const [von, bis] = fenster(d, T, art);
            const a = aggregat(d, einheiten, SPALTEN, von, bis).berechnung!;
            const b = berechne(d.formel, summe, SPALTEN, von, bis);
            expect(a.wert === null, `${d.id} ${art}`).toBe(b.wert === null);
            if (a.wert !== null) expect(Math.abs(a.wert - b.wert!), `${d.id} ${art}`).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(b.wert!)));
          }
        }
      }),
      { numRuns: 60 },
    );
  });
});

describe('naechsteNachbarn', () => {
  it('standardises each feature, measures the Euclidean distance, and breaks ties by key', () => {
    // One feature, values 0, 1, 2, 3, 10: mean 3.2, the distances in standard deviations from B (1)
    // are |x − 1| / sd, so the nearest are A and C (both 1 away; A first by key), then D.
    const einheiten = [['A', 0], ['B', 1], ['C', 2], ['D', 3], ['E', 10]].map(([schluessel, w]) => ({ schluessel: schluessel as string, werte: [w as number] }));
    const sd = Math.sqrt([0, 1, 2, 3, 10].reduce((s, x) => s + (x - 3.2) ** 2, 0) / 5);
    const r = naechsteNachbarn('B', einheiten, 3);
    expect(r.nachbarn.map((n) => n.schluessel)).toEqual(['A', 'C', 'D']);
    expect(r.nachbarn[2].abstand).toBeCloseTo(2 / sd, 12);
  });

  it('weighs features by their spread, ignores one that does not vary, and leaves out units without a value', () => {
    // Feature 1 spreads 0 … 1000, feature 2 0 … 1: standardised, both count alike; feature 3 is constant.
    const einheiten = [
      { schluessel: 'X', werte: [500, 0.5, 7] },
      { schluessel: 'Y', werte: [0, 0.5, 7] },
      { schluessel: 'Z', werte: [500, 0, 7] },
      { schluessel: 'W', werte: [1000, 1, 7] },
      { schluessel: 'V', werte: [null, 1, 7] },
    ];
    const r = naechsteNachbarn('X', einheiten, 10);
    // Means 500 and 0.5, sds 353.55… and 0.35355…: Y and Z are both 1.414… away, W 2.
    expect(r.nachbarn.map((n) => [n.schluessel, Number(n.abstand.toFixed(6))])).toEqual([['Y', 1.414214], ['Z', 1.414214], ['W', 2]]);
    expect(r.ohneWerte).toEqual(['V']);
  });
});
