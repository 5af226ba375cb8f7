// Disclosure control per report: the cells and relations each report model gives the core, on
// small hand-made reports, and the stock identity the models rely on, checked on random data.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { monatIndex, tagNummer } from '../../src/core/kalender.js';
import { definitionen } from '../../src/core/kennzahlen/definitionen.js';
import { kennzahlen } from '../../src/core/kennzahlen/kennzahlen.js';
import { klassifiziere, type LzbZaehler } from '../../src/core/lzb/klassifikation.js';
import { tagesRegel } from '../../src/core/lzb/regel.js';
import { gruppierung, Merkmale, type Merkmal } from '../../src/core/merkmale.js';
import { aggregiere } from '../../src/core/monatswerte/aggregation.js';
import type { Monatswerte, Reihe } from '../../src/core/monatswerte/monatswerte.js';
import { Zeitlinien } from '../../src/core/zeitlinien.js';
import { STANDARD_DARSTELLUNG, type Darstellung } from '../../src/report/darstellung.js';
import { kennzahlenSperre, lzbSperre, monatswerteSperre } from '../../src/report/geheimhaltung.js';
import type { KennzahlenBericht } from '../../src/report/kennzahlen-bericht.js';
import type { LzbBericht } from '../../src/report/lzb-bericht.js';
import { lzbJson } from '../../src/report/lzb-json.js';

const unter = (n: number): Darstellung => ({ ...STANDARD_DARSTELLUNG, unter: n });

/** Stocks and flows only; everything else not computable. */
const zaehler = (elb: number, zu: number | null, ab: number | null): LzbZaehler => ({
  elb, elb_zugaenge: zu, elb_abgaenge: ab, lzb: null, lzb_zugaenge: null, lzb_abgaenge: null, lzb_4_jahre: null, uebergang: null, prognose: null,
});

const JAN = monatIndex(2017, 1);

function lzbBericht(nach: Merkmal, monate: { gesamt: LzbZaehler; a: LzbZaehler; b: LzbZaehler }[]): LzbBericht {
  return {
    jobcenter: null, regel: tagesRegel(), berichtsmonat: JAN + monate.length - 1, datenAb: 0, datenstand: 0, eingaben: [], nach,
    ergebnis: {
      liste: null,
      monate: monate.map((m, i) => ({ monat: JAN + i, stichtag: 0, werte: m.gesamt, gruppen: [{ gruppe: 'a', werte: m.a }, { gruppe: 'b', werte: m.b }], nichtBerechenbar: [] })),
    },
  };
}

describe('lzb: groups and stocks', () => {
  // February: a 50 → 47 with 3 in, 6 out; b 60 → 56 with 4 in, 8 out. Threshold 5 hides the 3 and
  // the 4; the total inflow 7 gives only their sum.
  const monate = [
    { gesamt: zaehler(110, null, null), a: zaehler(50, null, null), b: zaehler(60, null, null) },
    { gesamt: zaehler(103, 7, 14), a: zaehler(47, 3, 6), b: zaehler(56, 4, 8) },
  ];
  const feb = (b: LzbBericht, gruppe: string, g: 'elb' | 'elb_zugaenge' | 'elb_abgaenge') => lzbSperre(b, unter(5)).zahl(JAN + 1, gruppe, g, 1);

  it('a group that keeps its members (sex) moves by its own flows: 47 − 50 + 6 would give the 3', () => {
    const b = lzbBericht('geschlecht', monate);
    expect([feb(b, 'a', 'elb_zugaenge'), feb(b, 'b', 'elb_zugaenge')]).toEqual(['*', '*']);
    // The outflows 6 and 8 are the smallest cells of each derivation; stocks and totals stay.
    expect([feb(b, 'a', 'elb_abgaenge'), feb(b, 'b', 'elb_abgaenge')]).toEqual(['*', '*']);
    expect([feb(b, 'a', 'elb'), feb(b, 'b', 'elb'), feb(b, 'gesamt', 'elb'), feb(b, 'gesamt', 'elb_zugaenge'), feb(b, 'gesamt', 'elb_abgaenge')]).toEqual([1, 1, 1, 1, 1]);
  });

  it('an age group is left by growing older, without a flow: only the total moves by its flows', () => {
    const b = lzbBericht('altersgruppe', monate);
    expect([feb(b, 'a', 'elb_zugaenge'), feb(b, 'b', 'elb_zugaenge')]).toEqual(['*', '*']);
    expect([feb(b, 'a', 'elb_abgaenge'), feb(b, 'b', 'elb_abgaenge'), feb(b, 'a', 'elb')]).toEqual([1, 1, 1]);
  });

  it('JSON hides the same cells, and the share of a hidden count', () => {
    const b = lzbBericht('geschlecht', [
      { gesamt: { ...zaehler(100, null, null), lzb: 70 }, a: { ...zaehler(52, null, null), lzb: 40 }, b: { ...zaehler(48, null, null), lzb: 30 } },
    ]);
    const j = JSON.parse(lzbJson(b, unter(35))).stichtage[0];
    // 30 LZB in b are small: hidden, and so is a's 40 (the smaller sibling of 70 and 40), and both shares.
    expect(j.gruppen.map((g: { lzb: unknown; lzb_anteil: unknown }) => [g.lzb, g.lzb_anteil])).toEqual([['*', '*'], ['*', '*']]);
    expect([j.lzb, j.elb]).toEqual([70, 100]);
    expect(j.lzb_anteil).toBeCloseTo(70, 10);
  });
});

describe('aggregate: Monatswerte rows', () => {
  it('hides the next-smallest group of a small one, and never an euro sum', () => {
    const reihe = (elb: number, llu?: number): Reihe => new Map([[JAN, new Map<string, number>([['elb', elb], ...(llu === undefined ? [] : [['llu', llu] as [string, number]])])]]);
    const mw: Monatswerte = { spalten: ['elb', 'llu'], gruppen: new Map([['gesamt', reihe(100, 7)], ['w', reihe(52)], ['m', reihe(40)], ['d', reihe(8)]]) };
    const s = monatswerteSperre(mw, { von: JAN, bis: JAN, nach: 'geschlecht' }, unter(10));
    expect(['gesamt', 'w', 'm', 'd'].map((g) => s.gesperrt(JAN, g, 'elb'))).toEqual([false, false, true, true]);
    expect(s.gesperrt(JAN, 'gesamt', 'llu')).toBe(false);
  });
});

describe('report: one quantity, one cell', () => {
  it('K2, K2E1 and K2E2 share their denominator: hidden in one, hidden in all', () => {
    const t = monatIndex(2017, 6);
    const von = monatIndex(2015, 1);
    // Per month: ELB 100 = 60 Frauen + 35 Männer + 5 others; integrations and entries plenty.
    const reihe = (elb: number, ereignisse: number): Reihe => {
      const r: Reihe = new Map();
      for (let m = von; m <= t; m++) r.set(m, new Map<string, number>([['elb', elb], ['integrationen', ereignisse], ['eintritte_geringfuegig', ereignisse], ['eintritte_oeffentlich', ereignisse]]));
      return r;
    };
    const gruppen = new Map([['gesamt', reihe(100, 90)], ['w', reihe(60, 45)], ['m', reihe(35, 40)]]);
    const spalten = new Set(['elb', 'integrationen', 'eintritte_geringfuegig', 'eintritte_oeffentlich']);
    const defs = definitionen().filter((d) => ['K1E2', 'K2', 'K2E1', 'K2E2'].includes(d.id));
    const b: KennzahlenBericht = {
      demo: false, jobcenter: null, berichtsmonat: t, datenstand: '2017-06', eingaben: [], ziele: null, vergleich: null,
      kennzahlen: kennzahlen(defs, gruppen.get('gesamt'), spalten, t),
      gruppen: ['w', 'm'].map((g) => ({ gruppe: g, kennzahlen: kennzahlen(defs, gruppen.get(g), spalten, t) })),
      monatswerte: { spalten: [...spalten], gruppen },
      grafikdaten: () => ({ verlauf: { von: t, kennzahlen: new Map() }, zielVerlauf: [] }),
    };
    const s = kennzahlenSperre(b, unter(10));
    const gesperrt = (g: string, id: string) => {
      const k = (g === 'gesamt' ? b.kennzahlen : b.gruppen.find((x) => x.gruppe === g)!.kennzahlen).find((x) => x.definition.id === id)!;
      return s.berechnung(g, k.definition, k.monat);
    };
    // The others' 5 ELB (K1E2's numerator 100 − 60 − 35) and their mean 5 over t−12…t−1 are small:
    // Männer's 35 is hidden, in K1E2 and in the shared denominator of the three quotas.
    expect(['K1E2', 'K2', 'K2E1', 'K2E2'].map((id) => gesperrt('m', id))).toEqual([true, true, true, true]);
    expect(['K1E2', 'K2', 'K2E1', 'K2E2'].map((id) => gesperrt('w', id))).toEqual([false, false, false, false]);
    expect(['K1E2', 'K2', 'K2E1', 'K2E2'].map((id) => gesperrt('gesamt', id))).toEqual([false, false, false, false]);
    // Without a threshold nothing is hidden and nothing is built.
    expect(kennzahlenSperre(b, STANDARD_DARSTELLUNG).berechnung('m', defs[1], b.gruppen[1].kennzahlen[1].monat)).toBe(false);
  });
});

describe('the stock identity the models rely on', () => {
  // Random receipt of up to 8 persons over 2014–2017, each with a fixed sex.
  const BASIS = tagNummer(2014, 1, 1);
  const personen = fc.array(fc.tuple(fc.integer({ min: 0, max: 7 }), fc.integer({ min: 0, max: 1400 }), fc.integer({ min: 0, max: 700 })), { minLength: 1, maxLength: 30 });
  it('S(t) − S(t−1) = Zugänge(t) − Abgänge(t) for ELB and LZB, in total and per sex, in lzb and aggregate', () => {
    fc.assert(
      fc.property(personen, fc.array(fc.constantFrom('m', 'w', 'd', null), { minLength: 8, maxLength: 8 }), (ps, geschlecht) => {
        const z = new Zeitlinien();
        for (const [p, a, l] of ps) z.hinzu(p, BASIS + a, BASIS + a + l);
        const merkmale = new Merkmale();
        geschlecht.forEach((g, p) => merkmale.setze(p, { geschlecht: g as 'm' | 'w' | 'd' | null, geburtsdatum: null, alleinerziehend: null, fluchtkontext: null }));
        const gr = gruppierung('geschlecht', merkmale);
        const regel = tagesRegel();
        const abdeckung = { datenAb: BASIS - 800, datenstand: BASIS + 2200 };
        const von = monatIndex(2014, 2), bis = monatIndex(2019, 12);
        const k = klassifiziere(z, { regel, von, bis, abdeckung, gruppierung: gr });
        const mw = aggregiere({ regel, abdeckung, zeitlinien: z, merkmale, ereignisse: null, kontinuierlichBekannt: false, massnahmen: null, leistungen: null }, { von, bis, filter: null, gruppierung: gr });
        for (let i = 1; i < k.monate.length; i++) {
          const [vor, jetzt] = [k.monate[i - 1], k.monate[i]];
          for (const [wv, wj] of [[vor.werte, jetzt.werte], ...vor.gruppen.map((g, j) => [g.werte, jetzt.gruppen[j].werte])]) {
            if (wj.elb_zugaenge !== null) expect(wj.elb! - wv.elb!).toBe(wj.elb_zugaenge - wj.elb_abgaenge!);
            if (wj.lzb_zugaenge !== null) expect(wj.lzb! - wv.lzb!).toBe(wj.lzb_zugaenge - wj.lzb_abgaenge!);
          }
          for (const reihe of mw.gruppen.values()) {
            const w = (m: number, s: string) => reihe.get(m)!.get(s) as number;
            const m = jetzt.monat;
            if (typeof reihe.get(m)!.get('lzb_zugaenge') === 'number') expect(w(m, 'lzb') - w(m - 1, 'lzb')).toBe(w(m, 'lzb_zugaenge') - w(m, 'lzb_abgaenge'));
            if (typeof reihe.get(m)!.get('elb_zugaenge') === 'number') expect(w(m, 'elb') - w(m - 1, 'elb')).toBe(w(m, 'elb_zugaenge') - w(m, 'elb_abgaenge'));
          }
        }
      }),
      { numRuns: 60 },
    );
  });
});
