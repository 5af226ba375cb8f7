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
import { ALTERSGRUPPEN, GESCHLECHT_SCHLUESSEL, type Merkmal } from '../core/merkmale.js';
import { BETRAGS_SPALTEN, type Monatswerte, type Reihe } from '../core/monatswerte/monatswerte.js';
import type { ZielErgebnis } from '../core/ziele/ziele.js';
import type { Darstellung } from './darstellung.js';
import type { KennzahlenBericht } from './kennzahlen-bericht.js';
import type { LzbBericht } from './lzb-bericht.js';
import type { Vergleichsfenster, VergleichModell } from './vergleich-bericht.js';

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

/** A window of a column in a group that a printed value sums or averages. */
interface Teilfenster {
  spalte: string;
  von: number;
  bis: number;
  form: Form;
}

/** The numerator's and denominator's windows of a value, those that exist (a missing one is not printed). */
function teilfenster(def: Definition, be: Berechnung): Teilfenster[] {
  const [zt, nt] = teile(def.formel);
  const aus: Teilfenster[] = [];
  if (be.zaehler !== null) aus.push({ spalte: zt.spalte, von: be.fenster.zaehler[0], bis: be.fenster.zaehler[1], form: zt.form });
  if (be.nenner !== null) aus.push({ spalte: nt.spalte, von: be.fenster.nenner[0], bis: be.fenster.nenner[1], form: nt.form });
  return aus;
}

/** One unit of a model: a Jobcenter, or several whose values are only ever printed as their sum. */
interface Einheitsangaben {
  /** Put before every cell name: '' for the report's own Jobcenter, so that a comparison in the report shares its cells. */
  praefix: string;
  /** The groups printed, the total first. */
  gruppen: readonly string[];
  /** The name of the implicit group total − printed groups. */
  rest: string;
  /** A month's count in a printed group (null: missing or suppressed at the source). */
  monatswert: (gruppe: string, spalte: string, monat: number) => number | null;
  /** Every value built on the unit's counts: its group and its numerator's and denominator's windows. */
  werte: readonly { gruppe: string; teile: readonly Teilfenster[] }[];
  /** Are the windows printed (a Jobcenter shown) or only implied (Jobcenters in an aggregate only)? */
  veroeffentlicht: boolean;
  /** Does each group's stock move by its own flows (false for age groups, which are left by growing older)? */
  stabil: boolean;
}

/**
 * A unit's numerators and denominators as the sum of their column over their window in their group:
 * one quantity in several indicators (K2, K2E1 and K2E2 share "mean ELB t−12 … t−1", which is also
 * K1E4's denominator) is one cell. The months inside the windows are implicit cells, so that
 * overlapping windows (a year and its year-to-date part) are related as they are. With groups, the
 * rest (total − printed groups) is implicit in every month and window, and each group's stocks
 * move by its flows. Returns the name of a window's cell.
 */
function einheitZellen(m: Sperrmodell, e: Einheitsangaben): (gruppe: string, t: Teilfenster) => string {
  const name = (g: string, spalte: string, von: number, bis: number) => e.praefix + fensterSchluessel(g, spalte, von, bis);
  const mitRest = e.gruppen.length > 1;
  /** A month's value in a group; the rest's is the total minus the printed groups. */
  const monatswert = (g: string, spalte: string, monat: number): number | null => {
    if (g !== e.rest) return e.monatswert(g, spalte, monat);
    let w = e.monatswert('gesamt', spalte, monat);
    for (const t of e.gruppen.slice(1)) {
      const x = e.monatswert(t, spalte, monat);
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
    const k = name(g, spalte, monat, monat);
    if (m.hat(k)) return true;
    const w = monatswert(g, spalte, monat);
    if (w === null) return false;
    m.zelle(k, w, false);
    monatsZellen.set(`${spalte}|${monat}`, { spalte, monat });
    return true;
  };
  const fenster = (g: string, { spalte, von, bis, form }: Teilfenster, veroeffentlicht: boolean): void => {
    const s = summe(g, spalte, von, bis);
    if (s === null) return;
    const k = name(g, spalte, von, bis);
    const neu = !m.hat(k);
    m.zelle(k, s, veroeffentlicht, form === 'mittel' ? s / (bis - von + 1) : s);
    if (von === bis) monatsZellen.set(`${spalte}|${von}`, { spalte, monat: von });
    if (!neu || von === bis) return;
    for (let monat = von; monat <= bis; monat++) monatsZelle(g, spalte, monat);
    m.bedingung([[k, 1], ...Array.from({ length: bis - von + 1 }, (_, i): [string, -1] => [name(g, spalte, von + i, von + i), -1])]);
  };

  const gedruckteFenster = new Map<string, Teilfenster>();
  for (const w of e.werte) {
    const anzeige: string[] = [];
    for (const t of w.teile) {
      fenster(w.gruppe, t, e.veroeffentlicht);
      const k = name(w.gruppe, t.spalte, t.von, t.bis);
      if (m.hat(k)) anzeige.push(k);
      gedruckteFenster.set(`${t.spalte}|${t.von}|${t.bis}|${t.form}`, t);
    }
    // Value, numerator and denominator are shown or hidden together.
    if (e.veroeffentlicht && anzeige.length) m.anzeige(anzeige);
  }

  const alle = mitRest ? [...e.gruppen, e.rest] : e.gruppen;
  if (mitRest) {
    for (const t of gedruckteFenster.values()) fenster(e.rest, t, false);
  }
  // Each group's stock moves by its own flows (sex does not change between Stichtage).
  const bewegt = new Set<string>();
  for (const g of e.stabil ? alle : ['gesamt']) {
    for (const { spalte, monat } of [...monatsZellen.values()]) {
      const bestand = BESTAENDE.find(([, zu, ab]) => spalte === zu || spalte === ab);
      if (!bestand || bewegt.has(`${g}|${bestand[0]}|${monat}`)) continue;
      bewegt.add(`${g}|${bestand[0]}|${monat}`);
      const [s, zu, ab] = bestand;
      const w = [monatswert(g, s, monat), monatswert(g, s, monat - 1), monatswert(g, zu, monat), monatswert(g, ab, monat)];
      if (w.some((x) => x === null) || w[0]! - w[1]! !== w[2]! - w[3]!) continue;
      for (const [sp, mo] of [[s, monat], [s, monat - 1], [zu, monat], [ab, monat]] as const) monatsZelle(g, sp, mo);
      m.bedingung([[name(g, s, monat, monat), 1], [name(g, s, monat - 1, monat - 1), -1], [name(g, zu, monat, monat), -1], [name(g, ab, monat, monat), 1]]);
    }
  }
  // The groups and the rest add up to the total, month by month (and so window by window).
  if (mitRest) {
    for (const { spalte, monat } of [...monatsZellen.values()]) {
      if (!alle.every((g) => monatsZelle(g, spalte, monat))) continue;
      m.bedingung([[name('gesamt', spalte, monat, monat), 1], ...alle.slice(1).map((g): [string, -1] => [name(g, spalte, monat, monat), -1])]);
    }
  }
  return (gruppe, t) => name(gruppe, t.spalte, t.von, t.bis);
}

/** The printed values of the report's own Jobcenter: every indicator, group and window it shows. */
function berichtsZellen(m: Sperrmodell, b: KennzahlenBericht): void {
  const gedruckt = [{ gruppe: 'gesamt', kennzahlen: b.kennzahlen }, ...b.gruppen];
  const werte: { gruppe: string; teile: Teilfenster[] }[] = [];
  b.kennzahlen.forEach((k, i) => {
    if (!zaehltPersonen(k.definition)) return;
    for (const g of gedruckt) {
      const kw: KennzahlWert | undefined = g.kennzahlen[i];
      if (kw) for (const art of BERECHNUNGEN) werte.push({ gruppe: g.gruppe, teile: teilfenster(kw.definition, kw[art]) });
    }
  });
  einheitZellen(m, {
    praefix: '',
    gruppen: gedruckt.map((g) => g.gruppe),
    rest: REST,
    monatswert: (g, spalte, monat) => zahlIn(b.monatswerte.gruppen.get(g), monat, spalte),
    werte,
    veroeffentlicht: true,
    stabil: true,
  });
}

/**
 * Every numerator and denominator the report prints (`einheitZellen`) and, with peers given, those
 * of its comparison (`vergleichZellen`), the own Jobcenter's cells shared: one decision for both.
 */
export function kennzahlenModell(b: KennzahlenBericht): Sperrmodell {
  const m = new Sperrmodell();
  berichtsZellen(m, b);
  if (b.vergleich) vergleichZellen(m, b.vergleich, '');
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
    const s = entscheidung();
    return teilfenster(def, be).some((t) => s.gesperrt(fensterSchluessel(gruppe, t.spalte, t.von, t.bis)));
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

// --- Vergleich ----------------------------------------------------------------------------------

/** The aggregates a comparison prints beside the peers, in the order every format lists them. */
export const AGGREGATE = ['vergleichsgruppe', 'land', 'bund'] as const;
export type AggregatArt = (typeof AGGREGATE)[number];

/** A window's aggregate of that kind. */
export const aggregatVon = (f: Vergleichsfenster, art: AggregatArt) => (art === 'vergleichsgruppe' ? f.aggregat : art === 'land' ? f.land : f.bund);
const FENSTER_ARTEN = ['monat', 'jfw'] as const;

/** A Jobcenter's cells in a comparison; the own one's in a report are the report's own (no prefix). */
const einheitPraefix = (schluessel: string) => `${schluessel}§`;
const aggregatSchluessel = (art: AggregatArt, fensterArt: string, gruppe: string, id: string, teil: number) => `aggregat|${art}|${fensterArt}|${gruppe}|${id}|${teil}`;

/** Age groups are left by growing older, without a flow: their stocks do not move by their own flows. */
const ALTER = new Set<string>(ALTERSGRUPPEN.filter((g) => g !== 'unbekannt'));

/** An aggregate the comparison prints, with the units summed in it. */
interface GedrucktesAggregat {
  schluessel: (teil: number) => string;
  gruppe: string;
  def: Definition;
  berechnung: Berechnung;
  einheiten: string[];
}

/**
 * The comparison's printed values: every peer's numerators and denominators (as `einheitZellen`),
 * and each aggregate of peer group, Land and Bund as the sum of its units' cells. The Jobcenters
 * that are not peers are printed nowhere; a reader learns of them only what the aggregates minus
 * the peers leave, and only as sums of those that are always summed together. So they enter as
 * such sums: one implicit unit per set of Jobcenters that are in exactly the same aggregates. A
 * set of one Jobcenter (say the one left out of an aggregate its Land's others are in) is then
 * protected like a peer; more than one Jobcenter's sum leaves each of them open.
 */
function vergleichZellen(m: Sperrmodell, v: VergleichModell, eigenPraefix: string): void {
  const gruppen = v.gruppen.map((g) => g.gruppe);
  const rest = `${REST} ${gruppen.slice(1).join(',')}`;
  const stabil = !gruppen.some((g) => ALTER.has(g));
  const monatswert = (k: string) => (g: string, spalte: string, monat: number) => zahlIn(v.reihen.get(k)?.get(g), monat, spalte);

  // Every Jobcenter's window cells by name: a peer's own, an other's those of the sum it is in.
  const namen = new Map<string, (gruppe: string, t: Teilfenster) => string>();
  // Peers: printed. Their values stand in each window's `einheiten` in the peers' order.
  v.peers.forEach((p, i) => {
    const werte: { gruppe: string; teile: Teilfenster[] }[] = [];
    for (const g of v.gruppen) for (const k of g.kennzahlen) {
      if (!zaehltPersonen(k.definition)) continue;
      for (const fa of FENSTER_ARTEN) werte.push({ gruppe: g.gruppe, teile: teilfenster(k.definition, k[fa].einheiten[i].berechnung) });
    }
    namen.set(p, einheitZellen(m, { praefix: p === v.jobcenter ? eigenPraefix : einheitPraefix(p), gruppen, rest, monatswert: monatswert(p), werte, veroeffentlicht: true, stabil }));
  });

  // Aggregates, and for each other Jobcenter the aggregates it is summed in.
  const peers = new Set(v.peers);
  const aggregate: GedrucktesAggregat[] = [];
  const summiertIn = new Map<string, number[]>();
  for (const g of v.gruppen) for (const k of g.kennzahlen) {
    if (!zaehltPersonen(k.definition)) continue;
    for (const fa of FENSTER_ARTEN) {
      const f = k[fa];
      for (const art of AGGREGATE) {
        const a = aggregatVon(f, art);
        if (!a?.berechnung) continue;
        const aus = new Set(a.ausgelassen.map((x) => x.schluessel));
        const mitglieder = art === 'vergleichsgruppe' ? v.peers : art === 'land' ? v.landSchluessel ?? [] : v.schluessel;
        const einheiten = mitglieder.filter((x) => !aus.has(x));
        const nr = aggregate.length;
        aggregate.push({ schluessel: (teil) => aggregatSchluessel(art, fa, g.gruppe, k.definition.id, teil), gruppe: g.gruppe, def: k.definition, berechnung: a.berechnung, einheiten });
        for (const x of einheiten) {
          if (peers.has(x)) continue;
          const nrn = summiertIn.get(x);
          if (nrn) nrn.push(nr);
          else summiertIn.set(x, [nr]);
        }
      }
    }
  }
  const mengen = new Map<string, { aggregate: number[]; einheiten: string[] }>();
  for (const [x, nrn] of summiertIn) {
    const k = nrn.join(',');
    const menge = mengen.get(k);
    if (menge) menge.einheiten.push(x);
    else mengen.set(k, { aggregate: nrn, einheiten: [x] });
  }
  [...mengen.values()].forEach((menge, i) => {
    const werte = menge.aggregate.map((nr) => ({ gruppe: aggregate[nr].gruppe, teile: teilfenster(aggregate[nr].def, aggregate[nr].berechnung) }));
    // Asked for again and again (windows, months, rest, flows), over up to some hundred Jobcenters.
    const summen = new Map<string, number | null>();
    const summe = (g: string, spalte: string, monat: number): number | null => {
      const k = `${g}|${spalte}|${monat}`;
      let s = summen.get(k);
      if (s !== undefined) return s;
      s = 0;
      for (const x of menge.einheiten) {
        const w = zahlIn(v.reihen.get(x)?.get(g), monat, spalte);
        if (w === null) {
          s = null;
          break;
        }
        s += w;
      }
      summen.set(k, s);
      return s;
    };
    const name = einheitZellen(m, { praefix: `(summe ${i})§`, gruppen, rest, monatswert: summe, werte, veroeffentlicht: false, stabil });
    for (const x of menge.einheiten) namen.set(x, name);
  });

  // An aggregate's numerator or denominator is one cell per column, window and set of Jobcenters
  // summed: the peer group's and the Bund's are one when the peers are every row, and so are the
  // denominators several indicators share. Each place it is printed names it.
  const mengenNr = new Map<string, number>();
  for (const a of aggregate) {
    const menge = a.einheiten.join(',');
    if (!mengenNr.has(menge)) mengenNr.set(menge, mengenNr.size);
    const teile = teilfenster(a.def, a.berechnung).map((t, teil) => {
      const inhalt = `aggregat|${mengenNr.get(menge)}|${fensterSchluessel(a.gruppe, t.spalte, t.von, t.bis)}`;
      if (!m.hat(inhalt)) {
        // Each set of other Jobcenters once, however many of them the aggregate sums.
        const glieder = [...new Set(a.einheiten.map((x) => namen.get(x)!(a.gruppe, t)))];
        let summe = 0;
        for (const z of glieder) {
          const w = m.wert(z);
          if (w === undefined) throw new Error(`Vergleich: ${z} fehlt im Aggregat ${a.schluessel(teil)}`);
          summe += w;
        }
        m.zelle(inhalt, summe, true, t.form === 'mittel' ? summe / (t.bis - t.von + 1) : summe);
        m.bedingung([[inhalt, 1], ...glieder.map((z): [string, -1] => [z, -1])]);
      }
      m.alias(a.schluessel(teil), inhalt);
      return inhalt;
    });
    m.anzeige(teile);
  }
}

export interface VergleichSperre {
  /** Is a Jobcenter's value in this window (with its numerator and denominator) shown as `*`? */
  einheit(gruppe: string, def: Definition, schluessel: string, be: Berechnung): boolean;
  /** Is an aggregate's value (with its numerator and denominator) shown as `*`? */
  aggregat(gruppe: string, def: Definition, fensterArt: 'monat' | 'jfw', art: AggregatArt, be: Berechnung | null): boolean;
}

const VG_CACHE = new WeakMap<object, Map<number, Sperrliste>>();

/**
 * The comparison's decision. In a report (`bericht`) it is the report's one decision, so that a
 * number the report's own tables suppress is not shown in its comparison, nor the reverse.
 */
export function vergleichSperre(v: VergleichModell, d: Darstellung, bericht?: KennzahlenBericht): VergleichSperre {
  const unter = d.unter;
  if (unter === null) return { einheit: () => false, aggregat: () => false };
  const klein = (w: number | null) => w !== null && empfindlich(w, unter);
  let liste: Sperrliste | null = null;
  const entscheidung = () =>
    (liste ??= bericht
      ? einmal(KZ_CACHE, bericht, unter, () => kennzahlenModell(bericht).sperre(unter))
      : einmal(VG_CACHE, v, unter, () => {
          const m = new Sperrmodell();
          vergleichZellen(m, v, einheitPraefix(v.jobcenter));
          return m.sperre(unter);
        }));
  const eigen = bericht ? '' : einheitPraefix(v.jobcenter);
  return {
    einheit: (gruppe, def, schluessel, be) => {
      if (!zaehltPersonen(def)) return false;
      if (klein(be.zaehler) || klein(be.nenner)) return true;
      const praefix = schluessel === v.jobcenter ? eigen : einheitPraefix(schluessel);
      const s = entscheidung();
      return teilfenster(def, be).some((t) => s.gesperrt(praefix + fensterSchluessel(gruppe, t.spalte, t.von, t.bis)));
    },
    aggregat: (gruppe, def, fensterArt, art, be) => {
      if (!zaehltPersonen(def) || be === null) return false;
      if (klein(be.zaehler) || klein(be.nenner)) return true;
      const s = entscheidung();
      return teilfenster(def, be).some((_, teil) => s.gesperrt(aggregatSchluessel(art, fensterArt, gruppe, def.id, teil)));
    },
  };
}
