// A synthetic Jobcenter, deterministic for a seed: persons with their benefit spells, simulated
// month by month with duration-dependent exit rates, so that (as in the seed's Jobcenter) about
// two thirds of the stock are long-term recipients and the stock falls by some per cent a year.
// Simulation starts four years before the data begin (burn-in); periods are clipped at the data
// begin, so the extract's earliest date is exactly where its coverage starts.

import { ersterTag, monatTeile, tageImMonat, tagNummer } from '../src/core/kalender.js';

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
    // Age at the end of the data: the seed's 13 % under 25, 63 % 25 to 54, 24 % 55 and older.
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
      for (let m = Math.max(mVon, p.von); m <= mBis; m++) {
        if (ersterTag(m) >= fuenfzehn) monate.push(m); // month form: ELB from the first whole month
      }
    }
    yield { id, geschlecht, geburtsdatum, alleinerziehend, fluchtkontext, zeitraeume, monate };
  }
}
