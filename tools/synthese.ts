// A synthetic Jobcenter, deterministic for a seed: persons with their benefit spells, simulated
// month by month with duration-dependent exit rates, so that (as in the Jobcenter of the Arbeitsmarktprogramm Elbe-Elster 2017, docs/vertrag.md §5) about
// two thirds of the stock are long-term recipients and the stock falls by some per cent a year.
// Simulation starts four years before the data begin (burn-in); periods are clipped at the data
// begin, so the extract's earliest date is exactly where its coverage starts.

import type { Art } from '../src/core/ereignisse.js';
import { ersterTag, letzterTag, monatTeile, tageImMonat, tagNummer } from '../src/core/kalender.js';

/** mulberry32: small, fast, good enough for synthetic data, and the same on every machine. */
export function zufall(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface SynthPerson {
  id: string;
  geschlecht: 'm' | 'w' | 'd';
  geburtsdatum: number;
  alleinerziehend: boolean;
  fluchtkontext: boolean;
  /** Spells of receipt as day ranges (inclusive), clipped to the data window; status per spell. */
  zeitraeume: { beginn: number; ende: number | null; status: 'ELB' | 'NEF' }[];
  /** Months (indexes) in receipt as ELB within the data window. */
  monate: number[];
  /** Months in receipt of Sozialgeld (NEF, before the 15th birthday) within the data window. */
  nefMonate: number[];
  /** Integrations and entries with a start in the data window. */
  ereignisse: { datum: number; art: Art; kontinuierlich: boolean; bedarfsdeckend: boolean }[];
  /** Participations in labour-market measures. */
  massnahmen: { beginn: number; ende: number | null; art: string }[];
  /** Monthly benefit entitlement in euro at 2013 prices: LLU (Regelbedarf net of income) and LUH. */
  llu: number;
  luh: number;
}

export interface SyntheseParameter {
  personen: number;
  seed: number;
  /** First and last month of the data (month indexes). */
  von: number;
  bis: number;
}

const VORLAUF = 48;

type Typ = 'dauer' | 'mittel' | 'kurz';

/** Monthly exit and re-entry probabilities by type; exits rise with the years (the stock falls). */
const RATEN: Record<Typ, { anteil: number; abgang: number; zugang: number; start: number }> = {
  dauer: { anteil: 0.58, abgang: 0.011, zugang: 0.25, start: 0.85 },
  mittel: { anteil: 0.27, abgang: 0.045, zugang: 0.035, start: 0.45 },
  kurz: { anteil: 0.2, abgang: 0.14, zugang: 0.015, start: 0.12 },
};

export function* synthetischePersonen(p: SyntheseParameter): Generator<SynthPerson> {
  const r = zufall(p.seed);
  const ganz = (a: number, b: number) => a + Math.floor(r() * (b - a + 1));
  // Events, measures and amounts draw from a stream of their own, so that adding them left the
  // periods of a seed unchanged.
  const r2 = zufall(p.seed ^ 0x9e3779b9);
  const ganz2 = (a: number, b: number) => a + Math.floor(r2() * (b - a + 1));
  const tagIm = (m: number) => ersterTag(m) + ganz2(0, letzterTag(m) - ersterTag(m));
  const beginn = p.von - VORLAUF;
  const datenBeginn = ersterTag(p.von);
  const bisJahr = monatTeile(p.bis).jahr;

  let nummer = 0;
  while (nummer < p.personen) {
    const z = r();
    const typ: Typ = z < RATEN.dauer.anteil ? 'dauer' : z < RATEN.dauer.anteil + RATEN.mittel.anteil ? 'mittel' : 'kurz';
    const raten = RATEN[typ];
    const fluchtkontext = r() < 0.035;
    // Refugees enter from mid-2015 on, once recognised.
    const fruehestens = fluchtkontext ? Math.max(beginn, 2015 * 12 + 6 + ganz(0, 18)) : beginn;

    // Month-by-month simulation of receipt.
    const imBezug: boolean[] = [];
    let drin = !fluchtkontext && r() < raten.start;
    let dauer = drin ? ganz(0, 60) : 0;
    for (let m = beginn; m <= p.bis; m++) {
      const jahre = (m - p.von) / 12;
      if (m < fruehestens) drin = false;
      else if (drin) {
        // Exits get likelier with duration for the short types, and a little every year for all.
        const abgang = raten.abgang * (typ === 'dauer' ? 1.2 : 1.3) ** Math.max(0, jahre) * (typ !== 'dauer' && dauer < 6 ? 1.3 : 1);
        if (r() < abgang) { drin = false; dauer = 0; }
        else dauer++;
      } else if (m === fruehestens && fluchtkontext) {
        drin = true;
      } else if (r() < raten.zugang * 0.75 ** Math.max(0, jahre)) {
        drin = true;
        dauer = 0;
      }
      imBezug.push(drin);
    }
    const imFenster = imBezug.slice(p.von - beginn);
    if (!imFenster.some(Boolean)) continue; // only persons who appear in the extract

    const id = `K${String(++nummer).padStart(7, '0')}`;
    const geschlecht: SynthPerson['geschlecht'] = r() < 0.003 ? 'd' : r() < 0.5 ? 'w' : 'm';
    // Age at the end of the data: the programme's 13 % under 25, 63 % 25 to 54, 24 % 55 and older.
    // Receipt before the 15th birthday is Sozialgeld (NEF), so nobody is ELB before 15.
    const a = r();
    const jung = a < 0.03;
    const alter = jung ? ganz(15, 17) : a < 0.16 ? ganz(18, 24) : a < 0.79 ? ganz(25, 54) : ganz(55, 64);
    const geburtsjahr = bisJahr - alter;
    const geburtsmonat = ganz(1, 12);
    const geburtstag = ganz(1, tageImMonat(geburtsjahr, geburtsmonat));
    const geburtsdatum = tagNummer(geburtsjahr, geburtsmonat, geburtstag);
    const alleinerziehend = !jung && r() < (geschlecht === 'w' ? 0.16 : 0.015);
    const fuenfzehn = tagNummer(geburtsjahr + 15, geburtsmonat, geburtstag); // 29 Feb → 1 Mar

    // Spells → day ranges: entry on a random day of the first month, exit on a random day of the last.
    const zeitraeume: SynthPerson['zeitraeume'] = [];
    const monate: number[] = [];
    const nefMonate: number[] = [];
    const ereignisse: SynthPerson['ereignisse'] = [];
    const massnahmen: SynthPerson['massnahmen'] = [];
    const u25 = (tag: number) => tag < tagNummer(geburtsjahr + 25, geburtsmonat, geburtstag);
    const chance = fluchtkontext ? 0.6 : 1;
    for (let i = 0; i < imBezug.length; i++) {
      if (!imBezug[i] || (i > 0 && imBezug[i - 1])) continue;
      let j = i;
      while (j + 1 < imBezug.length && imBezug[j + 1]) j++;
      const mVon = beginn + i, mBis = beginn + j;
      if (mBis < p.von) continue;
      const t = monatTeile(mVon);
      const tb = monatTeile(mBis);
      let von = tagNummer(t.jahr, t.monat, r() < 0.5 ? 1 : ganz(1, 28));
      const offen = mBis === p.bis;
      const bis = offen ? null : tagNummer(tb.jahr, tb.monat, r() < 0.5 ? tageImMonat(tb.jahr, tb.monat) : ganz(1, 28));
      von = Math.max(von, datenBeginn);
      if (bis !== null && bis < von) continue;
      if (von < fuenfzehn) {
        // Sozialgeld until the day before the 15th birthday, then ELB.
        const nefBis = bis === null ? fuenfzehn - 1 : Math.min(bis, fuenfzehn - 1);
        zeitraeume.push({ beginn: von, ende: nefBis, status: 'NEF' });
        if (bis === null || bis >= fuenfzehn) zeitraeume.push({ beginn: fuenfzehn, ende: bis, status: 'ELB' });
      } else zeitraeume.push({ beginn: von, ende: bis, status: 'ELB' });
      let massnahmeBis = -1;
      for (let m = Math.max(mVon, p.von); m <= mBis; m++) {
        if (ersterTag(m) < fuenfzehn) {
          nefMonate.push(m);
          continue;
        }
        monate.push(m); // month form: ELB from the first whole month
        // While in receipt: jobs that do not end receipt (Aufstocker), minor and publicly funded jobs, measures.
        if (r2() < 0.0035 * chance) ereignisse.push({ datum: tagIm(m), art: 'SVB', kontinuierlich: r2() < 0.45, bedarfsdeckend: false });
        if (r2() < 0.004) ereignisse.push({ datum: tagIm(m), art: 'GERING', kontinuierlich: false, bedarfsdeckend: false });
        if (r2() < (typ === 'dauer' ? 0.004 : 0.0025)) ereignisse.push({ datum: tagIm(m), art: 'OEFG', kontinuierlich: false, bedarfsdeckend: false });
        if (m > massnahmeBis && r2() < (typ === 'dauer' ? 0.016 : 0.012)) {
          const beginnM = tagIm(m);
          massnahmeBis = Math.min(m + ganz2(2, 11), mBis);
          const ende = massnahmeBis === p.bis ? null : bis === null ? tagIm(massnahmeBis) : Math.min(tagIm(massnahmeBis), bis);
          massnahmen.push({ beginn: beginnM, ende: ende !== null && ende < beginnM ? beginnM : ende, art: ['AGH', 'FbW', 'MAT', 'EGZ'][ganz2(0, 3)] });
        }
      }
      // Most exits from receipt follow a job or an apprenticeship that starts a few days before.
      if (bis !== null && bis >= fuenfzehn && r2() < 0.62 * chance) {
        const z = r2();
        const art: Art = u25(bis) && z < 0.3 ? 'AUSB' : z < 0.88 ? 'SVB' : z < 0.96 ? 'SELB' : 'AUSB';
        const datum = Math.max(bis - ganz2(0, 20), von);
        if (datum >= datenBeginn) ereignisse.push({ datum, art, kontinuierlich: r2() < 0.6, bedarfsdeckend: r2() < 0.75 });
      }
    }
    ereignisse.sort((a, b) => a.datum - b.datum);
    const llu = Math.round(382 * (0.7 + 0.5 * r2()) * (alleinerziehend ? 1.12 : 1) * 100) / 100;
    const luh = Math.round((200 + 200 * r2()) * 100) / 100;
    yield { id, geschlecht, geburtsdatum, alleinerziehend, fluchtkontext, zeitraeume, monate, nefMonate, ereignisse, massnahmen, llu, luh };
  }
}

/** Regelbedarf of a single adult (Regelbedarfsstufe 1) by year, relative to 2013 (382 €). */
const REGELBEDARF: Record<number, number> = { 2013: 382, 2014: 391, 2015: 399, 2016: 404, 2017: 409, 2018: 416 };
export const lluFaktor = (monat: number) => (REGELBEDARF[monatTeile(monat).jahr] ?? 416) / 382;
export const luhFaktor = (monat: number) => 1 + 0.015 * (monatTeile(monat).jahr - 2013);
/** Sozialgeld of a child, before its 15th birthday. */
export const SOZIALGELD = 250;

/**
 * Columns for the local goals of the Arbeitsmarktprogramm (its chapter 3.2), per month: youth
 * unemployment (alo_u25 of ep_u25), exits of long-term unemployed and of severely disabled people
 * into work, and spending against the budget for integration benefits (EGL 2016: 7,055,291 €,
 * 2017: 6,316,348 €, the programme's table 4.1).
 */
export function lokaleZiele(seed: number, von: number, bis: number): { monat: number; werte: Record<string, number> }[] {
  const r = zufall(seed ^ 0x51ed27);
  const budget: Record<number, number> = { 2015: 7_300_000, 2016: 7_055_291, 2017: 6_316_348 };
  const aus: { monat: number; werte: Record<string, number> }[] = [];
  for (let m = von; m <= bis; m++) {
    const { jahr, monat } = monatTeile(m);
    const jahre = jahr - 2015;
    const ep = Math.round(6400 * (1 - 0.02 * jahre) + 40 * (r() - 0.5));
    const saison = monat >= 7 && monat <= 9 ? 1.12 : 1;
    const alo = Math.round(ep * (0.031 + 0.001 * jahre) * saison * (0.96 + 0.08 * r()));
    const lza = Math.round((31 + 2.5 * jahre) * (0.8 + 0.4 * r()));
    const sbm = r() < 0.12 ? 0 : Math.round((2.4 + 0.2 * jahre) * (0.6 + 0.8 * r()));
    const monatsbudget = Math.round(((budget[jahr] ?? 6_316_348) / 12) * 100) / 100;
    const ausgaben = Math.round(monatsbudget * (0.9 + 0.12 * r()) * 100) / 100;
    aus.push({ monat: m, werte: { alo_u25: alo, ep_u25: ep, abgaenge_lza: lza, abgaenge_sbm: sbm, egl_ausgaben: ausgaben, egl_budget: monatsbudget } });
  }
  return aus;
}
