import { describe, expect, it } from 'vitest';
import type { Hinweis } from '../../src/core/hinweis.js';
import { hinweisText, STANDARD_DARSTELLUNG } from '../../src/report/darstellung.js';

const text = (h: Hinweis[] | null) => hinweisText(h, STANDARD_DARSTELLUNG);
import { monatIndex } from '../../src/core/kalender.js';
import { berechne } from '../../src/core/kennzahlen/berechnung.js';
import { definitionen } from '../../src/core/kennzahlen/definitionen.js';
import { kennzahl } from '../../src/core/kennzahlen/kennzahlen.js';
import { fehlt, GESPERRT, setze, type Reihe, type Wert } from '../../src/core/monatswerte/monatswerte.js';
import { runde } from '../../src/report/zahlen.js';

const M = (s: string) => monatIndex(+s.slice(0, 4), +s.slice(5, 7));
const def = (id: string) => definitionen().find((d) => d.id === id)!;

/** A series from `{ spalte: { '2016-01': wert, … } }` or `{ spalte: [von, [werte…]] }`. */
function reihe(spalten: Record<string, [string, Wert[]]>): { reihe: Reihe; spalten: Set<string> } {
  const r: Reihe = new Map();
  for (const [spalte, [von, werte]] of Object.entries(spalten)) werte.forEach((w, i) => setze(r, M(von) + i, spalte, w));
  return { reihe: r, spalten: new Set(Object.keys(spalten)) };
}
const konstant = (n: number, w: number) => Array.from({ length: n }, () => w);

describe('K2 against the published national figure (Bezugsmonat June 2024)', () => {
  // 804,171 integrations 2023-07 … 2024-06 over a mean ELB stock of 3,963,017 in 2023-06 … 2024-05.
  const int = [...konstant(11, 67_000), 804_171 - 11 * 67_000];
  const elb = [3_900_000, 3_950_000, 3_980_000, 3_990_000, 3_970_000, 3_960_000, 3_950_000, 3_940_000, 3_960_000, 3_975_000, 3_985_000];
  elb.push(3_963_017 * 12 - elb.reduce((a, b) => a + b, 0));
  const { reihe: r, spalten } = reihe({ integrationen: ['2023-07', int], elb: ['2023-06', elb] });

  it('gives 20.3 with numerator, denominator and both windows', () => {
    const k = berechne(def('K2').formel, r, spalten, M('2023-07'), M('2024-06'));
    expect(k.zaehler).toBe(804_171);
    expect(k.nenner).toBe(3_963_017);
    expect(k.wert).toBeCloseTo(20.2919, 4);
    expect(runde(k.wert!, 1)).toBe(20.3);
    expect(k.fenster).toEqual({ zaehler: [M('2023-07'), M('2024-06')], nenner: [M('2023-06'), M('2024-05')] });
  });

  it('as the monthly K2 of 2024-06: numerator t−11 … t, denominator the mean of t−12 … t−1', () => {
    expect(kennzahl(def('K2'), r, spalten, M('2024-06')).monat.wert).toBeCloseTo(20.2919, 4);
    // One month later the window needs 2024-07 and the stock of 2024-06, which are not there.
    const juli = kennzahl(def('K2'), r, spalten, M('2024-07')).monat;
    expect(juli.wert).toBeNull();
    expect(text(juli.hinweis)).toBe('integrationen fehlt für 2024-07; elb fehlt für 2024-06');
  });
});

describe('change indicators K1, K1E1, K1E2, K3', () => {
  const { reihe: r, spalten } = reihe({
    llu: ['2016-01', [...konstant(12, 1_000_000), ...konstant(6, 1_100_000)]],
    lzb: ['2016-01', [...konstant(12, 5000), 4800, 4700, 4600, 4500, 4400, 4300]],
  });

  it('K1 = (LLU(t) / LLU(t−12) − 1)·100', () => {
    const k = kennzahl(def('K1'), r, spalten, M('2017-06'));
    expect([k.monat.zaehler, k.monat.nenner]).toEqual([1_100_000, 1_000_000]);
    expect(k.monat.wert).toBeCloseTo(10, 10);
  });

  it('K1 year-to-date: Σ Jan … t against the same months a year earlier', () => {
    const k = kennzahl(def('K1'), r, spalten, M('2017-06'));
    expect([k.jfw.zaehler, k.jfw.nenner]).toEqual([6_600_000, 6_000_000]);
    expect(k.jfw.fenster).toEqual({ zaehler: [M('2017-01'), M('2017-06')], nenner: [M('2016-01'), M('2016-06')] });
  });

  it('K3 year-to-date: mean LZB Jan … t against the same months of the year before', () => {
    const k = kennzahl(def('K3'), r, spalten, M('2017-06'));
    // mean(4800 … 4300) = 4550; mean 2016 = 5000 → −9.0 %
    expect(k.jfw.zaehler).toBe(4550);
    expect(k.jfw.nenner).toBe(5000);
    expect(k.jfw.wert).toBeCloseTo(-9, 10);
    expect(k.monat.wert).toBeCloseTo((4300 / 5000 - 1) * 100, 10);
    // The previous year's value needs 2015: not there.
    expect(k.vorjahr.wert).toBeNull();
    expect(text(k.vorjahr.hinweis)).toBe('lzb fehlt für 2015-06');
  });
});

describe('year-to-date quotas: January and December', () => {
  // ELB 1000 every month of 2015-12 … 2016-12; 20 integrations a month in 2016.
  const { reihe: r, spalten } = reihe({ elb: ['2015-12', konstant(13, 1000)], integrationen: ['2016-01', konstant(12, 20)] });

  it('January: Int(Jan) / ELB(Dec of the year before)', () => {
    const j = kennzahl(def('K2'), r, spalten, M('2016-01')).jfw;
    expect([j.zaehler, j.nenner, j.wert]).toEqual([20, 1000, 2]);
    expect(j.fenster).toEqual({ zaehler: [M('2016-01'), M('2016-01')], nenner: [M('2015-12'), M('2015-12')] });
  });

  it('December: the calendar-year quota, equal to the monthly 12-month K2 of December', () => {
    const k = kennzahl(def('K2'), r, spalten, M('2016-12'));
    expect([k.jfw.zaehler, k.jfw.nenner, k.jfw.wert]).toEqual([240, 1000, 24]);
    expect(k.monat.wert).toBe(k.jfw.wert);
  });
});

describe('rates and shares', () => {
  it('K1E4: Σ outflows / Σ stocks of the previous months (the stock-weighted mean of monthly rates)', () => {
    const { reihe: r, spalten } = reihe({ elb: ['2016-12', [...konstant(6, 1000), ...konstant(7, 2000)]], elb_abgaenge: ['2017-01', konstant(12, 50)] });
    const k = kennzahl(def('K1E4'), r, spalten, M('2017-12')).monat;
    // stocks 2016-12 … 2017-11: 6×1000 + 6×2000 = 18000; outflows 600
    expect([k.zaehler, k.nenner]).toEqual([600, 18000]);
    expect(k.wert).toBeCloseTo(100 / 30, 10);
    // Not the mean of the monthly rates (5 % and 2.5 % → 3.75 %).
    expect(k.wert).not.toBeCloseTo(3.75, 2);
  });

  it('K1E3 uses the stock of the Bezugsmonat by default, of the previous month as a setting', () => {
    const { reihe: r, spalten } = reihe({ elb: ['2016-12', [500, ...konstant(12, 1000)]], elb_zugaenge: ['2017-01', konstant(12, 10)] });
    expect(kennzahl(def('K1E3'), r, spalten, M('2017-12')).monat.nenner).toBe(12_000);
    const vormonat = definitionen({ k1e3Nenner: 'vormonat' }).find((d) => d.id === 'K1E3')!;
    expect(kennzahl(vormonat, r, spalten, M('2017-12')).monat.nenner).toBe(11_500);
  });

  it('K3E2: LZB in a measure on the Stichtag / LZB, for the month itself', () => {
    const { reihe: r, spalten } = reihe({ lzb: ['2017-06', [4000]], lzb_aktiviert: ['2017-06', [500]] });
    const k = kennzahl(def('K3E2'), r, spalten, M('2017-06')).monat;
    expect([k.zaehler, k.nenner, k.wert]).toEqual([500, 4000, 12.5]);
  });

  it('K2E3: continuous / all integrations over t−11 … t', () => {
    const { reihe: r, spalten } = reihe({ integrationen: ['2017-01', konstant(12, 10)], integrationen_kontinuierlich: ['2017-01', konstant(12, 6)] });
    expect(kennzahl(def('K2E3'), r, spalten, M('2017-12')).monat.wert).toBe(60);
  });
});

describe('missing and suppressed values are never zero', () => {
  it('names suppressed months, missing months and absent columns', () => {
    const werte: Wert[] = konstant(13, 1000);
    werte[3] = GESPERRT;
    werte[5] = fehlt('vor_datenbeginn');
    const { reihe: r, spalten } = reihe({ elb: ['2016-12', werte], integrationen: ['2017-01', konstant(12, 20)] });
    const k = kennzahl(def('K2'), r, spalten, M('2017-12')).monat;
    expect(k.wert).toBeNull();
    expect(text(k.hinweis)).toBe('elb fehlt für 2017-05 (Fenster vor dem Datenbeginn); elb gesperrt (*) für 2017-03');
    const ae = kennzahl(def('K2E4'), r, spalten, M('2017-12')).monat;
    expect(text(ae.hinweis)).toBe('Spalte integrationen_ae fehlt; Spalte elb_ae fehlt');
  });

  it('a zero denominator is not computable either', () => {
    const { reihe: r, spalten } = reihe({ lzb: ['2017-06', [0]], lzb_aktiviert: ['2017-06', [0]] });
    const k = kennzahl(def('K3E2'), r, spalten, M('2017-06')).monat;
    expect([k.wert, text(k.hinweis)]).toEqual([null, 'Nenner ist 0']);
  });
});

describe('every indicator wired to its columns (Bezugsmonat 2016-12, hand-computed)', () => {
  // 2015: constant levels; 2016: ELB 950, LZB 570, LLU and LUH 5 % higher. Flows and events constant.
  const jahre = (v2015: number, v2016: number) => [...konstant(12, v2015), ...konstant(12, v2016)];
  const { reihe: r, spalten } = reihe({
    llu: ['2015-01', jahre(1_000_000, 1_050_000)],
    luh: ['2015-01', jahre(800_000, 840_000)],
    elb: ['2015-01', jahre(1000, 950)],
    lzb: ['2015-01', jahre(600, 570)],
    elb_zugaenge: ['2015-01', konstant(24, 20)],
    elb_abgaenge: ['2015-01', konstant(24, 25)],
    lzb_zugaenge: ['2015-01', konstant(24, 6)],
    lzb_abgaenge: ['2015-01', konstant(24, 9)],
    lzb_aktiviert: ['2015-01', konstant(24, 60)],
    integrationen: ['2015-01', konstant(24, 21)],
    integrationen_lzb: ['2015-01', konstant(24, 10)],
    integrationen_ae: ['2015-01', konstant(24, 3)],
    integrationen_kontinuierlich: ['2015-01', konstant(24, 12)],
    elb_ae: ['2015-01', konstant(24, 80)],
    eintritte_geringfuegig: ['2015-01', konstant(24, 4)],
    eintritte_oeffentlich: ['2015-01', konstant(24, 2)],
  });
  // Stocks over 2015-12 … 2016-11 (the denominators of quotas and outflow rates).
  const elbVormonate = 1000 + 11 * 950, lzbVormonate = 600 + 11 * 570;
  const erwartet: Record<string, [number, number, number]> = {
    K1: [1_050_000, 1_000_000, 5],
    K1E1: [840_000, 800_000, 5],
    K1E2: [950, 1000, -5],
    K1E3: [240, 12 * 950, (240 / (12 * 950)) * 100],
    K1E4: [300, elbVormonate, (300 / elbVormonate) * 100],
    K2: [252, elbVormonate / 12, (252 / (elbVormonate / 12)) * 100],
    K2E1: [48, elbVormonate / 12, (48 / (elbVormonate / 12)) * 100],
    K2E2: [24, elbVormonate / 12, (24 / (elbVormonate / 12)) * 100],
    K2E3: [144, 252, (144 / 252) * 100],
    K2E4: [36, 80, 45],
    K3: [570, 600, -5],
    K3E1: [120, lzbVormonate / 12, (120 / (lzbVormonate / 12)) * 100],
    K3E2: [60, 570, (60 / 570) * 100],
    K3E3: [72, 12 * 570, (72 / (12 * 570)) * 100],
    K3E4: [108, lzbVormonate, (108 / lzbVormonate) * 100],
  };
  for (const d of definitionen()) {
    it(`${d.id}: ${d.name}`, () => {
      const k = kennzahl(d, r, spalten, M('2016-12')).monat;
      const [z, n, w] = erwartet[d.id];
      expect(k.zaehler).toBeCloseTo(z, 9);
      expect(k.nenner).toBeCloseTo(n, 9);
      expect(k.wert).toBeCloseTo(w, 9);
      expect(text(k.hinweis)).toBeNull();
    });
  }

  it('covers all fifteen', () => {
    expect(definitionen().map((d) => d.id).sort()).toEqual(Object.keys(erwartet).sort());
  });
});
