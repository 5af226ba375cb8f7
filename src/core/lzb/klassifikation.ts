// LZB classification per Stichtag (docs/vertrag.md §4.1): stocks of ELB and LZB, their flows between
// consecutive Stichtage, the four-year LZB, the transition segment and the six-month forecast,
// optionally broken down by a person attribute. A month whose window reaches back before the
// data begin is not computable, and says so — it is never counted short.

import type { Gruppierung } from '../merkmale.js';
import { einheitenIn, neueLaeufe, type Laufquelle } from '../zeitlinien.js';
import { PROGNOSE_MONATE, type LzbRegel } from './regel.js';
import { neuerStatus, statusDerPerson, stichtage, type Abdeckung, type Berechenbar, type Grund } from './stichtage.js';

export type { Abdeckung, Grund };

export interface LzbAuftrag {
  regel: LzbRegel;
  von: number;
  bis: number;
  abdeckung: Abdeckung;
  gruppierung?: Gruppierung;
  /** Month for which to return the per-person list (the persons in the ELB stock on its Stichtag). */
  listeFuer?: number;
}

export interface LzbZaehler {
  elb: number | null;
  elb_zugaenge: number | null;
  elb_abgaenge: number | null;
  lzb: number | null;
  lzb_zugaenge: number | null;
  lzb_abgaenge: number | null;
  lzb_4_jahre: number | null;
  uebergang: number | null;
  /** Cumulative: current ELB (not LZB) who would be LZB at the Stichtag of t+1 … t+6 if their receipt continued. */
  prognose: number[] | null;
}

export interface LzbMonat {
  monat: number;
  /** Stichtag as a calendar day. */
  stichtag: number;
  werte: LzbZaehler;
  gruppen: { gruppe: string; werte: LzbZaehler }[];
  nichtBerechenbar: Grund[];
}

export type Segment = 'lzb' | 'uebergang' | 'sonstige';

export interface LzbPerson {
  person: number;
  /** Units of receipt in the LZB window ending with the Stichtag. */
  einheiten: number;
  lzb: boolean;
  lzb4Jahre: boolean | null;
  segment: Segment;
  /** The month at whose Stichtag the person would be LZB if receipt continued (within the forecast horizon). */
  lzbAb: number | null;
}

export interface LzbErgebnis {
  monate: LzbMonat[];
  liste: LzbPerson[] | null;
}

// Counter slots per month and group.
const ELB = 0, ELB_ZU = 1, ELB_AB = 2, LZB = 3, LZB_ZU = 4, LZB_AB = 5, VIER = 6, UEB = 7, PROG = 8;
const SLOTS = PROG + PROGNOSE_MONATE;

/** What `zaehleKlassen` counts: counts per month and group slot, and the persons of the list month. */
export interface KlassenZaehlung {
  zaehler: Int32Array;
  liste: LzbPerson[] | null;
}

export function klassifiziere(z: Laufquelle, a: LzbAuftrag): LzbErgebnis {
  return klassenAus(a, zaehleKlassen(z, a));
}

/**
 * The counts of `klassifiziere`, of the persons before `bisPerson` only (default: all). They are
 * sums over persons: a second thread counts the rest, as a part numbered from 0, and the counts add up.
 */
export function zaehleKlassen(z: Laufquelle, a: LzbAuftrag, bisPerson = z.anzahlPersonen): KlassenZaehlung {
  const { regel, von, bis, gruppierung } = a;
  if (bis < von) throw new RangeError('bis liegt vor von');
  const nMonate = bis - von + 1;
  const breite = breiteVon(a);
  // Counts of persons: whole numbers below 2³¹, so integer adds.
  const zaehler = new Int32Array(nMonate * breite);

  // Per month (index 0 is the month before `von`, needed for the flows of the first month).
  const st = stichtage(regel, a.abdeckung, von - 1, bis);
  const { monate, stichtag, stichtagDatum } = st;
  // S(t+1) … S(t+6) for every month t, flat (t · 6 + k), for the loop over millions of persons.
  const prognoseStichtag = Int32Array.from(monate.flatMap((m) => Array.from({ length: PROGNOSE_MONATE }, (_, k) => regel.stichtag(m + k + 1))));
  const { lzb: okLzb, elbBewegungen: okElbBew, lzbBewegungen: okLzbBew, vierJahre: okVier } = st.flagge;
  const W = regel.lzb.fenster, MIN = regel.lzb.mindestens;
  const W4 = regel.vierJahre.fenster, MIN4 = regel.vierJahre.mindestens;
  const { ab: uebAb, bis: uebBis } = regel.uebergang;
  const listenIndex = a.listeFuer === undefined ? -1 : a.listeFuer - von + 1;
  const liste: LzbPerson[] | null = listenIndex >= 1 && listenIndex <= nMonate && st.ok[listenIndex].lzb ? [] : null;

  // Counts a person in the total and, with a breakdown, in their group.
  const zaehle = (basis: number, g: number, slot: number) => {
    zaehler[basis + slot]++;
    if (g >= 0) zaehler[basis + (1 + g) * SLOTS + slot]++;
  };

  const status = neuerStatus(nMonate + 1);
  const laeufe = neueLaeufe();
  const ersterStichtag = stichtag[0], letzterStichtag = stichtag[nMonate];
  for (let p = 0; p < Math.min(bisPerson, z.anzahlPersonen); p++) {
    const nLaeufe = z.kopiere(p, laeufe);
    // Nobody counts who is in receipt at none of the Stichtage: no stock, no flow, no forecast.
    if (nLaeufe === 0 || laeufe.bis[nLaeufe - 1] < ersterStichtag || laeufe.von[0] > letzterStichtag) continue;
    statusDerPerson(laeufe, nLaeufe, st, regel, status);
    for (let i = 1; i <= nMonate; i++) {
      const elb = status.elb[i] === 1, elbVor = status.elb[i - 1] === 1;
      if (!elb && !elbVor) continue;
      const s = stichtag[i];
      const lzb = status.lzb[i] === 1, lzbVor = status.lzb[i - 1] === 1;
      const einheiten = status.einheiten[i];
      const basis = (i - 1) * breite;
      const g = gruppierung ? gruppierung.gruppeVon(p, stichtagDatum[i]) : -1;
      if (elb) zaehle(basis, g, ELB);
      if (okElbBew[i] === 1) {
        if (elb && !elbVor) zaehle(basis, g, ELB_ZU);
        else if (!elb && elbVor) zaehle(basis, g, ELB_AB);
      }
      if (lzb) zaehle(basis, g, LZB);
      if (okLzbBew[i] === 1) {
        if (lzb && !lzbVor) zaehle(basis, g, LZB_ZU);
        else if (!lzb && lzbVor) zaehle(basis, g, LZB_AB);
      }
      let vier: boolean | null = null;
      if (lzb && okVier[i] === 1) {
        vier = einheitenIn(laeufe, nLaeufe, s - W4 + 1, s) >= MIN4;
        if (vier) zaehle(basis, g, VIER);
      }
      let lzbAb: number | null = null;
      if (elb && okLzb[i] === 1 && !lzb) {
        if (einheiten >= uebAb && einheiten <= uebBis) zaehle(basis, g, UEB);
        // Forecast: receipt in the data up to the Stichtag, then unbroken receipt until S(t+k).
        // Even keeping every unit and gaining every day to S(t+6) is not enough for most: skip them.
        const p0 = i * PROGNOSE_MONATE;
        const letzterPrognoseStichtag = prognoseStichtag[p0 + PROGNOSE_MONATE - 1];
        for (let k = einheiten + (letzterPrognoseStichtag - s) < MIN ? PROGNOSE_MONATE : 0; k < PROGNOSE_MONATE; k++) {
          const sk = prognoseStichtag[p0 + k];
          if (einheitenIn(laeufe, nLaeufe, sk - W + 1, s) + (sk - s) >= MIN) {
            lzbAb = monate[i] + k + 1;
            for (let j = k; j < PROGNOSE_MONATE; j++) zaehle(basis, g, PROG + j);
            break;
          }
        }
      }
      if (liste && i === listenIndex && elb) {
        const segment: Segment = lzb ? 'lzb' : einheiten >= uebAb && einheiten <= uebBis ? 'uebergang' : 'sonstige';
        liste.push({ person: p, einheiten, lzb, lzb4Jahre: lzb ? vier : okVier[i] === 1 ? false : null, segment, lzbAb });
      }
    }
  }

  return { zaehler, liste };
}

/** Slots per month: the total's, then each group's. */
const breiteVon = (a: LzbAuftrag) => (1 + (a.gruppierung ? a.gruppierung.gruppen.length : 0)) * SLOTS;

/** The result from the counts (`zaehleKlassen`): a month's values, or null where it is not computable. */
export function klassenAus(a: LzbAuftrag, { zaehler, liste }: KlassenZaehlung): LzbErgebnis {
  const { gruppierung } = a;
  const breite = breiteVon(a);
  const st = stichtage(a.regel, a.abdeckung, a.von - 1, a.bis);
  const { monate, stichtagDatum } = st;
  const werte = (basis: number, ok: Berechenbar): LzbZaehler => {
    const w = (slot: number, gilt: boolean) => (gilt ? zaehler[basis + slot] : null);
    return {
      elb: w(ELB, ok.elb),
      elb_zugaenge: w(ELB_ZU, ok.elbBewegungen),
      elb_abgaenge: w(ELB_AB, ok.elbBewegungen),
      lzb: w(LZB, ok.lzb),
      lzb_zugaenge: w(LZB_ZU, ok.lzbBewegungen),
      lzb_abgaenge: w(LZB_AB, ok.lzbBewegungen),
      lzb_4_jahre: w(VIER, ok.vierJahre),
      uebergang: w(UEB, ok.lzb),
      prognose: ok.lzb ? Array.from({ length: PROGNOSE_MONATE }, (_, k) => zaehler[basis + PROG + k]) : null,
    };
  };

  return {
    monate: monate.slice(1).map((monat, j) => {
      const ok = st.ok[j + 1], gruende = st.gruende[j + 1];
      const basis = j * breite;
      return {
        monat,
        stichtag: stichtagDatum[j + 1],
        werte: werte(basis, ok),
        gruppen: (gruppierung?.gruppen ?? []).map((gruppe, g) => ({ gruppe, werte: werte(basis + (1 + g) * SLOTS, ok) })),
        nichtBerechenbar: gruende,
      };
    }),
    liste,
  };
}
