import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { achse, textBreiteEm } from '../../src/report/html.js';
import { deZahl } from '../../src/report/zahlen.js';

describe('chart y axis', () => {
  const labels = (min: number, max: number) => {
    const a = achse(min, max);
    return a.ticks.map((t) => deZahl(t, a.stellen));
  };

  it('gives ALQ_U25’s 3,28 … 3,40 % steps of 0,05 with two decimals, not 3,4 twice', () => {
    expect(labels(3.28, 3.4)).toEqual(['3,25', '3,30', '3,35', '3,40']);
  });

  it('has three ticks or more where all values are equal, or there is a single one', () => {
    expect(labels(120, 120)).toEqual(['100', '110', '120', '130', '140']);
    expect(labels(3.4, 3.4)).toEqual(['3,0', '3,2', '3,4', '3,6', '3,8']);
  });

  it('covers the values with three to six distinct, evenly spaced ticks of 1, 2 or 5 times a power of ten', () => {
    const wert = fc.double({ min: -1e7, max: 1e7, noNaN: true });
    fc.assert(
      fc.property(wert, wert, (a, b) => {
        const [min, max] = a <= b ? [a, b] : [b, a];
        const { lo, hi, ticks, stellen } = achse(min, max);
        const schritt = ticks[1] - ticks[0];
        // Up to binary noise: a value a millionth of a step past a tick is taken as on it.
        expect(lo).toBeLessThanOrEqual(min + schritt * 1e-6);
        expect(hi).toBeGreaterThanOrEqual(max - schritt * 1e-6);
        expect(ticks.length).toBeGreaterThanOrEqual(3);
        expect(ticks.length).toBeLessThanOrEqual(6);
        const texte = ticks.map((t) => deZahl(t, stellen));
        expect(new Set(texte).size).toBe(ticks.length);
        const mantisse = schritt / 10 ** Math.floor(Math.log10(schritt) + 1e-9);
        expect([1, 2, 5].some((f) => Math.abs(mantisse - f) < 1e-6)).toBe(true);
        for (let i = 1; i < ticks.length; i++) expect(Math.abs(ticks[i] - ticks[i - 1] - schritt)).toBeLessThanOrEqual(schritt * 1e-6);
      }),
    );
  });
});

describe('text widths where the page cannot be measured', () => {
  it('counts separators narrow and capitals wide, as DejaVu Sans draws them', () => {
    // DejaVu Sans: digits 0.636 em, '.' and ',' 0.318 em, 'W' 0.989 em.
    expect(textBreiteEm('3.031.454,18')).toBeCloseTo(9 * 0.64 + 3 * 0.31, 6);
    expect(textBreiteEm('W')).toBeGreaterThan(textBreiteEm('i') * 2.5);
  });
});
