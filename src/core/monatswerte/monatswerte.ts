// Monatswerte: the monthly aggregates every indicator is computed from (docs/vertrag.md §3), one series per
// group. A cell is a number or says why it is none: suppressed (`*` in a BA table) or missing
// (`x`, `.`, an empty cell, or not computable from person-level data). Never a silent zero.

import type { FehltGrund, Hinweis } from '../hinweis.js';

export const MONATSWERTE_SPALTEN = [
  'elb', 'elb_zugaenge', 'elb_abgaenge',
  'lzb', 'lzb_zugaenge', 'lzb_abgaenge', 'lzb_aktiviert',
  'integrationen', 'integrationen_lzb', 'integrationen_ae', 'elb_ae',
  'eintritte_geringfuegig', 'eintritte_oeffentlich', 'integrationen_kontinuierlich',
  'llu', 'luh',
] as const;
export type StandardSpalte = (typeof MONATSWERTE_SPALTEN)[number];

/** The euro sums among them; every other standard column counts persons or events. */
export const BETRAGS_SPALTEN: ReadonlySet<string> = new Set(['llu', 'luh']);

export type Wert = number | { art: 'gesperrt' } | { art: 'fehlt'; grund?: FehltGrund };

export const GESPERRT: Wert = { art: 'gesperrt' };
export const fehlt = (grund?: FehltGrund): Wert => (grund ? { art: 'fehlt', grund } : { art: 'fehlt' });

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
  private fehlend = new Map<string, { fehlt: number[]; gesperrt: number[]; gruende: Set<FehltGrund> }>();

  constructor(
    private readonly reihe: Reihe | undefined,
    private readonly spalten: ReadonlySet<string>,
  ) {}

  private merke(spalte: string, monat: number, art: 'fehlt' | 'gesperrt', grund?: FehltGrund): null {
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

  /** What was missing or suppressed, per column, in the order first met; null when nothing. */
  hinweis(): Hinweis[] | null {
    if (!this.fehlend.size) return null;
    const aus: Hinweis[] = [];
    for (const [spalte, f] of this.fehlend) {
      if (!this.spalten.has(spalte)) aus.push({ art: 'spalte_fehlt', spalte });
      else {
        if (f.fehlt.length) aus.push({ art: 'monate_fehlen', spalte, monate: [...new Set(f.fehlt)].sort((a, b) => a - b), gruende: [...f.gruende] });
        if (f.gesperrt.length) aus.push({ art: 'gesperrt', spalte, monate: [...new Set(f.gesperrt)].sort((a, b) => a - b) });
      }
    }
    return aus;
  }
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
