// Secondary suppression (sekundäre Geheimhaltung): small hand-computed tables, and a property test
// that checks every decision against an exact rank computed independently here.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sperre, Sperrmodell, type Bedingung, type Zelle } from '../../src/core/geheimhaltung.js';

/** Cells named a, b, … in the order given, printed unless listed in `implizit`. */
function tabelle(werte: Record<string, number>, beziehungen: string[], implizit: string[] = []) {
  const namen = Object.keys(werte);
  const zellen: Zelle[] = namen.map((n) => ({ wert: werte[n], veroeffentlicht: !implizit.includes(n) }));
  // "t = a + b + c" → t − a − b − c = 0
  const bedingungen: Bedingung[] = beziehungen.map((b) => {
    const [links, rechts] = b.split('=').map((s) => s.trim());
    const glieder: { zelle: number; faktor: 1 | -1 }[] = [{ zelle: namen.indexOf(links), faktor: 1 }];
    for (const teil of rechts.match(/[+-]?\s*\w+/g)!) {
      const t = teil.replace(/\s/g, '');
      const minus = t.startsWith('-');
      glieder.push({ zelle: namen.indexOf(t.replace(/^[+-]/, '')), faktor: minus ? 1 : -1 });
    }
    return glieder;
  });
  return { namen, zellen, bedingungen };
}

/** Names of the cells per kind of suppression. */
function ergebnis(t: ReturnType<typeof tabelle>, unter: number) {
  const { art } = sperre(t.zellen, t.bedingungen, unter);
  return { primaer: t.namen.filter((_, i) => art[i] === 1), sekundaer: t.namen.filter((_, i) => art[i] === 2) };
}

describe('sperre: hand-computed tables', () => {
  it('a total and three groups, one small: the next-smallest group is hidden too', () => {
    // 5 < 10 is hidden; 100 − 50 − 45 would give it back, so 45 (smallest of 100, 50, 45) goes as well.
    const t = tabelle({ gesamt: 100, a: 50, b: 45, c: 5 }, ['gesamt = a + b + c']);
    expect(ergebnis(t, 10)).toEqual({ primaer: ['c'], sekundaer: ['b'] });
    // Without a threshold that bites, nothing happens.
    expect(ergebnis(t, 5)).toEqual({ primaer: [], sekundaer: [] });
  });

  it('a small residual that nobody prints is protected like a printed one', () => {
    // Frauen 52 and Männer 40 are printed beside the total 100; the rest, 8, is implied.
    const t = tabelle({ gesamt: 100, w: 52, m: 40, rest: 8 }, ['gesamt = w + m + rest'], ['rest']);
    expect(ergebnis(t, 10)).toEqual({ primaer: [], sekundaer: ['m'] });
    // 8 is not small for a threshold of 8: nothing to do.
    expect(ergebnis(t, 8)).toEqual({ primaer: [], sekundaer: [] });
  });

  it('two small groups protect each other: nothing more is hidden', () => {
    const t = tabelle({ gesamt: 100, a: 91, b: 6, c: 3 }, ['gesamt = a + b + c']);
    expect(ergebnis(t, 10)).toEqual({ primaer: ['b', 'c'], sekundaer: [] });
  });

  it('stock and flows: a small inflow is recovered from the two stocks and the outflow', () => {
    // 43 = 50 + 3 − 10: with 3 hidden, 43 − 50 + 10 gives it back; 10 is the smallest of 50, 43, 10.
    const t = tabelle({ bestand0: 50, bestand1: 43, zugaenge: 3, abgaenge: 10 }, ['bestand1 = bestand0 + zugaenge - abgaenge']);
    expect(ergebnis(t, 5)).toEqual({ primaer: ['zugaenge'], sekundaer: ['abgaenge'] });
    // Both flows small: their difference is known, neither flow is.
    const u = tabelle({ bestand0: 50, bestand1: 52, zugaenge: 3, abgaenge: 1 }, ['bestand1 = bestand0 + zugaenge - abgaenge']);
    expect(ergebnis(u, 5)).toEqual({ primaer: ['zugaenge', 'abgaenge'], sekundaer: [] });
  });

  it('stock–flow over two months: a small stock comes back through the next month', () => {
    // 6 = 4 + 5 − 3 and 40 = 6 + 43 − 9; the stock before the first month (4) is printed nowhere.
    const t = tabelle(
      { bestand0: 4, bestand1: 6, zugang1: 5, abgang1: 3, bestand2: 40, zugang2: 43, abgang2: 9 },
      ['bestand1 = bestand0 + zugang1 - abgang1', 'bestand2 = bestand1 + zugang2 - abgang2'],
      ['bestand0'],
    );
    // Threshold 7 hides 6, 5 and 3. But 40 − 43 + 9 gives 6 back: 9, the smallest of 40, 43, 9,
    // goes too. Then 4 = 6 − 5 + 3 stays unknown, since all three are hidden.
    expect(ergebnis(t, 7)).toEqual({ primaer: ['bestand1', 'zugang1', 'abgang1'], sekundaer: ['abgang2'] });
  });

  it('does not hide a cell the printed cells give back anyway', () => {
    // c = x − y; y = p + q is printed in full, so hiding y alone protects nothing: x is hidden.
    const t = tabelle({ x: 40, c: 5, y: 35, p: 20, q: 15 }, ['x = c + y', 'y = p + q']);
    expect(ergebnis(t, 10)).toEqual({ primaer: ['c'], sekundaer: ['x'] });
  });

  it('shows again what a later choice made unnecessary: the rectangle of a 2×2 table', () => {
    //  a=4  b=1 |  5
    //  c=8  d=8 | 16
    //   12    9 | 21
    // 1 is hidden; greedy then hides a (5 − a), the row total 5 (12 − 8 + …), d and c. With the four
    // inner cells hidden, every row and column has two unknowns: the 5 can be shown again.
    const t = tabelle({ a: 4, b: 1, c: 8, d: 8, z1: 5, z2: 16, s1: 12, s2: 9, g: 21 }, ['z1 = a + b', 'z2 = c + d', 's1 = a + c', 's2 = b + d', 'g = z1 + z2']);
    expect(ergebnis(t, 2)).toEqual({ primaer: ['b'], sekundaer: ['a', 'c', 'd'] });
  });

  it('prefers a sibling whose displayed value is hidden anyway', () => {
    // a is shown only together with x (say, as a quota x / a); x is small and hidden, so hiding a
    // costs the reader nothing more, while hiding b (45, smaller) would cost a value.
    const t = tabelle({ gesamt: 100, a: 50, b: 45, c: 5, x: 3 }, ['gesamt = a + b + c']);
    const { art } = sperre(t.zellen, t.bedingungen, 10, [[1, 4]]);
    expect(t.namen.filter((_, i) => art[i] === 2)).toEqual(['a']);
    expect(ergebnis(t, 10).sekundaer).toEqual(['b']);
  });

  it('prefers a nonzero sibling to a zero', () => {
    const t = tabelle({ gesamt: 10, a: 0, b: 7, c: 3 }, ['gesamt = a + b + c']);
    expect(ergebnis(t, 5)).toEqual({ primaer: ['c'], sekundaer: ['b'] });
  });

  it('zero is never small: BA tables print it as -', () => {
    const t = tabelle({ gesamt: 12, a: 0, b: 12 }, ['gesamt = a + b']);
    expect(ergebnis(t, 100)).toEqual({ primaer: ['gesamt', 'b'], sekundaer: [] });
  });

  it('judges a mean by the number printed, not by its sum', () => {
    const m = new Sperrmodell();
    m.zelle('summe', 300, true, 25);
    m.zelle('summe', 300, true); // printed a second time as the sum: still judged by the mean
    expect(m.sperre(30).art('summe')).toBe(1);
    expect(m.sperre(25).art('summe')).toBe(0);
  });

  it('refuses relations that do not hold', () => {
    const t = tabelle({ gesamt: 100, a: 50, b: 45 }, ['gesamt = a + b']);
    expect(() => sperre(t.zellen, t.bedingungen, 10)).toThrow(/gilt nicht/);
  });

  it('names cells by what they are: one quantity printed twice is one cell', () => {
    const m = new Sperrmodell();
    m.zelle('gesamt|elb', 100, true);
    m.zelle('w|elb', 60, true);
    m.zelle('m|elb', 35, true);
    m.zelle('rest|elb', 5, false);
    m.zelle('m|elb', 35, true);
    m.bedingung([['gesamt|elb', 1], ['w|elb', -1], ['m|elb', -1], ['rest|elb', -1]]);
    const s = m.sperre(10);
    expect([s.gesperrt('gesamt|elb'), s.gesperrt('w|elb'), s.gesperrt('m|elb'), s.gesperrt('rest|elb')]).toEqual([false, false, true, false]);
    expect(s.gesperrt('gibt es nicht')).toBe(false);
    expect(() => m.zelle('w|elb', 61, true)).toThrow();
    expect(() => m.bedingung([['w|elb', 1], ['fehlt', -1]])).toThrow();
  });
});

// ---------------------------------------------------------------------------------------------
// Property test. Tables come from random stocks and flows per group and month, or from random
// two-way tables with margins; the reference decides derivability by exact rank over the
// rationals (fraction-free elimination on BigInt): x_i is derivable from the printed cells iff
// rank(A_U) > rank(A_{U∖i}), U = the cells a reader does not see.

function rang(zeilen: readonly Bedingung[], spalten: readonly number[]): number {
  const pos = new Map(spalten.map((s, j) => [s, j]));
  const m: bigint[][] = zeilen.map((b) => {
    const z = new Array<bigint>(spalten.length).fill(0n);
    for (const { zelle, faktor } of b) if (pos.has(zelle)) z[pos.get(zelle)!] += BigInt(faktor);
    return z;
  });
  let r = 0;
  for (let c = 0; c < spalten.length && r < m.length; c++) {
    const p = m.findIndex((z, i) => i >= r && z[c] !== 0n);
    if (p < 0) continue;
    [m[r], m[p]] = [m[p], m[r]];
    for (let i = 0; i < m.length; i++) {
      if (i === r || m[i][c] === 0n) continue;
      const a = m[r][c], b = m[i][c];
      m[i] = m[i].map((v, j) => a * v - b * m[r][j]);
    }
    r++;
  }
  return r;
}

interface Fall {
  zellen: Zelle[];
  bedingungen: Bedingung[];
  unter: number;
}

/** Groups × months of stocks and flows with their totals; group 0 optionally a residual nobody prints. */
const bestandFluss: fc.Arbitrary<Fall> = fc
  .record({
    gruppen: fc.integer({ min: 1, max: 3 }),
    monate: fc.integer({ min: 1, max: 3 }),
    rest: fc.boolean(),
    unter: fc.integer({ min: 1, max: 12 }),
    saat: fc.array(fc.integer({ min: 0, max: 14 }), { minLength: 40, maxLength: 40 }),
  })
  .map(({ gruppen, monate, rest, unter, saat }) => {
    let k = 0;
    const zufall = () => saat[k++ % saat.length];
    const zellen: Zelle[] = [];
    const bedingungen: Bedingung[] = [];
    const neu = (wert: number, veroeffentlicht: boolean) => zellen.push({ wert, veroeffentlicht }) - 1;
    // s[g][m], z[g][m], a[g][m]; g = gruppen is the total; month 0 only as the stock before.
    const s: number[][] = [], z: number[][] = [], a: number[][] = [];
    for (let g = 0; g < gruppen; g++) {
      s.push([zufall()]);
      z.push([0]);
      a.push([0]);
      for (let m = 1; m <= monate; m++) {
        const ab = Math.min(s[g][m - 1], zufall());
        const zu = zufall();
        a[g].push(ab);
        z[g].push(zu);
        s[g].push(s[g][m - 1] + zu - ab);
      }
    }
    const summe = (x: number[][], m: number) => x.reduce((t, r) => t + r[m], 0);
    const zs: number[][] = [], zz: number[][] = [], za: number[][] = [];
    for (let g = 0; g <= gruppen; g++) {
      const gesamt = g === gruppen;
      const gedruckt = !(rest && g === 0 && gruppen > 1);
      zs.push([]);
      zz.push([]);
      za.push([]);
      for (let m = 0; m <= monate; m++) {
        zs[g].push(neu(gesamt ? summe(s, m) : s[g][m], gedruckt && m > 0));
        if (m > 0) {
          zz[g][m] = neu(gesamt ? summe(z, m) : z[g][m], gedruckt);
          za[g][m] = neu(gesamt ? summe(a, m) : a[g][m], gedruckt);
          bedingungen.push([{ zelle: zs[g][m], faktor: 1 }, { zelle: zs[g][m - 1], faktor: -1 }, { zelle: zz[g][m], faktor: -1 }, { zelle: za[g][m], faktor: 1 }]);
        }
      }
    }
    if (gruppen > 1) {
      for (let m = 0; m <= monate; m++) {
        for (const x of m > 0 ? [zs, zz, za] : [zs]) {
          bedingungen.push([{ zelle: x[gruppen][m], faktor: 1 }, ...Array.from({ length: gruppen }, (_, g) => ({ zelle: x[g][m], faktor: -1 as const }))]);
        }
      }
    }
    return { zellen, bedingungen, unter };
  });

/** A two-way table (rows × columns) with row, column and grand totals, some inner cells implied. */
const zweiWege: fc.Arbitrary<Fall> = fc
  .record({
    werte: fc.array(fc.array(fc.integer({ min: 0, max: 20 }), { minLength: 2, maxLength: 4 }), { minLength: 2, maxLength: 4 }),
    implizit: fc.array(fc.boolean(), { minLength: 16, maxLength: 16 }),
    unter: fc.integer({ min: 1, max: 15 }),
  })
  .map(({ werte, implizit, unter }) => {
    const spaltenZahl = Math.min(...werte.map((r) => r.length));
    const innen = werte.map((r) => r.slice(0, spaltenZahl));
    const zellen: Zelle[] = [];
    const neu = (wert: number, veroeffentlicht: boolean) => zellen.push({ wert, veroeffentlicht }) - 1;
    const idx = innen.map((r, i) => r.map((w, j) => neu(w, !implizit[(i * 4 + j) % 16])));
    const zeilenSumme = innen.map((r) => neu(r.reduce((a, b) => a + b, 0), true));
    const spaltenSumme = innen[0].map((_, j) => neu(innen.reduce((a, r) => a + r[j], 0), true));
    const gesamt = neu(innen.flat().reduce((a, b) => a + b, 0), true);
    const bedingungen: Bedingung[] = [
      ...idx.map((r, i) => [{ zelle: zeilenSumme[i], faktor: 1 as const }, ...r.map((c) => ({ zelle: c, faktor: -1 as const }))]),
      ...spaltenSumme.map((s, j) => [{ zelle: s, faktor: 1 as const }, ...idx.map((r) => ({ zelle: r[j], faktor: -1 as const }))]),
      [{ zelle: gesamt, faktor: 1 as const }, ...zeilenSumme.map((c) => ({ zelle: c, faktor: -1 as const }))],
    ];
    return { zellen, bedingungen, unter };
  });

describe('sperre: property', () => {
  it('no small cell can be derived from what is printed; every small printed cell is hidden', () => {
    fc.assert(
      fc.property(fc.oneof(bestandFluss, zweiWege), ({ zellen, bedingungen, unter }) => {
        const { art, sekundaer } = sperre(zellen, bedingungen, unter);
        const klein = (i: number) => zellen[i].wert > 0 && zellen[i].wert < unter;
        const unbekannt = zellen.map((_, i) => i).filter((i) => !zellen[i].veroeffentlicht || art[i] !== 0);
        const voll = rang(bedingungen, unbekannt);
        for (let i = 0; i < zellen.length; i++) {
          if (zellen[i].veroeffentlicht && klein(i)) expect(art[i]).toBe(1);
          if (art[i] === 1) expect(klein(i)).toBe(true);
          if (art[i] === 2) expect(zellen[i].veroeffentlicht).toBe(true);
          if (!zellen[i].veroeffentlicht) expect(art[i]).toBe(0);
          if (klein(i)) expect(rang(bedingungen, unbekannt.filter((u) => u !== i)), `Zelle ${i} ist ableitbar`).toBe(voll);
        }
        // None is hidden for nothing: showing any one secondary cell again makes a small cell derivable.
        for (const c of sekundaer) {
          const ohne = unbekannt.filter((u) => u !== c);
          const r = rang(bedingungen, ohne);
          expect(ohne.some((i) => klein(i) && rang(bedingungen, ohne.filter((u) => u !== i)) < r), `Zelle ${c} ist unnötig gesperrt`).toBe(true);
        }
        // Same input, same output.
        expect(sperre(zellen, bedingungen, unter).art).toEqual(art);
      }),
      { numRuns: 300, seed: 4817 },
    );
  });
});
