// The Stichtage of a run of months, what the data allow to compute at each of them, and a
// person's ELB/LZB status there. Shared by the LZB classification and the aggregation into
// Monatswerte, so that both count LZB by one definition.

import { ersterTag, letzterTag, monatVonTag } from '../kalender.js';
import { einheitenIn, enthaelt, type Laeufe } from '../zeitlinien.js';
import type { LzbRegel } from './regel.js';

export interface Abdeckung {
  /** First unit the data cover (earliest date in the extract, or as declared). */
  datenAb: number;
  /** Last unit the data describe (the Datenstand). */
  datenstand: number;
}

/** Why part of a month is not computable. Units are those of the rule (days or months). */
export type Grund =
  | { art: 'nach_datenstand'; stichtag: number; datenstand: number }
  | { art: 'vor_datenbeginn'; betrifft: 'elb' | 'elb_bewegungen' | 'lzb' | 'lzb_bewegungen' | 'lzb_4_jahre'; fensterBeginn: number; datenAb: number };

/**
 * A declared day in the rule's units. In the monthly form a day means its month; a data begin
 * after the 1st leaves that month incomplete, so coverage starts with the next.
 */
export function alsEinheit(regel: LzbRegel, tag: number, beginn: boolean): number {
  if (regel.einheit === 'tag') return tag;
  const m = monatVonTag(tag);
  return beginn && tag !== ersterTag(m) ? m + 1 : m;
}

/** The first and last day the coverage spans. */
export function abdeckungInTagen(regel: LzbRegel, a: Abdeckung): { ab: number; bis: number } {
  return regel.einheit === 'tag' ? { ab: a.datenAb, bis: a.datenstand } : { ab: ersterTag(a.datenAb), bis: letzterTag(a.datenstand) };
}

/** The latest month whose Stichtag lies on or before the Datenstand. */
export function letzterMonat(regel: LzbRegel, abdeckung: Abdeckung): number {
  let m = regel.einheit === 'tag' ? monatVonTag(abdeckung.datenstand) : abdeckung.datenstand;
  while (regel.stichtag(m) > abdeckung.datenstand) m--;
  return m;
}

export interface Berechenbar {
  elb: boolean;
  elbBewegungen: boolean;
  lzb: boolean;
  lzbBewegungen: boolean;
  vierJahre: boolean;
}

export function berechenbarkeit(regel: LzbRegel, abdeckung: Abdeckung, monat: number): { ok: Berechenbar; gruende: Grund[] } {
  const s = regel.stichtag(monat);
  const vor = regel.stichtag(monat - 1);
  const gruende: Grund[] = [];
  const beginnt = (betrifft: Extract<Grund, { art: 'vor_datenbeginn' }>['betrifft'], fensterBeginn: number) => {
    const gedeckt = fensterBeginn >= abdeckung.datenAb;
    if (!gedeckt) gruende.push({ art: 'vor_datenbeginn', betrifft, fensterBeginn, datenAb: abdeckung.datenAb });
    return gedeckt;
  };
  if (s > abdeckung.datenstand) {
    gruende.push({ art: 'nach_datenstand', stichtag: s, datenstand: abdeckung.datenstand });
    return { ok: { elb: false, elbBewegungen: false, lzb: false, lzbBewegungen: false, vierJahre: false }, gruende };
  }
  const elb = beginnt('elb', s);
  const elbBewegungen = elb && beginnt('elb_bewegungen', vor);
  const lzb = elb && beginnt('lzb', s - regel.lzb.fenster + 1);
  const lzbBewegungen = lzb && beginnt('lzb_bewegungen', vor - regel.lzb.fenster + 1);
  const vierJahre = lzb && beginnt('lzb_4_jahre', s - regel.vierJahre.fenster + 1);
  return { ok: { elb, elbBewegungen, lzb, lzbBewegungen, vierJahre }, gruende };
}

export interface Stichtage {
  monate: number[];
  /** In the rule's units. */
  stichtag: Int32Array;
  /** As calendar days. */
  stichtagDatum: number[];
  ok: Berechenbar[];
  gruende: Grund[][];
  /** `ok` as one flat array per kind (1 = computable), for the loops over millions of persons. */
  flagge: Record<keyof Berechenbar, Uint8Array>;
}

export function stichtage(regel: LzbRegel, abdeckung: Abdeckung, von: number, bis: number): Stichtage {
  const monate = Array.from({ length: bis - von + 1 }, (_, i) => von + i);
  const info = monate.map((m) => berechenbarkeit(regel, abdeckung, m));
  const flagge = (art: keyof Berechenbar) => Uint8Array.from(info, (i) => (i.ok[art] ? 1 : 0));
  return {
    monate,
    stichtag: Int32Array.from(monate, (m) => regel.stichtag(m)),
    stichtagDatum: monate.map((m) => regel.stichtagDatum(m)),
    ok: info.map((i) => i.ok),
    gruende: info.map((i) => i.gruende),
    flagge: {
      elb: flagge('elb'), elbBewegungen: flagge('elbBewegungen'), lzb: flagge('lzb'), lzbBewegungen: flagge('lzbBewegungen'), vierJahre: flagge('vierJahre'),
    },
  };
}

/** A person's status at every Stichtag: ELB, LZB, and the units of receipt in the LZB window (0 unless ELB). */
export interface Status {
  elb: Uint8Array;
  lzb: Uint8Array;
  einheiten: Int32Array;
}

export const neuerStatus = (n: number): Status => ({ elb: new Uint8Array(n), lzb: new Uint8Array(n), einheiten: new Int32Array(n) });

/** Fills `status` for one person from their k runs; a Stichtag that is not computable leaves ELB and LZB false. */
export function statusDerPerson(l: Laeufe, k: number, st: Stichtage, regel: LzbRegel, status: Status): void {
  const W = regel.lzb.fenster, MIN = regel.lzb.mindestens;
  const { stichtag } = st;
  const { elb: okElb, lzb: okLzb } = st.flagge;
  const n = stichtag.length;
  if (k === 1) {
    // Most persons have one unbroken run v…e: ELB on s means v ≤ s ≤ e, and the window's units are
    // then those from the later of v and the window's first unit up to s.
    const v = l.von[0], e = l.bis[0];
    for (let i = 0; i < n; i++) {
      const s = stichtag[i];
      const elb = okElb[i] === 1 && v <= s && s <= e;
      const a = s - W + 1;
      const einheiten = elb && okLzb[i] === 1 ? s - (v > a ? v : a) + 1 : 0;
      status.elb[i] = elb ? 1 : 0;
      status.einheiten[i] = einheiten;
      status.lzb[i] = einheiten >= MIN ? 1 : 0;
    }
    return;
  }
  for (let i = 0; i < n; i++) {
    const s = stichtag[i];
    const elb = okElb[i] === 1 && enthaelt(l, k, s);
    const einheiten = elb && okLzb[i] === 1 ? einheitenIn(l, k, s - W + 1, s) : 0;
    status.elb[i] = elb ? 1 : 0;
    status.einheiten[i] = einheiten;
    status.lzb[i] = einheiten >= MIN ? 1 : 0;
  }
}
