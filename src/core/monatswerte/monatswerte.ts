// Monatswerte: the monthly aggregates every indicator is computed from (SPEC §3), one series per
// group. A cell is a number or says why it is none: suppressed (`*` in a BA table) or missing
// (`x`, `.`, an empty cell, or not computable from person-level data). Never a silent zero.

import { isoMonat } from '../kalender.js';

export const MONATSWERTE_SPALTEN = [
  'elb', 'elb_zugaenge', 'elb_abgaenge',
  'lzb', 'lzb_zugaenge', 'lzb_abgaenge', 'lzb_aktiviert',
  'integrationen', 'integrationen_lzb', 'integrationen_ae', 'elb_ae',
  'eintritte_geringfuegig', 'eintritte_oeffentlich', 'integrationen_kontinuierlich',
  'llu', 'luh',
] as const;
export type StandardSpalte = (typeof MONATSWERTE_SPALTEN)[number];

export type Wert = number | { art: 'gesperrt' } | { art: 'fehlt'; grund?: string };

export const GESPERRT: Wert = { art: 'gesperrt' };
export const fehlt = (grund?: string): Wert => (grund ? { art: 'fehlt', grund } : { art: 'fehlt' });

/** One group's months: month index → column → value. */
export type Reihe = Map<number, Map<string, Wert>>;

export interface Monatswerte {
  /** Columns the table has (a column that is absent makes its indicators not computable). */
  spalten: string[];
  /** `gesamt` and, with a breakdown, one series per group. */
  gruppen: Map<string, Reihe>;
}

export function setze(reihe: Reihe, monat: number, spalte: string, wert: Wert): void {
  let zeile = reihe.get(monat);
  if (!zeile) reihe.set(monat, (zeile = new Map()));
  zeile.set(spalte, wert);
}

/**
 * Reads values from a series and remembers everything it could not get, so that a result that is
 * not computable can name the columns and months at fault.
 */
export class Zugriff {
  private fehlend = new Map<string, { fehlt: number[]; gesperrt: number[]; gruende: Set<string> }>();

  constructor(
    private readonly reihe: Reihe | undefined,
    private readonly spalten: ReadonlySet<string>,
  ) {}

  private merke(spalte: string, monat: number, art: 'fehlt' | 'gesperrt', grund?: string): null {
    let f = this.fehlend.get(spalte);
    if (!f) this.fehlend.set(spalte, (f = { fehlt: [], gesperrt: [], gruende: new Set() }));
    f[art].push(monat);
    if (grund) f.gruende.add(grund);
    return null;
  }

  wert(spalte: string, monat: number): number | null {
    if (!this.spalten.has(spalte)) return this.merke(spalte, monat, 'fehlt');
    const w = this.reihe?.get(monat)?.get(spalte);
    if (typeof w === 'number') return w;
    if (w && w.art === 'gesperrt') return this.merke(spalte, monat, 'gesperrt');
    return this.merke(spalte, monat, 'fehlt', w?.grund);
  }

  /** Σ over von…bis; null if any month is missing (all missing months are remembered). */
  summe(spalte: string, von: number, bis: number): number | null {
    let s = 0;
    let ok = true;
    for (let m = von; m <= bis; m++) {
      const w = this.wert(spalte, m);
      if (w === null) ok = false;
      else s += w;
    }
    return ok ? s : null;
  }

  mittel(spalte: string, von: number, bis: number): number | null {
    const s = this.summe(spalte, von, bis);
    return s === null ? null : s / (bis - von + 1);
  }

  get vollstaendig(): boolean {
    return this.fehlend.size === 0;
  }

  /** E.g. "integrationen fehlt für 2016-03…2016-04; elb gesperrt (*) für 2016-05". */
  hinweis(): string | null {
    if (!this.fehlend.size) return null;
    const teile: string[] = [];
    for (const [spalte, f] of this.fehlend) {
      if (!this.spalten.has(spalte)) {
        teile.push(`Spalte ${spalte} fehlt`);
        continue;
      }
      if (f.fehlt.length) teile.push(`${spalte} fehlt für ${monatsliste(f.fehlt)}${f.gruende.size ? ` (${[...f.gruende].join('; ')})` : ''}`);
      if (f.gesperrt.length) teile.push(`${spalte} gesperrt (*) für ${monatsliste(f.gesperrt)}`);
    }
    return teile.join('; ');
  }
}

/** Sorted, de-duplicated months with runs compressed: `2016-01…2016-03, 2016-07`. */
export function monatsliste(monate: number[]): string {
  const m = [...new Set(monate)].sort((a, b) => a - b);
  const teile: string[] = [];
  for (let i = 0; i < m.length; i++) {
    let j = i;
    while (j + 1 < m.length && m[j + 1] === m[j] + 1) j++;
    teile.push(j > i ? `${isoMonat(m[i])}…${isoMonat(m[j])}` : isoMonat(m[i]));
    i = j;
  }
  return teile.join(', ');
}

/**
 * Monatswerte from person-level data, completed by columns only a Monatswerte file has (e.g. the
 * columns of local goals). A column both provide is a conflict: which one is right is not ours to guess.
 */
export function vereinige(a: Monatswerte, b: Monatswerte): Monatswerte | { konflikt: string[] } {
  const konflikt = b.spalten.filter((s) => a.spalten.includes(s));
  if (konflikt.length) return { konflikt };
  const gruppen = new Map<string, Reihe>();
  for (const name of new Set([...a.gruppen.keys(), ...b.gruppen.keys()])) {
    const reihe: Reihe = new Map();
    for (const quelle of [a.gruppen.get(name), b.gruppen.get(name)]) {
      for (const [monat, zeile] of quelle ?? []) for (const [s, w] of zeile) setze(reihe, monat, s, w);
    }
    gruppen.set(name, reihe);
  }
  return { spalten: [...a.spalten, ...b.spalten], gruppen };
}

/** The latest month with any value in the series. */
export function letzterMonatMitWerten(mw: Monatswerte): number | null {
  let letzter: number | null = null;
  for (const reihe of mw.gruppen.values()) for (const m of reihe.keys()) if (letzter === null || m > letzter) letzter = m;
  return letzter;
}
