import { describe, expect, it } from 'vitest';
import { monatIndex, OFFEN, tagNummer } from '../../src/core/kalender.js';
import { Ereignisse, type Art } from '../../src/core/ereignisse.js';
import { tagesRegel } from '../../src/core/lzb/regel.js';
import { gruppierung, Merkmale } from '../../src/core/merkmale.js';
import { aggregiere, zaehleSichten } from '../../src/core/monatswerte/aggregation.js';
import { ausPersonenTeil, personenTeil, sichtAngabe, sichtAus } from '../../src/core/teil.js';
import type { PersonenDaten } from '../../src/core/modell.js';
import { PersonRegister, Zeitlinien } from '../../src/core/zeitlinien.js';

const d = (s: string) => { const [t, m, j] = s.split('.').map(Number); return tagNummer(j, m, t); };
const M = (s: string) => monatIndex(+s.slice(0, 4), +s.slice(5, 7));

interface P {
  elb: [string, string | null][];
  /** Date, kind, kontinuierlich (null: still open; left out: nein). */
  ereignisse?: [string, Art, (boolean | null)?][];
  massnahmen?: [string, string][];
  ae?: boolean;
  flucht?: boolean;
  geburt?: string;
}

function daten(personen: Record<string, P>, extra: Partial<PersonenDaten> = {}) {
  const register = new PersonRegister();
  const z = new Zeitlinien(), mass = new Zeitlinien(), ereignisse = new Ereignisse(), merkmale = new Merkmale();
  for (const s of ['geschlecht', 'geburtsdatum', 'alleinerziehend', 'fluchtkontext'] as const) merkmale.spalten.add(s);
  // The measures' earliest and latest start, as the input reader reports them.
  let spanne = { von: Infinity, bis: -Infinity };
  for (const [id, p] of Object.entries(personen)) {
    const n = register.nummer(id);
    for (const [a, b] of p.elb) z.hinzu(n, d(a), b ? d(b) : OFFEN);
    for (const [t, art, kont] of p.ereignisse ?? []) ereignisse.hinzu(n, d(t), art, kont === undefined ? false : kont, false);
    for (const [a, b] of p.massnahmen ?? []) {
      mass.hinzu(n, d(a), d(b));
      spanne = { von: Math.min(spanne.von, d(a)), bis: Math.max(spanne.bis, d(a)) };
    }
    merkmale.setze(n, { geschlecht: 'w', geburtsdatum: p.geburt ? d(p.geburt) : d('01.01.1980'), alleinerziehend: p.ae ?? false, fluchtkontext: p.flucht ?? false });
  }
  ereignisse.ordne(register.anzahl);
  const pd: PersonenDaten = {
    regel: tagesRegel(),
    abdeckung: { datenAb: d('01.01.2013'), datenstand: d('31.12.2016') },
    zeitlinien: z, merkmale, ereignisse, kontinuierlichBekannt: true, massnahmen: mass, massnahmenSpanne: Number.isFinite(spanne.von) ? spanne : null, leistungen: null,
    ...extra,
  };
  return pd;
}

// Stichtage: 15.02., 15.03., 15.04., 15.05.2016.
const FALL: Record<string, P> = {
  // In the stock at 15.03.; two integrations in (15.03., 15.04.] count once; a minor job too.
  P1: { elb: [['01.01.2015', null]], ereignisse: [['20.03.2016', 'SVB', true], ['25.03.2016', 'SELB'], ['10.04.2016', 'GERING']], flucht: true },
  // New entrant at 15.03. (not in receipt at 15.02.): the job start of 12.03. counts in April.
  P2: { elb: [['10.03.2016', null]], ereignisse: [['12.03.2016', 'SVB']] },
  // Enters after 15.03.: not in April; in May as a new entrant at 15.04. with the look-back to 15.03.
  P3: { elb: [['20.03.2016', null]], ereignisse: [['25.03.2016', 'AUSB']] },
  // LZB, single parent, in a measure: an integration of an LZB and of an Alleinerziehende.
  P4: { elb: [['01.01.2013', null]], ereignisse: [['01.04.2016', 'SVB', true]], massnahmen: [['01.03.2016', '30.06.2016']], ae: true },
  // LZB who leaves receipt on 31.03. for a job starting 01.04.: integration, ELB- and LZB-Abgang.
  P5: { elb: [['01.01.2013', '31.03.2016']], ereignisse: [['01.04.2016', 'SVB']] },
  // Publicly funded employment: an entry, not an integration.
  P6: { elb: [['01.06.2015', null]], ereignisse: [['05.04.2016', 'OEFG']] },
  // An integration of somebody never in receipt does not count anywhere.
  P7: { elb: [['01.01.2010', '31.12.2012']], ereignisse: [['01.04.2016', 'SVB']] },
  // Neither does this one; it shows that the integrations extract runs to the end of the year.
  P8: { elb: [], ereignisse: [['30.12.2016', 'SVB']], massnahmen: [['15.01.2013', '31.01.2013'], ['30.12.2016', '31.12.2016']] },
};

describe('aggregation into Monatswerte (docs/vertrag.md §4.2), hand-computed', () => {
  const mw = aggregiere(daten(FALL), { von: M('2016-04'), bis: M('2016-05'), filter: null });
  const april = mw.gruppen.get('gesamt')!.get(M('2016-04'))!;
  const mai = mw.gruppen.get('gesamt')!.get(M('2016-05'))!;
  const w = (zeile: Map<string, unknown>) => Object.fromEntries(zeile);

  it('counts stocks and flows at the Stichtag 15.04.2016', () => {
    expect(w(april)).toMatchObject({ elb: 5, elb_zugaenge: 1, elb_abgaenge: 1, lzb: 1, lzb_zugaenge: 0, lzb_abgaenge: 1, lzb_aktiviert: 1, elb_ae: 1 });
  });

  it('attributes integrations and entries by the Stichtag intervals, at most one per person and month', () => {
    expect(w(april)).toMatchObject({
      integrationen: 4, // P1 (once), P2 (look-back), P4, P5
      integrationen_lzb: 2, // P4, P5
      integrationen_ae: 1, // P4
      integrationen_kontinuierlich: 2, // P1's first (20.03.) and P4
      eintritte_geringfuegig: 1, // P1
      eintritte_oeffentlich: 1, // P6
    });
    expect(mai.get('integrationen')).toBe(1); // P3
  });

  it('lists the columns it can fill', () => {
    expect(mw.spalten).toEqual([
      'elb', 'elb_zugaenge', 'elb_abgaenge', 'lzb', 'lzb_zugaenge', 'lzb_abgaenge', 'lzb_aktiviert',
      'integrationen', 'integrationen_lzb', 'integrationen_ae', 'elb_ae', 'eintritte_geringfuegig', 'eintritte_oeffentlich', 'integrationen_kontinuierlich',
    ]);
    const ohne = aggregiere(daten(FALL, { ereignisse: null, massnahmen: null, merkmale: null }), { von: M('2016-04'), bis: M('2016-04'), filter: null });
    expect(ohne.spalten).toEqual(['elb', 'elb_zugaenge', 'elb_abgaenge', 'lzb', 'lzb_zugaenge', 'lzb_abgaenge']);
  });

  it('restricts numerators and denominators alike with a filter', () => {
    const ohneFlucht = aggregiere(daten(FALL), { von: M('2016-04'), bis: M('2016-04'), filter: 'ohne_flucht' }).gruppen.get('gesamt')!.get(M('2016-04'))!;
    expect([ohneFlucht.get('elb'), ohneFlucht.get('integrationen'), ohneFlucht.get('eintritte_geringfuegig')]).toEqual([4, 3, 0]);
  });

  it('counts U25 by the age on S(t−1) for events and on S(t) for the stock', () => {
    // P2 turns 25 on 01.04.2016: under 25 on 15.03. (her integration counts), 25 on 15.04. (not in the stock).
    const fall = { ...FALL, P2: { ...FALL.P2, geburt: '01.04.1991' } };
    const u25 = aggregiere(daten(fall), { von: M('2016-04'), bis: M('2016-04'), filter: 'u25' }).gruppen.get('gesamt')!.get(M('2016-04'))!;
    // Flows compare the filtered stocks, so turning 25 is an outflow of the U25 population.
    expect([u25.get('elb'), u25.get('integrationen'), u25.get('elb_abgaenge')]).toEqual([0, 1, 1]);
  });

  it('marks months the data do not cover as missing, with the reason', () => {
    const spaet = aggregiere(daten(FALL, { abdeckung: { datenAb: d('01.03.2016'), datenstand: d('31.12.2016') } }), { von: M('2016-04'), bis: M('2016-05'), filter: null });
    const a = spaet.gruppen.get('gesamt')!.get(M('2016-04'))!;
    expect(a.get('elb')).toBe(5);
    // Events of April need the stock at 15.02. to find new entrants: not covered.
    expect(a.get('integrationen')).toEqual({ art: 'fehlt', grund: 'vor_datenbeginn' });
    expect(a.get('lzb')).toEqual({ art: 'fehlt', grund: 'vor_datenbeginn' });
    expect(spaet.gruppen.get('gesamt')!.get(M('2016-05'))!.get('integrationen')).toBe(1);
  });

  it('leaves integrationen_kontinuierlich unknown in a month with an integration whose continuity is open', () => {
    const offen = { ...FALL, P4: { ...FALL.P4, ereignisse: [['01.04.2016', 'SVB', null]] as P['ereignisse'] } };
    const april = aggregiere(daten(offen), { von: M('2016-04'), bis: M('2016-05'), filter: null }).gruppen.get('gesamt')!;
    expect(april.get(M('2016-04'))!.get('integrationen')).toBe(4);
    expect(april.get(M('2016-04'))!.get('integrationen_kontinuierlich')).toEqual({ art: 'fehlt', grund: 'kontinuierlich_offen' });
    // May's one integration (P3) is known: 0 continuous.
    expect(april.get(M('2016-05'))!.get('integrationen_kontinuierlich')).toBe(0);
  });

  it('counts events only in months their inputs observe: no undercount from an older or later extract', () => {
    // Without P8 the integrations end on 10.04.2016 and the measures begin last on 01.03.2016.
    const { P8: _, ...ohneP8 } = FALL;
    const frueh = aggregiere(daten(ohneP8), { von: M('2016-04'), bis: M('2016-05'), filter: null }).gruppen.get('gesamt')!;
    // April (15.03.–15.04.): the latest event, 10.04., lies within 14 days of the Stichtag.
    expect(frueh.get(M('2016-04'))!.get('integrationen')).toBe(4);
    // May (15.04.–15.05.): nothing observed after 10.04., so May is not computable, not 0 or 1.
    expect(frueh.get(M('2016-05'))!.get('integrationen')).toEqual({ art: 'fehlt', grund: 'ausserhalb_integrationen' });
    expect(frueh.get(M('2016-05'))!.get('eintritte_geringfuegig')).toEqual({ art: 'fehlt', grund: 'ausserhalb_integrationen' });
    // Measures: the latest start 01.03. is within 31 days of 15.03. but not of 15.04.
    expect(frueh.get(M('2016-04'))!.get('lzb_aktiviert')).toEqual({ art: 'fehlt', grund: 'ausserhalb_massnahmen' });
    expect(frueh.get(M('2016-04'))!.get('elb')).toBe(5);
    // An extract that starts late: events from 01.04. only leave April (look-back from 15.02.) not computable.
    const spaet = { ...FALL, P2: { ...FALL.P2, ereignisse: [] }, P1: { ...FALL.P1, ereignisse: [['10.04.2016', 'GERING']] as P['ereignisse'] }, P3: { ...FALL.P3, ereignisse: [] } };
    const a = aggregiere(daten(spaet), { von: M('2016-04'), bis: M('2016-06'), filter: null }).gruppen.get('gesamt')!;
    expect(a.get(M('2016-04'))!.get('integrationen')).toEqual({ art: 'fehlt', grund: 'ausserhalb_integrationen' });
    expect(a.get(M('2016-05'))!.get('integrationen')).toBe(0);
  });
});

describe('events in person and date order', () => {
  it('finds the earliest event of a class in von < d ≤ bis; on one day the first in the file wins', () => {
    const e = new Ereignisse();
    e.hinzu(1, 20, 'SVB', false, false);
    e.hinzu(0, 30, 'SVB', false, false);
    e.hinzu(1, 10, 'GERING', false, false);
    e.hinzu(1, 20, 'AUSB', true, false);
    e.hinzu(0, 5, 'OEFG', false, true);
    e.ordne(3);
    const svb = e.erstes(1, 'integration', 0, 25);
    expect(svb).toBeGreaterThanOrEqual(0);
    // Both integrations of person 1 start on day 20; the SVB came first and is not kontinuierlich.
    expect(e.kontinuierlich(svb)).toBe(false);
    expect(e.erstes(1, 'geringfuegig', 9, 25)).toBeGreaterThanOrEqual(0);
    expect(e.erstes(1, 'geringfuegig', 10, 25)).toBe(-1);
    expect(e.erstes(1, 'integration', 0, 19)).toBe(-1);
    expect(e.erstes(0, 'integration', 0, 29)).toBe(-1);
    expect(e.bedarfsdeckend(e.erstes(0, 'oeffentlich', 0, 5))).toBe(true);
    expect([e.hatEreignisse(0), e.hatEreignisse(1), e.hatEreignisse(2)]).toEqual([true, true, false]);
  });
});

describe('counting a part of the persons (a second thread)', () => {
  it('adds up to the whole where the cut lies beyond the persons with attributes or events', () => {
    // 3,000 persons in receipt; attributes only for the first 500 (arrays of 1,024), events for some.
    const register = new PersonRegister();
    const z = new Zeitlinien(), merkmale = new Merkmale(), ereignisse = new Ereignisse();
    for (const s of ['geschlecht', 'geburtsdatum', 'alleinerziehend', 'fluchtkontext'] as const) merkmale.spalten.add(s);
    for (let i = 0; i < 3000; i++) {
      const p = register.nummer(`P${i}`);
      z.hinzu(p, d('01.01.2014') + (i % 700), i % 3 ? OFFEN : d('30.04.2016'));
      if (i < 500) merkmale.setze(p, { geschlecht: i % 2 ? 'w' : 'm', geburtsdatum: d('01.01.1992') + i, alleinerziehend: i % 5 === 0, fluchtkontext: false });
      if (i % 7 === 0 && i < 2200) ereignisse.hinzu(p, d('20.03.2016') + (i % 40), 'SVB', true, false);
    }
    ereignisse.ordne(register.anzahl);
    const daten: PersonenDaten = {
      regel: tagesRegel(), abdeckung: { datenAb: d('01.01.2013'), datenstand: d('31.12.2016') },
      zeitlinien: z, merkmale, ereignisse, kontinuierlichBekannt: true, massnahmen: null, leistungen: null,
    };
    const sichten = [{ filter: null, gruppierung: gruppierung('geschlecht', merkmale) }, { filter: 'u25' as const }];
    const von = M('2016-01'), bis = M('2016-06');
    const ganz = zaehleSichten(daten, von, bis, sichten).map((x) => Array.from(x));
    expect(ganz[0].some((x) => x > 1000)).toBe(true);
    for (const mitte of [400, 1500, 2500]) {
      const teil = ausPersonenTeil(personenTeil(daten, mitte, 3000));
      const erste = zaehleSichten(daten, von, bis, sichten, mitte);
      const zweite = zaehleSichten(teil, von, bis, sichten.map((v) => sichtAus(sichtAngabe(v), teil)));
      expect(erste.map((x, i) => Array.from(x, (y, k) => y + zweite[i][k]))).toEqual(ganz);
    }
  });
});
