import { describe, expect, it } from 'vitest';
import { monatIndex, OFFEN, tagNummer } from '../../src/core/kalender.js';
import { klassifiziere, type LzbAuftrag } from '../../src/core/lzb/klassifikation.js';
import { monatsRegel, tagesRegel } from '../../src/core/lzb/regel.js';
import { gruppierung, Merkmale } from '../../src/core/merkmale.js';
import { einheitenIn, neueLaeufe, PersonRegister, Zeitlinien } from '../../src/core/zeitlinien.js';
import { liesZeitraeume } from '../input/hilfen.js';

/** Days of receipt of person p in a … b, read as classification reads them: the person's runs copied out. */
const tageIn = (z: Zeitlinien, p: number, a: number, b: number) => {
  const l = neueLaeufe();
  return einheitenIn(l, z.kopiere(p, l), a, b);
};

const d = (s: string) => {
  const [t, m, j] = s.split('.').map(Number);
  return tagNummer(j, m, t);
};
const M = (s: string) => monatIndex(+s.slice(0, 4), +s.slice(5, 7));

type Perioden = Record<string, [string, string | null][]>;

function aufbau(perioden: Perioden) {
  const register = new PersonRegister();
  const z = new Zeitlinien();
  for (const [id, ps] of Object.entries(perioden)) {
    const p = register.nummer(id);
    for (const [von, bis] of ps) z.hinzu(p, d(von), bis === null ? OFFEN : d(bis));
  }
  return { register, z };
}

const tage = tagesRegel();
const weit = { datenAb: d('01.01.2010'), datenstand: d('31.12.2017') };

function monat(z: Zeitlinien, m: string, extra: Partial<LzbAuftrag> = {}) {
  return klassifiziere(z, { regel: tage, von: M(m), bis: M(m), abdeckung: weit, ...extra });
}

// docs/vertrag.md §4.1 worked example: Stichtag 15.12.2016, window 17.12.2014 … 15.12.2016.
const BEISPIEL: Perioden = {
  A: [['01.01.2015', null]],
  B: [['19.03.2015', null]],
  C: [['20.03.2015', null]],
  D: [['01.12.2014', '30.06.2015'], ['01.09.2015', null]],
  E: [['19.03.2015', '14.12.2016']],
  F: [['01.06.2015', null]],
};

describe('day rule, docs/vertrag.md §4.1 worked example (Stichtag 15.12.2016)', () => {
  const { register, z } = aufbau(BEISPIEL);
  const e = monat(z, '2016-12', { listeFuer: M('2016-12') });
  const person = (id: string) => e.liste!.find((p) => register.id(p.person) === id);

  it('counts ELB days in the 730-day window exactly as the table', () => {
    expect(tage.lzb).toEqual({ fenster: 730, mindestens: 638 });
    expect(person('A')!.einheiten).toBe(715);
    expect(person('B')!.einheiten).toBe(638);
    expect(person('C')!.einheiten).toBe(637);
    expect(person('D')!.einheiten).toBe(668);
    expect(person('F')!.einheiten).toBe(564);
    // E left on 14.12.2016, the day before the Stichtag: not in the stock, not on the list.
    expect(person('E')).toBeUndefined();
    expect(tageIn(z, register.nummer('E'), d('17.12.2014'), d('15.12.2016'))).toBe(637);
  });

  it('classifies A, B (exactly 638), D as LZB; C (637) and F not; E not ELB', () => {
    expect(e.liste!.filter((p) => p.lzb).map((p) => register.id(p.person)).sort()).toEqual(['A', 'B', 'D']);
    expect(e.monate[0].werte.elb).toBe(5);
    expect(e.monate[0].werte.lzb).toBe(3);
  });

  it('puts F (564 days = 18.5 months) in the transition segment, C (20.9 months) not', () => {
    expect(person('F')!.segment).toBe('uebergang');
    expect(person('C')!.segment).toBe('sonstige');
    expect(e.monate[0].werte.uebergang).toBe(1);
  });

  it('forecasts C at the next Stichtag, F once it reaches 638 days', () => {
    // C: 637 days now; at 15.01.2017 the window 17.01.2015 … 15.01.2017 holds 20.03.2015 … = 668 days.
    expect(person('C')!.lzbAb).toBe(M('2017-01'));
    // F: 564 days at 15.12.2016; needs 74 more unbroken days: 15.01.2017 → 595, 15.02.2017 → 626, 15.03.2017 → 654.
    expect(person('F')!.lzbAb).toBe(M('2017-03'));
    expect(e.monate[0].werte.prognose).toEqual([1, 1, 2, 2, 2, 2]);
  });
});

describe('day rule edges', () => {
  it('counts the Stichtag itself: a period ending on the Stichtag gives 638 days and LZB', () => {
    const s = d('15.12.2016');
    expect(s - 637).toBe(d('19.03.2015'));
    const { z } = aufbau({ X: [['19.03.2015', '15.12.2016']] });
    expect(tageIn(z, 0, s - 729, s)).toBe(638);
    expect(monat(z, '2016-12').monate[0].werte.lzb).toBe(1);
  });

  it('counts 29 February in a window that contains it', () => {
    // Window for 15.03.2016: 17.03.2014 … 15.03.2016 (730 days, 29.02.2016 among them).
    const s = d('15.03.2016');
    expect(s - 729).toBe(d('17.03.2014'));
    // 638 days ending on the Stichtag start on 17.06.2014 (s − 637).
    expect(d('15.03.2016') - 637).toBe(d('17.06.2014'));
    const { z } = aufbau({ X: [['17.06.2014', null]], Y: [['18.06.2014', null]] });
    const r = monat(z, '2016-03', { listeFuer: M('2016-03') });
    expect(r.liste!.map((p) => [p.einheiten, p.lzb])).toEqual([[638, true], [637, false]]);
  });

  it('does not count NEF days: they never enter the timelines', async () => {
    // An extract with NEF rows, read as the tool reads it, for the Stichtag 15.12.2016 (window
    // 17.12.2014 … 15.12.2016, 730 days):
    // X  NEF 01.12.2014–31.05.2015, then ELB: 01.06.2015 … 15.12.2016 = 564 ELB days, not LZB
    //    (with the NEF days it would be all 730); 564 days = 18.5 months: transition segment.
    // Y  NEF only: not ELB on the Stichtag, so neither in the stock nor on the list.
    // Z  ELB from 01.01.2015, NEF for three months inside it: a day both ELB and NEF is an ELB day,
    //    17.12.2014 … 31.12.2014 are neither: 730 − 15 = 715 ELB days, LZB.
    // V  ELB 01.01.2015–31.03.2016 (365 + 91 = 456 days), NEF 01.04.–31.07.2016 (122 days), ELB
    //    again from 01.08.2016 (137 days to the Stichtag): 456 + 137 = 593, not LZB; with the NEF
    //    days 715. NEF does not bridge the gap: two runs.
    const csv = [
      'person_id;beginn;ende;status',
      'X;01.12.2014;31.05.2015;NEF',
      'X;01.06.2015;;ELB',
      'Y;01.01.2015;;NEF',
      'Z;01.01.2015;;ELB',
      'Z;01.06.2016;31.08.2016;NEF',
      'V;01.01.2015;31.03.2016;ELB',
      'V;01.04.2016;31.07.2016;NEF',
      'V;01.08.2016;;',
    ].join('\n');
    const { e: gelesen, register, z } = await liesZeitraeume({ text: csv });
    expect([gelesen.probleme, gelesen.zeilenNef]).toEqual([[], 4]);
    expect(z.laeufe(register.nummer('Y'))).toEqual([]);
    expect(z.laeufe(register.nummer('V'))).toEqual([[d('01.01.2015'), d('31.03.2016')], [d('01.08.2016'), OFFEN]]);
    const e = monat(z, '2016-12', { listeFuer: M('2016-12') });
    const liste = Object.fromEntries(e.liste!.map((p) => [register.id(p.person), [p.einheiten, p.lzb, p.segment]]));
    expect(liste).toEqual({ X: [564, false, 'uebergang'], Z: [715, true, 'lzb'], V: [593, false, 'sonstige'] });
    expect(e.monate[0].werte).toMatchObject({ elb: 3, lzb: 1, uebergang: 1 });
  });

  it('merges overlapping and adjacent periods before counting', () => {
    const { z } = aufbau({
      X: [['01.01.2015', '31.03.2015'], ['01.04.2015', '30.06.2015'], ['15.05.2015', '31.12.2015'], ['01.01.2016', null]],
    });
    expect(z.laeufe(0)).toEqual([[d('01.01.2015'), OFFEN]]);
    expect(monat(z, '2016-12').monate[0].werte.lzb).toBe(1);
  });

  it('counts an ongoing period as receipt on every later Stichtag', () => {
    const { z } = aufbau({ X: [['01.01.2015', null]] });
    expect(monat(z, '2017-12').monate[0].werte.elb).toBe(1);
  });

  it('uses the last day of a short month when the Stichtag day does not exist', () => {
    const r = tagesRegel({ stichtagTag: 31, lzbMin: 21, lzbFenster: 24 });
    expect(r.stichtag(M('2017-02'))).toBe(d('28.02.2017'));
    expect(r.stichtag(M('2016-02'))).toBe(d('29.02.2016'));
    expect(r.stichtag(M('2017-04'))).toBe(d('30.04.2017'));
  });

  it('derives the day thresholds from m of w: 638/730, 1277/1460, segment 457…577', () => {
    expect(tage.vierJahre).toEqual({ fenster: 1460, mindestens: 1277 });
    expect(tage.uebergang).toEqual({ ab: 457, bis: 577 });
  });
});

describe('flows between Stichtage', () => {
  it('counts LZB-Zugang when a person crosses 638 days and LZB-Abgang when they leave', () => {
    // X reaches 638 days between 15.11.2016 and 15.12.2016; leaves 01.02.2017.
    // Start 18.03.2015: on 15.12.2016 → 639 days; on 15.11.2016 → 609.
    const { z } = aufbau({ X: [['18.03.2015', '31.01.2017']] });
    const r = klassifiziere(z, { regel: tage, von: M('2016-11'), bis: M('2017-02'), abdeckung: weit });
    const w = r.monate.map((m) => [m.werte.lzb, m.werte.lzb_zugaenge, m.werte.lzb_abgaenge, m.werte.elb_abgaenge]);
    expect(w).toEqual([
      [0, 0, 0, 0],
      [1, 1, 0, 0],
      [1, 0, 0, 0],
      [0, 0, 1, 1],
    ]);
  });

  it('computes the flows of the first month from the Stichtag before it', () => {
    const { z } = aufbau({ X: [['01.01.2015', '10.12.2016']] });
    const r = monat(z, '2016-12');
    expect(r.monate[0].werte.lzb_abgaenge).toBe(1);
    expect(r.monate[0].werte.elb_abgaenge).toBe(1);
  });
});

describe('coverage: never an undercount', () => {
  const { z } = aufbau({ X: [['01.01.2015', null]] });
  const abdeckung = { datenAb: d('01.01.2015'), datenstand: d('31.12.2017') };

  it('marks LZB not computable while the 730-day window reaches before the data begin', () => {
    // S(2016-12) − 729 = 17.12.2014 < 01.01.2015: not computable. S(2017-01) − 729 = 17.01.2015: fine.
    const r = klassifiziere(z, { regel: tage, von: M('2016-12'), bis: M('2017-01'), abdeckung });
    expect(r.monate[0].werte.lzb).toBeNull();
    expect(r.monate[0].werte.elb).toBe(1);
    expect(r.monate[0].nichtBerechenbar).toContainEqual({ art: 'vor_datenbeginn', betrifft: 'lzb', fensterBeginn: d('17.12.2014'), datenAb: d('01.01.2015') });
    expect(r.monate[1].werte.lzb).toBe(1);
    // The flows of 2017-01 need the classification at 15.12.2016, which is not computable.
    expect(r.monate[1].werte.lzb_zugaenge).toBeNull();
    expect(r.monate[1].nichtBerechenbar.map((g) => g.art === 'vor_datenbeginn' && g.betrifft)).toContain('lzb_bewegungen');
    // Four-year LZB needs 1460 days: not before 2019.
    expect(r.monate[1].werte.lzb_4_jahre).toBeNull();
  });

  it('marks a Stichtag after the Datenstand not computable', () => {
    const r = klassifiziere(z, { regel: tage, von: M('2018-01'), bis: M('2018-01'), abdeckung });
    expect(r.monate[0].werte.elb).toBeNull();
    expect(r.monate[0].nichtBerechenbar).toEqual([{ art: 'nach_datenstand', stichtag: d('15.01.2018'), datenstand: d('31.12.2017') }]);
  });
});

describe('month rule (monthly form)', () => {
  const regel = monatsRegel();
  function monate(spec: Record<string, string[]>) {
    const z = new Zeitlinien();
    const register = new PersonRegister();
    for (const [id, ms] of Object.entries(spec)) for (const m of ms) z.hinzu(register.nummer(id), M(m), M(m));
    return z;
  }
  const reihe = (von: string, n: number, ohne: string[] = []) =>
    Array.from({ length: n }, (_, i) => M(von) + i).filter((m) => !ohne.includes(String(m))).map((m) => `${Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}`);
  const abdeckung = { datenAb: M('2014-01'), datenstand: M('2017-12') };

  it('LZB with 21 of the 24 months t−23 … t, not with 20; ELB in t required', () => {
    // Window for 2016-12: 2015-01 … 2016-12.
    const z = monate({
      genau21: reihe('2015-04', 21),
      nur20: reihe('2015-05', 20),
      nichtInT: reihe('2015-01', 23),
    });
    const r = klassifiziere(z, { regel, von: M('2016-12'), bis: M('2016-12'), abdeckung, listeFuer: M('2016-12') });
    expect(r.monate[0].werte.elb).toBe(2);
    expect(r.monate[0].werte.lzb).toBe(1);
    expect(r.liste!.map((p) => [p.einheiten, p.lzb])).toEqual([[21, true], [20, false]]);
  });

  it('transition segment 15 … 18 months', () => {
    const z = monate({ m14: reihe('2015-11', 14), m15: reihe('2015-10', 15), m18: reihe('2015-07', 18), m19: reihe('2015-06', 19) });
    const r = klassifiziere(z, { regel, von: M('2016-12'), bis: M('2016-12'), abdeckung });
    expect(r.monate[0].werte.uebergang).toBe(2);
  });

  it('needs the 24 months t−23 … t in the data', () => {
    const z = monate({ x: reihe('2014-01', 48) });
    const r = klassifiziere(z, { regel, von: M('2015-11'), bis: M('2015-12'), abdeckung });
    expect(r.monate[0].werte.lzb).toBeNull();
    expect(r.monate[1].werte.lzb).toBe(1);
  });
});

describe('breakdowns', () => {
  it('splits every count by sex and by age group at the Stichtag', () => {
    const { register, z } = aufbau(BEISPIEL);
    const m = new Merkmale();
    const setze = (id: string, geschlecht: 'm' | 'w', geburt: string) =>
      m.setze(register.nummer(id), { geschlecht, geburtsdatum: d(geburt), alleinerziehend: null, fluchtkontext: null });
    setze('A', 'w', '16.12.1991'); // 24 on 15.12.2016 (25 on the 16th)
    setze('B', 'm', '15.12.1991'); // 25 on the Stichtag itself
    setze('C', 'w', '01.01.1961'); // 55
    // D and F have no person row: unknown
    const nachGeschlecht = monat(z, '2016-12', { gruppierung: gruppierung('geschlecht', m) }).monate[0].gruppen;
    const g = Object.fromEntries(nachGeschlecht.map((x) => [x.gruppe, [x.werte.elb, x.werte.lzb]]));
    expect(g).toEqual({ m: [1, 1], w: [2, 1], d: [0, 0], x: [0, 0], unbekannt: [2, 1] });

    const nachAlter = monat(z, '2016-12', { gruppierung: gruppierung('altersgruppe', m) }).monate[0].gruppen;
    const a = Object.fromEntries(nachAlter.map((x) => [x.gruppe, x.werte.elb]));
    expect(a).toEqual({ unter_15: 0, '15_bis_unter_25': 1, '25_bis_unter_55': 1, '55_und_aelter': 1, unbekannt: 2 });
  });
});

describe('age groups', () => {
  it('change on the 15th, 25th and 55th birthday; one born on 29 Feb is a year older on 1 Mar in other years', () => {
    const m = new Merkmale();
    m.setze(0, { geschlecht: null, geburtsdatum: d('29.02.1992'), alleinerziehend: null, fluchtkontext: null });
    m.setze(1, { geschlecht: null, geburtsdatum: d('29.02.2000'), alleinerziehend: null, fluchtkontext: null });
    m.setze(2, { geschlecht: null, geburtsdatum: d('15.06.1962'), alleinerziehend: null, fluchtkontext: null });
    m.setze(3, { geschlecht: null, geburtsdatum: null, alleinerziehend: null, fluchtkontext: null });
    const g = gruppierung('altersgruppe', m);
    const gruppe = (p: number, tag: string) => g.gruppen[g.gruppeVon(p, d(tag))];
    // Asked in any order of persons: each answer is the person's own.
    expect([gruppe(0, '28.02.2017'), gruppe(1, '28.02.2015'), gruppe(0, '01.03.2017'), gruppe(1, '01.03.2015'), gruppe(0, '29.02.2016')])
      .toEqual(['15_bis_unter_25', 'unter_15', '25_bis_unter_55', '15_bis_unter_25', '15_bis_unter_25']);
    expect([gruppe(2, '14.06.2017'), gruppe(2, '15.06.2017'), gruppe(3, '15.06.2017'), gruppe(0, '29.02.2020')]).toEqual(['25_bis_unter_55', '55_und_aelter', 'unbekannt', '25_bis_unter_55']);
  });
});

describe('calendar', () => {
  it('knows the Gregorian leap years and month lengths', async () => {
    const { tageImMonat, istSchaltjahr } = await import('../../src/core/kalender.js');
    expect([1900, 2000, 2016, 2017, 2100].map(istSchaltjahr)).toEqual([false, true, true, false, false]);
    expect([tageImMonat(2016, 2), tageImMonat(2017, 2), tageImMonat(2017, 4), tageImMonat(2017, 12)]).toEqual([29, 28, 30, 31]);
    // Agrees with the day numbers: the day after the last day of each month is the 1st of the next.
    for (let m = 1; m <= 12; m++) expect(tagNummer(2016, m, tageImMonat(2016, m)) + 1).toBe(tagNummer(m === 12 ? 2017 : 2016, m === 12 ? 1 : m + 1, 1));
  });
});

describe('person register', () => {
  it('gives every id one dense index, from strings and from bytes alike, across table growth', () => {
    const r = new PersonRegister();
    const ids = Array.from({ length: 5000 }, (_, i) => (i % 3 === 0 ? `Jörg-${i}` : i % 3 === 1 ? `K${String(i).padStart(7, '0')}` : `${i}`));
    ids.forEach((id, i) => expect(r.nummer(id)).toBe(i));
    const bytes = new TextEncoder().encode(`xx;${ids[4711]};yy`);
    expect(r.nummerBytes(bytes, 3, bytes.length - 3)).toBe(4711);
    expect(ids.every((id, i) => r.id(i) === id)).toBe(true);
    expect(r.anzahl).toBe(5000);
    // Same hash prefix, different length: still different persons.
    expect(r.nummer('K000000')).toBe(5000);
    expect(r.nummer('')).toBe(5001);
  });
});

describe('calendar arithmetic without Date', () => {
  it('agrees with Date.UTC on every day from 1900 to 2199, and runs a day past the month end on', async () => {
    const { tagNummer: n, tagTeile: teile } = await import('../../src/core/kalender.js');
    for (let t = Date.UTC(1900, 0, 1) / 864e5; t <= Date.UTC(2199, 11, 31) / 864e5; t++) {
      const d = new Date(t * 864e5);
      const p = teile(t);
      if (p.jahr !== d.getUTCFullYear() || p.monat !== d.getUTCMonth() + 1 || p.tag !== d.getUTCDate() || n(p.jahr, p.monat, p.tag) !== t) {
        throw new Error(`Tag ${t}: ${JSON.stringify(p)} gegen ${d.toISOString()}`);
      }
    }
    expect(n(2017, 2, 29)).toBe(n(2017, 3, 1));
    expect(n(1970, 1, 1)).toBe(0);
  });
});
