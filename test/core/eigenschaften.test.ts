// Property tests: invariants of merging and classification, and agreement with a brute-force
// reference that marks every day of receipt in a plain boolean array.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { monatIndex, OFFEN, tagNummer } from '../../src/core/kalender.js';
import { klassenAus, klassifiziere, zaehleKlassen, type LzbAuftrag } from '../../src/core/lzb/klassifikation.js';
import { monatsRegel, tagesRegel } from '../../src/core/lzb/regel.js';
import { einheitenIn, neueLaeufe, Zeitlinien } from '../../src/core/zeitlinien.js';
import { aggregiere, aggregiereSichten, zaehleSichten, type Sicht } from '../../src/core/monatswerte/aggregation.js';
import { ausPersonenTeil, Laufliste, personenTeil, sichtAngabe, sichtAus } from '../../src/core/teil.js';
import { ARTEN, Ereignisse, KLASSE } from '../../src/core/ereignisse.js';
import { personenfilter } from '../../src/core/filter.js';
import { gruppierung, Merkmale, type Geschlecht } from '../../src/core/merkmale.js';

/** Days of receipt of person p in a … b, read as classification reads them: the person's runs copied out. */
const tageIn = (z: Zeitlinien, p: number, a: number, b: number) => {
  const l = neueLaeufe();
  return einheitenIn(l, z.kopiere(p, l), a, b);
};

const BASIS = tagNummer(2012, 1, 1);
const SPANNE = 6 * 366;
type Periode = [person: number, von: number, bis: number]; // bis === OFFEN: ongoing

const periode = (personen: number) =>
  fc.tuple(fc.integer({ min: 0, max: personen - 1 }), fc.integer({ min: 0, max: SPANNE - 1 }), fc.integer({ min: 0, max: 900 }), fc.boolean())
    .map(([p, a, laenge, offen]): Periode => [p, BASIS + a, offen && laenge > 850 ? OFFEN : Math.min(BASIS + a + laenge, BASIS + SPANNE - 1)]);
const perioden = fc.array(periode(6), { minLength: 1, maxLength: 40 });

function baue(ps: readonly Periode[]): Zeitlinien {
  const z = new Zeitlinien();
  for (const [p, a, b] of ps) z.hinzu(p, a, b);
  return z;
}

/** Reference: a boolean per day and person (open ends run to the end of the range). */
function referenz(ps: readonly Periode[], personen: number): boolean[][] {
  const tage = Array.from({ length: personen }, () => new Array<boolean>(SPANNE + 400).fill(false));
  for (const [p, a, b] of ps) for (let t = a; t <= Math.min(b, BASIS + SPANNE + 399); t++) tage[p][t - BASIS] = true;
  return tage;
}

function laeufeAus(tage: boolean[], offenAb: number | null): [number, number][] {
  const aus: [number, number][] = [];
  for (let i = 0; i < tage.length; i++) {
    if (!tage[i] || (i > 0 && tage[i - 1])) continue;
    let j = i;
    while (j + 1 < tage.length && tage[j + 1]) j++;
    aus.push([BASIS + i, offenAb !== null && BASIS + j >= offenAb ? OFFEN : BASIS + j]);
    i = j;
  }
  return aus;
}

const mischen = <T>(xs: readonly T[], schluessel: readonly number[]) =>
  xs.map((x, i) => [x, schluessel[i % schluessel.length] ?? 0] as const).sort((a, b) => a[1] - b[1]).map(([x]) => x);

const auftrag = (): LzbAuftrag => ({
  regel: tagesRegel(),
  von: monatIndex(2014, 1),
  bis: monatIndex(2017, 6),
  abdeckung: { datenAb: BASIS, datenstand: BASIS + SPANNE - 1 },
});

describe('merging periods', () => {
  it('gives the runs of the day-by-day reference, whatever the order', () => {
    fc.assert(
      fc.property(perioden, fc.array(fc.integer(), { minLength: 1 }), (ps, schluessel) => {
        const z = baue(mischen(ps, schluessel));
        const ref = referenz(ps, 6);
        for (let p = 0; p < 6; p++) {
          const offen = ps.filter(([q, , b]) => q === p && b === OFFEN).map(([, a]) => a);
          const offenAb = offen.length ? Math.min(...offen) : null;
          // Reference runs that reach the end of its range belong to an open period.
          const erwartet = laeufeAus(ref[p], offenAb).map(([a, b]) => [a, b === BASIS + SPANNE + 399 ? OFFEN : b]);
          expect(z.laeufe(p)).toEqual(erwartet);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('is idempotent: adding every period again changes nothing', () => {
    fc.assert(
      fc.property(perioden, (ps) => {
        const einmal = baue(ps);
        const zweimal = baue([...ps, ...ps]);
        for (let p = 0; p < 6; p++) expect(zweimal.laeufe(p)).toEqual(einmal.laeufe(p));
        expect(zweimal.anzahlLaeufe).toBe(einmal.anzahlLaeufe);
      }),
    );
  });

  it('counts days in any window as the reference does', () => {
    fc.assert(
      fc.property(perioden, fc.integer({ min: 0, max: SPANNE }), fc.integer({ min: 0, max: 1500 }), (ps, a, laenge) => {
        const z = baue(ps);
        const ref = referenz(ps, 6);
        for (let p = 0; p < 6; p++) {
          let n = 0;
          for (let t = a; t <= Math.min(a + laenge, SPANNE + 399); t++) if (ref[p][t]) n++;
          expect(tageIn(z, p, BASIS + a, BASIS + Math.min(a + laenge, SPANNE + 399))).toBe(n);
        }
      }),
    );
  });
});

describe('classification', () => {
  it('equals the brute-force day count: ELB on S(t) and ≥ 638 of the 730 days S(t)−729 … S(t)', () => {
    fc.assert(
      fc.property(perioden, (ps) => {
        const a = auftrag();
        const e = klassifiziere(baue(ps), a);
        const ref = referenz(ps, 6);
        for (const m of e.monate) {
          const s = a.regel.stichtag(m.monat) - BASIS;
          let elb = 0, lzb = 0;
          for (let p = 0; p < 6; p++) {
            if (!ref[p][s]) continue;
            elb++;
            let n = 0;
            for (let t = s - 729; t <= s; t++) if (ref[p][t]) n++;
            if (n >= 638) lzb++;
          }
          expect([m.werte.elb, m.werte.lzb]).toEqual([elb, lzb]);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('does not depend on row order or on splitting a period into adjacent pieces', () => {
    fc.assert(
      fc.property(perioden, fc.array(fc.integer(), { minLength: 1 }), fc.array(fc.integer({ min: 1, max: 899 }), { minLength: 1 }), (ps, schluessel, schnitte) => {
        const geteilt: Periode[] = ps.flatMap(([p, a, b], i) => {
          const s = a + (schnitte[i % schnitte.length] % Math.max(1, (b === OFFEN ? 900 : b - a)));
          return s > a && (b === OFFEN || s <= b) ? [[p, a, s - 1], [p, s, b]] : [[p, a, b]];
        });
        const original = klassifiziere(baue(ps), auftrag());
        expect(klassifiziere(baue(mischen(geteilt, schluessel)), auftrag())).toEqual(original);
      }),
      { numRuns: 200 },
    );
  });

  it('keeps the counts consistent: LZB ⊆ ELB, 4-year LZB ⊆ LZB, transition ∩ LZB = ∅, forecast grows', () => {
    fc.assert(
      fc.property(perioden, (ps) => {
        const e = klassifiziere(baue(ps), { ...auftrag(), abdeckung: { datenAb: BASIS - 2000, datenstand: BASIS + SPANNE } });
        let vorher: number | null = null;
        for (const { werte: w } of e.monate) {
          expect(w.lzb!).toBeLessThanOrEqual(w.elb!);
          expect(w.lzb_4_jahre!).toBeLessThanOrEqual(w.lzb!);
          expect(w.uebergang! + w.lzb!).toBeLessThanOrEqual(w.elb!);
          for (let k = 1; k < 6; k++) expect(w.prognose![k]).toBeGreaterThanOrEqual(w.prognose![k - 1]);
          expect(w.prognose![5]).toBeLessThanOrEqual(w.elb! - w.lzb!);
          // Stock identity: this month's stock = last month's + inflows − outflows.
          if (vorher !== null) expect(w.lzb!).toBe(vorher + w.lzb_zugaenge! - w.lzb_abgaenge!);
          vorher = w.lzb;
        }
      }),
    );
  });

  it('counts the same with two threads: a part read from its runs (Laufliste) adds up to the whole', () => {
    const geschlecht = fc.array(fc.constantFrom<Geschlecht | null>('m', 'w', null), { minLength: 6, maxLength: 6 });
    fc.assert(
      fc.property(perioden, geschlecht, fc.integer({ min: 0, max: 6 }), (ps, gs, mitte) => {
        const z = baue(ps);
        const m = new Merkmale();
        gs.forEach((g, p) => m.setze(p, { geschlecht: g, geburtsdatum: null, alleinerziehend: null, fluchtkontext: null }));
        const a = { ...auftrag(), gruppierung: gruppierung('geschlecht', m) };
        const ganz = zaehleKlassen(z, a);
        const erste = zaehleKlassen(z, a, mitte);
        const teil = new Merkmale();
        teil.uebernimm(m.zustand(mitte, 6));
        const zweite = zaehleKlassen(new Laufliste(z.alleLaeufe(mitte, 6)), { ...a, gruppierung: gruppierung('geschlecht', teil) });
        expect(Array.from(erste.zaehler, (x, k) => x + zweite.zaehler[k])).toEqual(Array.from(ganz.zaehler));
        expect(klassenAus(a, ganz)).toEqual(klassifiziere(z, a));
      }),
      { numRuns: 100 },
    );
  });

  it('month rule: LZB when ELB in t and in ≥ 21 of t−23 … t, against a month-by-month reference', () => {
    const monate = fc.array(fc.tuple(fc.integer({ min: 0, max: 4 }), fc.integer({ min: 0, max: 59 })), { maxLength: 200 });
    fc.assert(
      fc.property(monate, (rows) => {
        const start = monatIndex(2013, 1);
        const z = new Zeitlinien();
        for (const [p, m] of rows) z.hinzu(p, start + m, start + m);
        const e = klassifiziere(z, { regel: monatsRegel(), von: start + 23, bis: start + 59, abdeckung: { datenAb: start, datenstand: start + 59 } });
        const hat = (p: number, m: number) => rows.some(([q, n]) => q === p && start + n === m);
        for (const mon of e.monate) {
          let lzb = 0;
          for (let p = 0; p < 5; p++) {
            if (!hat(p, mon.monat)) continue;
            let n = 0;
            for (let m = mon.monat - 23; m <= mon.monat; m++) if (hat(p, m)) n++;
            if (n >= 21) lzb++;
          }
          expect(mon.werte.lzb).toBe(lzb);
        }
      }),
      { numRuns: 100 },
    );
  });
});

describe('aggregation agrees with the classification', () => {
  it('counts the same ELB and LZB stocks and flows, and keeps the stock identity', () => {
    fc.assert(
      fc.property(perioden, (ps) => {
        const z = baue(ps);
        const a = auftrag();
        const k = klassifiziere(z, a);
        const mw = aggregiere(
          { regel: a.regel, abdeckung: a.abdeckung, zeitlinien: z, merkmale: null, ereignisse: null, kontinuierlichBekannt: false, massnahmen: null, leistungen: null },
          { von: a.von, bis: a.bis, filter: null },
        ).gruppen.get('gesamt')!;
        for (const m of k.monate) {
          const zeile = mw.get(m.monat)!;
          const w = m.werte;
          // A value the aggregation cannot compute is a "missing" cell; the classification says null.
          const zahl = (s: string) => (typeof zeile.get(s) === 'number' ? zeile.get(s) : null);
          expect(['elb', 'elb_zugaenge', 'elb_abgaenge', 'lzb', 'lzb_zugaenge', 'lzb_abgaenge'].map(zahl))
            .toEqual([w.elb, w.elb_zugaenge, w.elb_abgaenge, w.lzb, w.lzb_zugaenge, w.lzb_abgaenge]);
          const vor = mw.get(m.monat - 1);
          if (vor) expect(zeile.get('elb')).toBe((vor.get('elb') as number) + (zeile.get('elb_zugaenge') as number) - (zeile.get('elb_abgaenge') as number));
        }
      }),
      { numRuns: 100 },
    );
  });
});

describe('aggregation with views, events and measures, by one thread or two', () => {
  // Persons with attributes, events and measures; the reference counts month by month from the
  // definitions (docs/vertrag.md §4.2), with ELB and LZB from the day-by-day reference.
  type Ereignis = [person: number, tag: number, art: number, kontinuierlich: boolean | null];
  const ereignis = fc.tuple(fc.integer({ min: 0, max: 5 }), fc.integer({ min: 0, max: SPANNE - 1 }), fc.integer({ min: 0, max: ARTEN.length - 1 }), fc.constantFrom(true, false, null))
    .map(([p, t, a, k]): Ereignis => [p, BASIS + t, a, k]);
  const massnahme = fc.tuple(fc.integer({ min: 0, max: 5 }), fc.integer({ min: 0, max: SPANNE - 1 }), fc.integer({ min: 0, max: 400 }))
    .map(([p, a, l]): Periode => [p, BASIS + a, BASIS + a + l]);
  const person = fc.record({
    geschlecht: fc.constantFrom<Geschlecht | null>('m', 'w', 'd', null),
    // Born so that some turn 15, 25 or 55 within the months counted.
    geburt: fc.constantFrom(1990, 1999, 1961, 2001).chain((j) => fc.integer({ min: 0, max: 3 * 366 }).map((t) => tagNummer(j, 1, 1) + t)),
    ae: fc.boolean(),
    flucht: fc.boolean(),
  });
  const eingabe = fc.record({
    perioden,
    ereignisse: fc.array(ereignis, { maxLength: 30 }),
    massnahmen: fc.array(massnahme, { maxLength: 8 }),
    personen: fc.array(person, { minLength: 6, maxLength: 6 }),
    // Where a second thread's part of the persons begins.
    mitte: fc.integer({ min: 0, max: 6 }),
  });

  it('counts every view and group as a month-by-month count of the definitions does', () => {
    fc.assert(
      fc.property(eingabe, (e) => {
        const a = { ...auftrag(), abdeckung: { datenAb: BASIS - 2000, datenstand: BASIS + SPANNE } };
        const z = baue(e.perioden), mass = baue(e.massnahmen), ev = new Ereignisse(), merkmale = new Merkmale();
        for (const s of ['geschlecht', 'geburtsdatum', 'alleinerziehend', 'fluchtkontext'] as const) merkmale.spalten.add(s);
        e.personen.forEach((m, p) => merkmale.setze(p, { geschlecht: m.geschlecht, geburtsdatum: m.geburt, alleinerziehend: m.ae, fluchtkontext: m.flucht }));
        for (const [p, t, art, k] of e.ereignisse) ev.hinzu(p, t, ARTEN[art], k, false);
        ev.ordne(6);
        const daten = { regel: a.regel, abdeckung: a.abdeckung, zeitlinien: z, merkmale, ereignisse: ev, kontinuierlichBekannt: true, massnahmen: mass, massnahmenSpanne: null, leistungen: null };
        const sichten: Sicht[] = [
          { filter: null, gruppierung: gruppierung('geschlecht', merkmale) },
          { filter: 'u25', gruppierung: gruppierung('altersgruppe', merkmale) },
          { filter: 'ohne_flucht' },
          { filter: 'alleinerziehend' },
        ];
        const ergebnis = aggregiereSichten(daten, a.von, a.bis, sichten);

        // Two threads: the counts of the persons before `mitte` and those of the part from there,
        // as another thread rebuilds it from plain arrays, add up to the counts of all.
        const teil = ausPersonenTeil(personenTeil(daten, e.mitte, 6));
        const erste = zaehleSichten(daten, a.von, a.bis, sichten, e.mitte);
        const zweite = zaehleSichten(teil, a.von, a.bis, sichten.map((v) => sichtAus(sichtAngabe(v), teil)));
        expect(erste.map((z, i) => Array.from(z, (x, k) => x + zweite[i][k]))).toEqual(zaehleSichten(daten, a.von, a.bis, sichten).map((z) => Array.from(z)));

        const ref = referenz(e.perioden, 6);
        const S = (m: number) => a.regel.stichtag(m);
        const tage = (p: number, m: number) => {
          let n = 0;
          for (let t = S(m) - 729; t <= S(m); t++) if (ref[p][t - BASIS]) n++;
          return n;
        };
        const stand = Array.from({ length: 6 }, (_, p) => new Map(Array.from({ length: a.bis - a.von + 3 }, (_, i) => {
          const m = a.von - 2 + i, e = ref[p][S(m) - BASIS];
          return [m, { elb: e, lzb: e && tage(p, m) >= 638 }];
        })));
        const elb = (p: number, m: number) => stand[p].get(m)!.elb;
        const lzb = (p: number, m: number) => stand[p].get(m)!.lzb;
        // The earliest event of a class in lo < d ≤ hi; on one day the first in the file.
        const erstes = (p: number, klasse: string, lo: number, hi: number) =>
          e.ereignisse.filter(([q, t, art]) => q === p && t > lo && t <= hi && KLASSE[ARTEN[art]] === klasse).reduce<Ereignis | null>((x, y) => (x === null || y[1] < x[1] ? y : x), null);
        sichten.forEach((sicht, vi) => {
          const imFilter = sicht.filter ? personenfilter(sicht.filter, merkmale) : () => true;
          const erwartet = new Map<string, number>();
          const plus = (gruppe: string, m: number, spalte: string) => erwartet.set(`${gruppe} ${m} ${spalte}`, (erwartet.get(`${gruppe} ${m} ${spalte}`) ?? 0) + 1);
          for (let p = 0; p < 6; p++) {
            for (let m = a.von; m <= a.bis; m++) {
              const drin = imFilter(p, S(m)), drinVor = imFilter(p, S(m - 1));
              const e1 = elb(p, m) && drin, e0 = elb(p, m - 1) && drinVor, l1 = lzb(p, m) && drin, l0 = lzb(p, m - 1) && drinVor;
              if (!e1 && !e0) continue;
              const g = sicht.gruppierung ? sicht.gruppierung.gruppeVon(p, S(m)) : -1;
              const zaehle = (spalte: string) => {
                plus('gesamt', m, spalte);
                if (g >= 0) plus(sicht.gruppierung!.gruppen[g], m, spalte);
              };
              if (e1) zaehle('elb');
              if (e1 && !e0) zaehle('elb_zugaenge');
              if (e0 && !e1) zaehle('elb_abgaenge');
              if (l1) zaehle('lzb');
              if (l1 && !l0) zaehle('lzb_zugaenge');
              if (l0 && !l1) zaehle('lzb_abgaenge');
              if (l1 && e.massnahmen.some(([q, von, bis]) => q === p && von <= S(m) && S(m) <= bis)) zaehle('lzb_aktiviert');
              if (e1 && e.personen[p].ae) zaehle('elb_ae');
              if (!e0) continue;
              const lo = elb(p, m - 2) ? S(m - 1) : S(m - 2);
              const integration = erstes(p, 'integration', lo, S(m));
              if (integration) {
                zaehle('integrationen');
                if (l0) zaehle('integrationen_lzb');
                if (e.personen[p].ae) zaehle('integrationen_ae');
                if (integration[3] === true) zaehle('integrationen_kontinuierlich');
              }
              if (erstes(p, 'geringfuegig', lo, S(m))) zaehle('eintritte_geringfuegig');
              if (erstes(p, 'oeffentlich', lo, S(m))) zaehle('eintritte_oeffentlich');
            }
          }
          const mw = ergebnis[vi];
          const abweichungen: string[] = [];
          let verglichen = 0;
          for (const [gruppe, reihe] of mw.gruppen) {
            for (const [m, zeile] of reihe) {
              for (const [spalte, wert] of zeile) {
                // Cells the event inputs do not observe, or with an open continuity, are missing values.
                if (typeof wert !== 'number') continue;
                const schluessel = `${gruppe} ${m} ${spalte}`;
                if (wert !== (erwartet.get(schluessel) ?? 0)) abweichungen.push(`${schluessel}: ${wert} statt ${erwartet.get(schluessel) ?? 0}`);
                erwartet.delete(schluessel);
                verglichen++;
              }
            }
          }
          // Every count the reference made is in the output (or a missing value there).
          for (const schluessel of erwartet.keys()) {
            const [gruppe, m, spalte] = schluessel.split(' ');
            if (typeof mw.gruppen.get(gruppe)?.get(+m)?.get(spalte) === 'number' || !mw.gruppen.get(gruppe)?.get(+m)?.has(spalte)) abweichungen.push(`${schluessel} fehlt`);
          }
          expect(abweichungen).toEqual([]);
          expect(verglichen).toBeGreaterThan(0);
        });
      }),
      { numRuns: 30 },
    );
  });
});
