// A Jobcenter among its peers (issue 12; docs/vertrag.md §4.5): for one indicator and one window,
// its value, its rank and quartile in the peer group, the peers' median, minimum and maximum, and
// the group's aggregate from summed numerators and denominators (never a mean of rates). Pure: the
// series come in, the comparison goes out.

import type { Hinweis } from '../hinweis.js';
import { ausBruch, berechne, type Berechnung } from '../kennzahlen/berechnung.js';
import type { Definition } from '../kennzahlen/definitionen.js';
import { januarVon } from '../kennzahlen/kennzahlen.js';
import type { Reihe } from '../monatswerte/monatswerte.js';

/** A Jobcenter of the comparison: its key (text, leading zeros kept) and one group's series. */
export interface Einheit {
  schluessel: string;
  reihe: Reihe | undefined;
}

/** A unit left out of an aggregate, and why (its inputs are not complete for the window). */
export interface Ausgelassen {
  schluessel: string;
  hinweis: Hinweis[] | null;
}

/** Summed numerators and denominators of the units complete for the window, and the units left out. */
export interface Aggregat {
  berechnung: Berechnung | null;
  einheiten: number;
  ausgelassen: Ausgelassen[];
}

export interface Vergleichswert {
  eigen: Berechnung;
  /** 1 = best in the indicator's good direction (neutral ones: the largest value first); ties share a rank. Null: own value not computable. */
  rang: number | null;
  /** Peers with a computable value: the n of `rang/n`. */
  bewertet: number;
  /** ⌈4·rang/n⌉: 1 is the best quarter; null with fewer than four values (no quarters to tell). */
  quartil: 1 | 2 | 3 | 4 | null;
  median: number | null;
  min: number | null;
  max: number | null;
  /** Own value minus the peers' median, in points. */
  abstandMedian: number | null;
  aggregat: Aggregat;
  /** Every peer's value and rank, in the peers' order (the whole matrix, for tables and charts). */
  einheiten: { schluessel: string; berechnung: Berechnung; rang: number | null }[];
}

/** The window of an indicator's monthly value (t−11 … t or t) or of its year-to-date value (January … t). */
export function fenster(d: Definition, t: number, art: 'monat' | 'jfw'): [number, number] {
  return art === 'monat' ? [t - d.monate + 1, t] : [januarVon(t), t];
}

/** A unit's indicator over one window. */
export interface Einheitswert {
  schluessel: string;
  berechnung: Berechnung;
}

/** Every unit's indicator over the window von … bis, computed once for ranking and aggregates alike. */
export const berechneAlle = (d: Definition, einheiten: readonly Einheit[], spalten: ReadonlySet<string>, von: number, bis: number): Einheitswert[] =>
  einheiten.map((e) => ({ schluessel: e.schluessel, berechnung: berechne(d.formel, e.reihe, spalten, von, bis) }));

/**
 * The aggregate of `einheiten` over the window: their numerators and denominators summed, over the
 * units whose own numerator and denominator exist (a suppressed or missing month leaves a unit out,
 * named with the reason). Null when no unit is complete.
 */
export function aggregat(d: Definition, einheiten: readonly Einheit[], spalten: ReadonlySet<string>, von: number, bis: number): Aggregat {
  return aggregatAus(d, berechneAlle(d, einheiten, spalten, von, bis));
}

/** The aggregate of units whose indicators are computed (`berechneAlle`). */
export function aggregatAus(d: Definition, werte: readonly Einheitswert[]): Aggregat {
  let zaehler = 0, nenner = 0, n = 0;
  let fenster: Berechnung['fenster'] | null = null;
  const ausgelassen: Ausgelassen[] = [];
  for (const { schluessel, berechnung: b } of werte) {
    if (b.zaehler === null || b.nenner === null) {
      ausgelassen.push({ schluessel, hinweis: b.hinweis });
      continue;
    }
    zaehler += b.zaehler;
    nenner += b.nenner;
    fenster = b.fenster;
    n++;
  }
  return { berechnung: fenster ? ausBruch(d.formel, zaehler, nenner, fenster) : null, einheiten: n, ausgelassen };
}

/** Values equal but for the last bits of floating point (55/50 and 110/100) are one value: a tie. */
export const gleichwertig = (a: number, b: number): boolean => Math.abs(a - b) <= 1e-12 * Math.max(1, Math.abs(a), Math.abs(b));

/** The values a median of sorted values rests on: the middle one, or the two middle ones (none of none). */
export function mitte(sortiert: readonly number[]): number[] {
  const n = sortiert.length;
  if (!n) return [];
  return n % 2 ? [sortiert[(n - 1) / 2]] : [sortiert[n / 2 - 1], sortiert[n / 2]];
}

/** The median of sorted values: the middle one, or the mean of the two middle ones. */
export function median(sortiert: readonly number[]): number | null {
  const m = mitte(sortiert);
  return m.length === 0 ? null : m.length === 1 ? m[0] : (m[0] + m[1]) / 2;
}

/**
 * `eigen` among `peers` (which include it) for indicator `d` over the window von … bis. Peers
 * without a computable value are not ranked; they and those with incomplete inputs are named in the
 * aggregate's `ausgelassen` where they are left out of it.
 */
export function vergleiche(d: Definition, eigen: string, peers: readonly Einheit[], spalten: ReadonlySet<string>, von: number, bis: number): Vergleichswert {
  return vergleicheWerte(d, eigen, berechneAlle(d, peers, spalten, von, bis));
}

/** `vergleiche` on the peers' computed indicators (`berechneAlle`), in the peers' order. */
export function vergleicheWerte(d: Definition, eigen: string, peers: readonly Einheitswert[]): Vergleichswert {
  const eigenWert = peers.find((p) => p.schluessel === eigen)?.berechnung;
  if (!eigenWert) throw new Error(`vergleiche: ${eigen} ist nicht unter den Vergleichseinheiten`);
  const gueltig = peers.map((p) => p.berechnung.wert).filter((w): w is number => w !== null);
  const sortiert = [...gueltig].sort((a, b) => a - b);
  // Better: lower where falling is good, higher otherwise (neutral: ranked by value, largest first).
  const besser = (a: number, b: number) => !gleichwertig(a, b) && (d.richtung === 'runter' ? a < b : a > b);
  // Sorted best first: a value's rank is 1 + the number of values before it that are better.
  const besteZuerst = [...gueltig].sort((a, b) => (besser(a, b) ? -1 : besser(b, a) ? 1 : 0));
  const rangVon = (w: number | null): number | null => {
    if (w === null) return null;
    let n = 0;
    while (n < besteZuerst.length && besser(besteZuerst[n], w)) n++;
    return n + 1;
  };
  const w = eigenWert.wert;
  const rang = rangVon(w);
  const n = gueltig.length;
  const m = median(sortiert);
  return {
    eigen: eigenWert,
    rang,
    bewertet: n,
    quartil: rang === null || n < 4 ? null : (Math.ceil((4 * rang) / n) as 1 | 2 | 3 | 4),
    median: m,
    min: n ? sortiert[0] : null,
    max: n ? sortiert[n - 1] : null,
    abstandMedian: w === null || m === null ? null : w - m,
    aggregat: aggregatAus(d, peers),
    einheiten: peers.map((p) => ({ ...p, rang: rangVon(p.berechnung.wert) })),
  };
}

/** A Jobcenter's structure at the Berichtsmonat: one value per feature (null where it has none). */
export interface Struktur {
  schluessel: string;
  werte: (number | null)[];
}

/**
 * The k Jobcenters closest to `eigen` in structure (issue 12's nearest neighbours): each feature
 * standardised over all units that have every feature (z = (x − mean) / standard deviation; a
 * feature that does not vary counts for nothing), then the Euclidean distance; ties in distance in
 * the order of the keys. Units lacking a feature are left out and returned as such.
 */
export function naechsteNachbarn(eigen: string, einheiten: readonly Struktur[], k: number): { nachbarn: { schluessel: string; abstand: number }[]; ohneWerte: string[] } {
  const ohneWerte = einheiten.filter((e) => e.werte.some((w) => w === null)).map((e) => e.schluessel);
  const mit = einheiten.filter((e) => e.werte.every((w) => w !== null)) as { schluessel: string; werte: number[] }[];
  const selbst = mit.find((e) => e.schluessel === eigen);
  if (!selbst) return { nachbarn: [], ohneWerte };
  const n = mit.length;
  const m = selbst.werte.length;
  const mittel = Array.from({ length: m }, (_, j) => mit.reduce((s, e) => s + e.werte[j], 0) / n);
  const sd = Array.from({ length: m }, (_, j) => Math.sqrt(mit.reduce((s, e) => s + (e.werte[j] - mittel[j]) ** 2, 0) / n));
  const z = (e: { werte: number[] }) => e.werte.map((w, j) => (sd[j] > 0 ? (w - mittel[j]) / sd[j] : 0));
  const zi = z(selbst);
  const nachbarn = mit
    .filter((e) => e.schluessel !== eigen)
    .map((e) => ({ schluessel: e.schluessel, abstand: Math.sqrt(z(e).reduce((s, v, j) => s + (v - zi[j]) ** 2, 0)) }))
    .sort((a, b) => a.abstand - b.abstand || (a.schluessel < b.schluessel ? -1 : a.schluessel > b.schluessel ? 1 : 0))
    .slice(0, k);
  return { nachbarn, ohneWerte };
}
