import { describe, expect, it } from 'vitest';
import type { Hinweis } from '../../src/core/hinweis.js';
import { hinweisText, STANDARD_DARSTELLUNG } from '../../src/report/darstellung.js';

const text = (h: Hinweis[] | null) => hinweisText(h, STANDARD_DARSTELLUNG);
import { monatIndex } from '../../src/core/kalender.js';
import { definitionen } from '../../src/core/kennzahlen/definitionen.js';
import { setze, type Reihe, type Wert } from '../../src/core/monatswerte/monatswerte.js';
import { bewerteZiel, zielRichtung, type ZielDefinition } from '../../src/core/ziele/ziele.js';

const M = (s: string) => monatIndex(+s.slice(0, 4), +s.slice(5, 7));
const defs = definitionen();

function quelle(spalten: Record<string, [string, Wert[]]>) {
  const reihe: Reihe = new Map();
  for (const [s, [von, werte]] of Object.entries(spalten)) werte.forEach((w, i) => setze(reihe, M(von) + i, s, w));
  return { reihe, spalten: new Set(Object.keys(spalten)) };
}
const konstant = (n: number, w: number) => Array.from({ length: n }, () => w);

// ELB 1000 from 2015-12 on; 20 integrations a month in 2016, 21 a month in 2017.
const K2_DATEN = quelle({ elb: ['2015-12', konstant(19, 1000)], integrationen: ['2016-01', [...konstant(12, 20), ...konstant(6, 21)]] });

describe('targets on § 48a indicators', () => {
  const k2 = (v: number): ZielDefinition => ({ art: 'kennzahl', id: 'K2', name: 'Integrationsquote', kennzahl: 'K2', filter: null, grenze: { art: 'veraenderung', wert: v } });

  it('a change on a quota is relative to last year’s year-to-date value: +1.1 % on 12.0 % is 12.132 %', () => {
    const e = bewerteZiel(k2(1.1), defs, M('2017-06'), K2_DATEN);
    // Ist: 6×21 / 1000 = 12.6 %; Vorjahr (Jan … Jun 2016): 6×20 / 1000 = 12.0 %; Soll 12.0·1.011 = 12.132 %.
    expect(e.ist).toBeCloseTo(12.6, 10);
    expect(e.vorjahr).toBeCloseTo(12.0, 10);
    expect(e.soll).toBeCloseTo(12.132, 10);
    expect(e.abweichungPunkte).toBeCloseTo(0.468, 10);
    expect(e.abweichungProzent).toBeCloseTo((12.6 / 12.132 - 1) * 100, 10);
    expect(e.status).toBe('erreicht');
    // Projection: 2016 calendar-year quota 24 % × 12.6 / 12.0 = 25.2 %.
    expect(e.hochrechnung).toBeCloseTo(25.2, 10);
    // December's Soll, to compare the projection with: the 2016 calendar-year quota 24 % × 1.011.
    expect(e.sollDezember).toBeCloseTo(24.264, 10);
  });

  it('misses a target set higher than reached', () => {
    expect(bewerteZiel(k2(6), defs, M('2017-06'), K2_DATEN).status).toBe('verfehlt'); // Soll 12.72 > 12.6
  });

  it('a change target on K3 bounds the year-to-date change itself: −5.1 is met by −6.0, missed by −4.0', () => {
    const lzb = (jahr2017: number) => quelle({ lzb: ['2016-01', [...konstant(12, 5000), ...konstant(6, jahr2017)]] });
    const k3: ZielDefinition = { art: 'kennzahl', id: 'K3', name: 'LZB', kennzahl: 'K3', filter: null, grenze: { art: 'veraenderung', wert: -5.1 } };
    const gut = bewerteZiel(k3, defs, M('2017-06'), lzb(4700));
    expect(gut.ist).toBeCloseTo(-6, 10);
    expect([gut.soll, gut.sollDezember, gut.status, gut.einheit]).toEqual([-5.1, -5.1, 'erreicht', 'veraenderung_prozent']);
    expect(gut.hochrechnung).toBe(gut.ist);
    expect(bewerteZiel(k3, defs, M('2017-06'), lzb(4800)).status).toBe('verfehlt');
  });

  it('is not computable without the data, and says why', () => {
    const e = bewerteZiel(k2(1.1), defs, M('2017-06'), quelle({ elb: ['2016-12', konstant(7, 1000)], integrationen: ['2017-01', konstant(6, 21)] }));
    expect(e.status).toBe('nicht_berechenbar');
    expect(e.ist).toBeCloseTo(12.6, 10);
    expect(text(e.hinweis)).toBe('integrationen fehlt für 2016-01…2016-06; elb fehlt für 2015-12…2016-05');
    const ohne = bewerteZiel(k2(1.1), defs, M('2017-06'), { fehlt: { art: 'filter_ohne_personen', filter: 'ohne_flucht' } });
    expect([ohne.status, text(ohne.hinweis)]).toEqual(['nicht_berechenbar', 'Filter ohne_flucht braucht Personendaten mit Merkmalen (--zeitraeume und --personen)']);
  });
});

describe('the direction that meets a target', () => {
  const grenze = (art: 'veraenderung' | 'mindestens' | 'hoechstens', wert: number): ZielDefinition => ({ art: 'anzahl', id: 'X', name: 'X', wert: 'x', aggregation: 'summe', grenze: { art, wert } });
  const auf = (kennzahl: string, wert: number): ZielDefinition => ({ art: 'kennzahl', id: kennzahl, name: kennzahl, kennzahl, filter: null, grenze: { art: 'veraenderung', wert } });
  const def = (id: string) => defs.find((d) => d.id === id);

  it('is up for a floor, down for a ceiling, whatever the number', () => {
    expect([zielRichtung(grenze('mindestens', -3), undefined), zielRichtung(grenze('hoechstens', 3), undefined)]).toEqual(['hoch', 'runter']);
  });

  it('is the indicator’s for a change (K3 down even for +1, K2 up even for −1), else the change’s sign', () => {
    expect([zielRichtung(auf('K3', 1), def('K3')), zielRichtung(auf('K2', -1), def('K2'))]).toEqual(['runter', 'hoch']);
    // K1E3 counts neither way as good: the target's sign decides.
    expect([zielRichtung(auf('K1E3', 2), def('K1E3')), zielRichtung(auf('K1E3', -2), def('K1E3')), zielRichtung(grenze('veraenderung', -2), undefined)]).toEqual(['hoch', 'runter', 'runter']);
  });
});

describe('local goals', () => {
  const daten = quelle({
    alo_u25: ['2016-01', [...konstant(12, 30), ...konstant(6, 33)]],
    ep_u25: ['2016-01', konstant(18, 1000)],
    abgaenge_lza: ['2016-01', [...konstant(12, 30), ...konstant(6, 36)]],
    egl_ausgaben: ['2017-01', konstant(6, 500_000)],
    egl_budget: ['2017-01', konstant(6, 526_362)],
  });

  it('a ratio at most 3.4 %: Σ numerator / Σ denominator over January … t', () => {
    const e = bewerteZiel({ art: 'quote', id: 'ALQ_U25', name: 'ALQ U25', zaehler: 'alo_u25', nenner: 'ep_u25', aggregation: 'durchschnitt', grenze: { art: 'hoechstens', wert: 3.4 } }, defs, M('2017-06'), daten);
    expect(e.ist).toBeCloseTo(3.3, 10);
    expect([e.soll, e.status, e.einheit]).toEqual([3.4, 'erreicht', 'prozent']);
    expect(e.vorjahr).toBeCloseTo(3, 10);
  });

  it('counts a value equal to the bound as met, despite binary rounding', () => {
    const genau = quelle({ a: ['2017-01', [34]], b: ['2017-01', [1000]] });
    const e = bewerteZiel({ art: 'quote', id: 'X', name: 'X', zaehler: 'a', nenner: 'b', aggregation: 'summe', grenze: { art: 'hoechstens', wert: 3.4 } }, defs, M('2017-01'), genau);
    expect(e.ist).not.toBe(3.4); // 3.4000000000000004
    expect(e.status).toBe('erreicht');
  });

  it('a count summed over the year is compared with its share of the annual target', () => {
    const e = bewerteZiel({ art: 'anzahl', id: 'ABG_LZA', name: 'Abgänge LZA', wert: 'abgaenge_lza', aggregation: 'summe', grenze: { art: 'mindestens', wert: 420 } }, defs, M('2017-06'), daten);
    // Ist 216 against 420·6/12 = 210; projection 360 · 216/180 = 432, against the whole 420.
    expect([e.ist, e.soll, e.status, e.hochrechnung, e.sollDezember]).toEqual([216, 210, 'erreicht', 432, 420]);
  });

  it('an Ausgabequote below 100 % is missed; without last year there is no projection, and it says so', () => {
    const e = bewerteZiel({ art: 'quote', id: 'EGL', name: 'Ausgabequote', zaehler: 'egl_ausgaben', nenner: 'egl_budget', aggregation: 'summe', grenze: { art: 'mindestens', wert: 100 } }, defs, M('2017-06'), daten);
    expect(e.ist).toBeCloseTo((500_000 / 526_362) * 100, 10);
    expect(e.status).toBe('verfehlt');
    expect(e.vorjahr).toBeNull();
    expect(e.hochrechnung).toBeNull();
    expect(text(e.hinweis)).toBe('keine Hochrechnung: egl_ausgaben fehlt für 2016-01…2016-12; egl_budget fehlt für 2016-01…2016-12');
  });
});
