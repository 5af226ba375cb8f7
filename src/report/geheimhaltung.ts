// Disclosure control (`--suppress-below N`) for each report: the report's printed counts as cells,
// the relations a reader could use against them (totals and groups, stocks and flows, windows of
// months), and the one decision of src/core/geheimhaltung.ts that every format of the report then
// follows. Built once per report and threshold; without a threshold nothing is built and every
// count is shown.

import { empfindlich, Sperrmodell, type Sperrliste } from '../core/geheimhaltung.js';
import type { Berechnung } from '../core/kennzahlen/berechnung.js';
import type { Definition, Formel } from '../core/kennzahlen/definitionen.js';
import type { KennzahlWert } from '../core/kennzahlen/kennzahlen.js';
import type { LzbZaehler } from '../core/lzb/klassifikation.js';
import { PROGNOSE_MONATE } from '../core/lzb/regel.js';
import { GESCHLECHT_SCHLUESSEL, type Merkmal } from '../core/merkmale.js';
import { BETRAGS_SPALTEN, type Monatswerte, type Reihe } from '../core/monatswerte/monatswerte.js';
import type { ZielErgebnis } from '../core/ziele/ziele.js';
import type { Darstellung } from './darstellung.js';
import type { KennzahlenBericht } from './kennzahlen-bericht.js';
import type { LzbBericht } from './lzb-bericht.js';

/** One decision per report object and threshold, however many formats are written from it. */
function einmal<T>(cache: WeakMap<object, Map<number, T>>, bericht: object, unter: number, bilde: () => T): T {
  let je = cache.get(bericht);
  if (!je) cache.set(bericht, (je = new Map()));
  let s = je.get(unter);
  if (s === undefined) je.set(unter, (s = bilde()));
  return s;
}

// Stocks and the flows that move them from one Stichtag to the next: S(t) − S(t−1) = Zugänge(t) − Abgänge(t).
const BESTAENDE = [['elb', 'elb_zugaenge', 'elb_abgaenge'], ['lzb', 'lzb_zugaenge', 'lzb_abgaenge']] as const;

/**
 * A person's group at each Stichtag is the same for sex, single parenthood and refugee context,
 * so each group's stock moves only by its own flows. An age group is left by growing older without
 * any flow, so there the identity holds only for the total.
 */
const gruppenStabil = (nach: string | null) => nach !== ('altersgruppe' satisfies Merkmal);

/**
 * Stock–flow relations of one group over consecutive months. The stock before the first month is
 * printed nowhere but follows from the first month's stock and flows: an implicit cell.
 */
function bestandFluss(m: Sperrmodell, monate: readonly number[], schluessel: (monat: number, groesse: string) => string, wert: (monat: number, groesse: string) => number | null): void {
  for (const monat of monate) {
    for (const [b, zu, ab] of BESTAENDE) {
      const s = wert(monat, b), z = wert(monat, zu), a = wert(monat, ab);
      if (s === null || z === null || a === null) continue;
      const vor = schluessel(monat - 1, b);
      const vorWert = m.wert(vor);
      if (vorWert === undefined) m.zelle(vor, s - z + a, false);
      else if (vorWert !== s - z + a) continue;
      m.bedingung([[schluessel(monat, b), 1], [vor, -1], [schluessel(monat, zu), -1], [schluessel(monat, ab), 1]]);
    }
  }
}

// --- lzb ------------------------------------------------------------------------------------

const ZAEHLER = ['elb', 'elb_zugaenge', 'elb_abgaenge', 'lzb', 'lzb_zugaenge', 'lzb_abgaenge', 'lzb_4_jahre', 'uebergang'] as const;
type PrognoseGroesse = `prognose_${number}`;
export type LzbGroesse = (typeof ZAEHLER)[number] | PrognoseGroesse;

/** The forecast's count for month t+k+1, k counted from 0 as in the forecast's array (`prognose_1`: the month after t). */
export const prognoseGroesse = (k: number): PrognoseGroesse => `prognose_${k + 1}`;

/** One per month the forecast looks ahead: the CSV's columns and the cells withheld follow PROGNOSE_MONATE. */
export const PROGNOSE_GROESSEN: readonly PrognoseGroesse[] = Array.from({ length: PROGNOSE_MONATE }, (_, k) => prognoseGroesse(k));

const LZB_GROESSEN: readonly LzbGroesse[] = [...ZAEHLER, ...PROGNOSE_GROESSEN];

export function lzbWert(w: LzbZaehler, g: LzbGroesse): number | null {
  if (g.startsWith('prognose_')) return w.prognose ? w.prognose[Number(g.slice(9)) - 1] : null;
  return w[g as Exclude<LzbGroesse, PrognoseGroesse>];
}

const lzbSchluessel = (monat: number, gruppe: string, g: string) => `${monat}|${gruppe}|${g}`;

/** Every count of every month, total and groups, as JSON and CSV print them (the tables show a part). */
export function lzbModell(b: LzbBericht): Sperrmodell {
  const m = new Sperrmodell();
  const monate = b.ergebnis.monate;
  for (const mo of monate) {
    const reihen = [{ gruppe: 'gesamt', werte: mo.werte }, ...mo.gruppen];
    for (const r of reihen) for (const g of LZB_GROESSEN) {
      const w = lzbWert(r.werte, g);
      if (w !== null) m.zelle(lzbSchluessel(mo.monat, r.gruppe, g), w, true);
    }
    // Every person counted falls into exactly one group, so the groups add up to the total.
    if (!mo.gruppen.length) continue;
    for (const g of LZB_GROESSEN) {
      const gesamt = lzbWert(mo.werte, g);
      if (gesamt === null || mo.gruppen.some((r) => lzbWert(r.werte, g) === null)) continue;
      m.bedingung([[lzbSchluessel(mo.monat, 'gesamt', g), 1], ...mo.gruppen.map((r): [string, -1] => [lzbSchluessel(mo.monat, r.gruppe, g), -1])]);
    }
  }
  const gruppen = ['gesamt', ...(gruppenStabil(b.nach) ? monate[0]?.gruppen.map((r) => r.gruppe) ?? [] : [])];
  for (const gruppe of gruppen) {
    const werte = new Map(monate.map((mo) => [mo.monat, gruppe === 'gesamt' ? mo.werte : mo.gruppen.find((r) => r.gruppe === gruppe)!.werte]));
    bestandFluss(m, monate.map((mo) => mo.monat), (monat, g) => lzbSchluessel(monat, gruppe, g), (monat, g) => lzbWert(werte.get(monat)!, g as LzbGroesse));
  }
  return m;
}

export interface LzbSperre {
  /** A count as printed: the number, `*`, or null where not computable. */
  zahl(monat: number, gruppe: string, g: LzbGroesse, w: number | null): number | '*' | null;
  /** The LZB share of ELB; suppressed when either count is. */
  anteil(monat: number, gruppe: string, w: LzbZaehler): number | '*' | null;
}

const LZB_CACHE = new WeakMap<object, Map<number, Sperrliste>>();

export function lzbSperre(b: LzbBericht, d: Darstellung): LzbSperre {
  const unter = d.unter;
  const liste = unter === null ? null : einmal(LZB_CACHE, b, unter, () => lzbModell(b).sperre(unter));
  const aus = (monat: number, gruppe: string, g: LzbGroesse) => liste !== null && liste.gesperrt(lzbSchluessel(monat, gruppe, g));
  return {
    zahl: (monat, gruppe, g, w) => (w !== null && aus(monat, gruppe, g) ? '*' : w),
    anteil: (monat, gruppe, w) => {
      if (w.lzb === null || !w.elb) return null;
      if (aus(monat, gruppe, 'lzb') || aus(monat, gruppe, 'elb')) return '*';
      return (w.lzb / w.elb) * 100;
    },
  };
}

// --- Monatswerte (aggregate) ------------------------------------------------------------------

/** Euro sums are not counts of persons; disclosure control leaves them alone. */

const mwSchluessel = (monat: number, gruppe: string, spalte: string) => `${monat}|${gruppe}|${spalte}`;

function zahlIn(reihe: Reihe | undefined, monat: number, spalte: string): number | null {
  const w = reihe?.get(monat)?.get(spalte);
  return typeof w === 'number' ? w : null;
}

/** The Monatswerte rows von … bis, total and groups, every count column. */
export function monatswerteModell(mw: Monatswerte, von: number, bis: number, nach: string | null): Sperrmodell {
  const m = new Sperrmodell();
  const spalten = mw.spalten.filter((s) => !BETRAGS_SPALTEN.has(s));
  const gruppen = [...mw.gruppen.keys()];
  const teile = gruppen.filter((g) => g !== 'gesamt');
  const gesamt = mw.gruppen.get('gesamt');
  for (let monat = von; monat <= bis; monat++) {
    for (const g of gruppen) for (const s of spalten) {
      const w = zahlIn(mw.gruppen.get(g), monat, s);
      if (w !== null) m.zelle(mwSchluessel(monat, g, s), w, true);
    }
    if (!teile.length || !gesamt) continue;
    for (const s of spalten) {
      if (zahlIn(gesamt, monat, s) === null || teile.some((g) => zahlIn(mw.gruppen.get(g), monat, s) === null)) continue;
      m.bedingung([[mwSchluessel(monat, 'gesamt', s), 1], ...teile.map((g): [string, -1] => [mwSchluessel(monat, g, s), -1])]);
    }
  }
  const monate = Array.from({ length: bis - von + 1 }, (_, i) => von + i);
  for (const g of gruppenStabil(nach) ? gruppen : ['gesamt']) {
    const reihe = mw.gruppen.get(g);
    bestandFluss(m, monate, (monat, s) => mwSchluessel(monat, g, s), (monat, s) => (spalten.includes(s) ? zahlIn(reihe, monat, s) : null));
  }
  return m;
}

export interface MonatswerteSperre {
  /** Is this count cell shown as `*`? */
  gesperrt(monat: number, gruppe: string, spalte: string): boolean;
}

const MW_CACHE = new WeakMap<object, Map<number, Sperrliste>>();

export function monatswerteSperre(mw: Monatswerte, k: { von: number; bis: number; nach: string | null }, d: Darstellung): MonatswerteSperre {
  const unter = d.unter;
  if (unter === null) return { gesperrt: () => false };
  const liste = einmal(MW_CACHE, mw, unter, () => monatswerteModell(mw, k.von, k.bis, k.nach).sperre(unter));
  return { gesperrt: (monat, gruppe, spalte) => !BETRAGS_SPALTEN.has(spalte) && liste.gesperrt(mwSchluessel(monat, gruppe, spalte)) };
}

// --- § 48a report -----------------------------------------------------------------------------

/** Numerators and denominators are counts, except the euro sums of K1 and K1E1. */
export const zaehltPersonen = (def: Definition) => !(def.formel.art === 'veraenderung' && BETRAGS_SPALTEN.has(def.formel.spalte));

type Form = 'summe' | 'mittel';

/** Which column a formula's numerator and denominator sum or average over their windows. */
function teile(f: Formel): [{ spalte: string; form: Form }, { spalte: string; form: Form }] {
  switch (f.art) {
    case 'veraenderung': return [{ spalte: f.spalte, form: f.jahreswert }, { spalte: f.spalte, form: f.jahreswert }];
    case 'quote': return [{ spalte: f.ereignis, form: 'summe' }, { spalte: f.bestand, form: 'mittel' }];
    case 'rate': return [{ spalte: f.fluss, form: 'summe' }, { spalte: f.bestand, form: 'summe' }];
    case 'anteil': return [{ spalte: f.teil, form: 'summe' }, { spalte: f.ganzes, form: 'summe' }];
  }
}

/** The group a report prints nowhere: the total minus the printed groups (e.g. divers and unknown sex). */
export const REST = '(rest)';

/** A window of months of one column in one group; a single month is the month's cell. */
const fensterSchluessel = (gruppe: string, spalte: string, von: number, bis: number) => `${gruppe}|${spalte}|${von}…${bis}`;

const BERECHNUNGEN = ['monat', 'vorjahr', 'jfw', 'jfwVorjahr'] as const;

/**
 * Every numerator and denominator the report prints, as the sum of its column over its window in
 * its group: one quantity in several indicators (K2, K2E1 and K2E2 share "mean ELB t−12 … t−1",
 * which is also K1E4's denominator) is one cell. The months inside the windows are implicit cells,
 * so that overlapping windows (a year and its year-to-date part) are related as they are. With
 * groups, the rest (total − printed groups) is implicit in every month and window, and each
 * group's stocks move by its flows.
 */
export function kennzahlenModell(b: KennzahlenBericht): Sperrmodell {
  const m = new Sperrmodell();
  const gedruckt = [{ gruppe: 'gesamt', kennzahlen: b.kennzahlen }, ...b.gruppen];
  const namen = gedruckt.map((g) => g.gruppe);
  const mitRest = b.gruppen.length > 0;
  const reihe = (g: string) => b.monatswerte.gruppen.get(g);
  /** A month's value in a group; the rest's is the total minus the printed groups. */
  const monatswert = (g: string, spalte: string, monat: number): number | null => {
    if (g !== REST) return zahlIn(reihe(g), monat, spalte);
    let w = zahlIn(reihe('gesamt'), monat, spalte);
    for (const t of namen.slice(1)) {
      const x = zahlIn(reihe(t), monat, spalte);
      w = w === null || x === null ? null : w - x;
    }
    return w;
  };
  const summe = (g: string, spalte: string, von: number, bis: number): number | null => {
    let s = 0;
    for (let monat = von; monat <= bis; monat++) {
      const w = monatswert(g, spalte, monat);
      if (w === null) return null;
      s += w;
    }
    return s;
  };
  // (column, month) pairs that occur in some window.
  const monatsZellen = new Map<string, { spalte: string; monat: number }>();
  const monatsZelle = (g: string, spalte: string, monat: number): boolean => {
    const k = fensterSchluessel(g, spalte, monat, monat);
    if (m.hat(k)) return true;
    const w = monatswert(g, spalte, monat);
    if (w === null) return false;
    m.zelle(k, w, false);
    monatsZellen.set(`${spalte}|${monat}`, { spalte, monat });
    return true;
  };
  const fenster = (g: string, spalte: string, von: number, bis: number, form: Form, veroeffentlicht: boolean): void => {
    const s = summe(g, spalte, von, bis);
    if (s === null) return;
    const k = fensterSchluessel(g, spalte, von, bis);
    const neu = !m.hat(k);
    m.zelle(k, s, veroeffentlicht, form === 'mittel' ? s / (bis - von + 1) : s);
    if (von === bis) monatsZellen.set(`${spalte}|${von}`, { spalte, monat: von });
    if (!neu || von === bis) return;
    for (let monat = von; monat <= bis; monat++) monatsZelle(g, spalte, monat);
    m.bedingung([[k, 1], ...Array.from({ length: bis - von + 1 }, (_, i): [string, -1] => [fensterSchluessel(g, spalte, von + i, von + i), -1])]);
  };

  const gedruckteFenster = new Map<string, { spalte: string; von: number; bis: number; form: Form }>();
  b.kennzahlen.forEach((k, i) => {
    const def = k.definition;
    if (!zaehltPersonen(def)) return;
    const [zt, nt] = teile(def.formel);
    for (const g of gedruckt) {
      const kw: KennzahlWert | undefined = g.kennzahlen[i];
      if (!kw) continue;
      for (const art of BERECHNUNGEN) {
        const be = kw[art];
        const anzeige: string[] = [];
        for (const [teil, wert, [von, bis]] of [[zt, be.zaehler, be.fenster.zaehler], [nt, be.nenner, be.fenster.nenner]] as const) {
          if (wert === null) continue;
          fenster(g.gruppe, teil.spalte, von, bis, teil.form, true);
          if (m.hat(fensterSchluessel(g.gruppe, teil.spalte, von, bis))) anzeige.push(fensterSchluessel(g.gruppe, teil.spalte, von, bis));
          gedruckteFenster.set(`${teil.spalte}|${von}|${bis}|${teil.form}`, { spalte: teil.spalte, von, bis, form: teil.form });
        }
        // Value, numerator and denominator are shown or hidden together.
        if (anzeige.length) m.anzeige(anzeige);
      }
    }
  });

  const alle = mitRest ? [...namen, REST] : namen;
  if (mitRest) {
    for (const f of gedruckteFenster.values()) fenster(REST, f.spalte, f.von, f.bis, f.form, false);
  }
  // Each group's stock moves by its own flows (sex does not change between Stichtage).
  const bewegt = new Set<string>();
  for (const g of alle) {
    for (const { spalte, monat } of [...monatsZellen.values()]) {
      const bestand = BESTAENDE.find(([, zu, ab]) => spalte === zu || spalte === ab);
      if (!bestand || bewegt.has(`${g}|${bestand[0]}|${monat}`)) continue;
      bewegt.add(`${g}|${bestand[0]}|${monat}`);
      const [s, zu, ab] = bestand;
      const w = [monatswert(g, s, monat), monatswert(g, s, monat - 1), monatswert(g, zu, monat), monatswert(g, ab, monat)];
      if (w.some((x) => x === null) || w[0]! - w[1]! !== w[2]! - w[3]!) continue;
      for (const [sp, mo] of [[s, monat], [s, monat - 1], [zu, monat], [ab, monat]] as const) monatsZelle(g, sp, mo);
      m.bedingung([[fensterSchluessel(g, s, monat, monat), 1], [fensterSchluessel(g, s, monat - 1, monat - 1), -1], [fensterSchluessel(g, zu, monat, monat), -1], [fensterSchluessel(g, ab, monat, monat), 1]]);
    }
  }
  // The groups and the rest add up to the total, month by month (and so window by window).
  if (mitRest) {
    for (const { spalte, monat } of [...monatsZellen.values()]) {
      if (!alle.every((g) => monatsZelle(g, spalte, monat))) continue;
      m.bedingung([[fensterSchluessel('gesamt', spalte, monat, monat), 1], ...alle.slice(1).map((g): [string, -1] => [fensterSchluessel(g, spalte, monat, monat), -1])]);
    }
  }
  return m;
}

export interface KennzahlenSperre {
  /** Is this value (and its numerator and denominator) shown as `*`? */
  berechnung(gruppe: string, def: Definition, be: Berechnung): boolean;
  /** Is a target's Ist, Vorjahr, deviation and projection shown as `*`? */
  ziel(z: ZielErgebnis): boolean;
  /** Is the Soll shown as `*` too, because it is last year's value moved by the target? */
  soll(z: ZielErgebnis): boolean;
}

const KZ_CACHE = new WeakMap<object, Map<number, Sperrliste>>();

/** The printed groups a target's filter is the same population as. */
const FILTER_GRUPPE: Partial<Record<string, readonly string[]>> = GESCHLECHT_SCHLUESSEL;

export function kennzahlenSperre(b: KennzahlenBericht, d: Darstellung): KennzahlenSperre {
  const unter = d.unter;
  if (unter === null) return { berechnung: () => false, ziel: () => false, soll: () => false };
  const klein = (w: number | null) => w !== null && empfindlich(w, unter);
  let liste: Sperrliste | null = null;
  const entscheidung = () => (liste ??= einmal(KZ_CACHE, b, unter, () => kennzahlenModell(b).sperre(unter)));
  const berechnung = (gruppe: string, def: Definition, be: Berechnung): boolean => {
    if (!zaehltPersonen(def)) return false;
    // A value of a chart month that is printed nowhere else is judged on its own numbers.
    if (klein(be.zaehler) || klein(be.nenner)) return true;
    const [zt, nt] = teile(def.formel);
    const s = entscheidung();
    return (be.zaehler !== null && s.gesperrt(fensterSchluessel(gruppe, zt.spalte, ...be.fenster.zaehler))) ||
      (be.nenner !== null && s.gesperrt(fensterSchluessel(gruppe, nt.spalte, ...be.fenster.nenner)));
  };
  const ziel = (z: ZielErgebnis): boolean => {
    if (z.einheit === 'anzahl' && (klein(z.ist) || klein(z.vorjahr))) return true;
    const def = z.ziel;
    if (def.art !== 'kennzahl') return false;
    // A target on an indicator is that indicator's year-to-date value for the whole Jobcenter or,
    // with a filter that is a printed group, for that group.
    const gruppe = def.filter === null ? 'gesamt' : b.gruppen.find((g) => FILTER_GRUPPE[def.filter!]?.includes(g.gruppe))?.gruppe;
    if (gruppe === undefined) return false;
    const liste = gruppe === 'gesamt' ? b.kennzahlen : b.gruppen.find((g) => g.gruppe === gruppe)!.kennzahlen;
    const k = liste.find((x) => x.definition.id === def.kennzahl);
    return k !== undefined && (berechnung(gruppe, k.definition, k.jfw) || berechnung(gruppe, k.definition, k.jfwVorjahr));
  };
  return {
    berechnung,
    ziel,
    soll: (z) => ziel(z) && z.ziel.grenze.art === 'veraenderung' && z.einheit !== 'veraenderung_prozent',
  };
}
