// Targets (Zielwerte, docs/vertrag.md §5): § 48a indicators (optionally for a sub-population) and local goals
// built from Monatswerte columns, evaluated on the year-to-date values of a Berichtsmonat.

import type { Filter } from '../filter.js';
import type { Hinweis } from '../hinweis.js';
import { berechne, type Berechnung } from '../kennzahlen/berechnung.js';
import { einheitVon, type Definition, type Richtung } from '../kennzahlen/definitionen.js';
import { januarVon } from '../kennzahlen/kennzahlen.js';
import { Zugriff, type Reihe } from '../monatswerte/monatswerte.js';

export type Grenze = { art: 'veraenderung' | 'mindestens' | 'hoechstens'; wert: number };
export type Aggregation = 'summe' | 'durchschnitt' | 'stand';

export type ZielDefinition =
  | { art: 'kennzahl'; id: string; name: string; kennzahl: string; filter: Filter | null; grenze: Grenze }
  | { art: 'quote'; id: string; name: string; zaehler: string; nenner: string; aggregation: Aggregation; grenze: Grenze }
  | { art: 'anzahl'; id: string; name: string; wert: string; aggregation: Aggregation; grenze: Grenze };

export interface Zielvorgabe {
  jahr: number;
  jobcenter: string | null;
  ziele: ZielDefinition[];
}

export type ZielStatus = 'erreicht' | 'verfehlt' | 'nicht_berechenbar';
export type ZielEinheit = 'prozent' | 'veraenderung_prozent' | 'anzahl';

export interface ZielErgebnis {
  ziel: ZielDefinition;
  einheit: ZielEinheit;
  /** Year-to-date value (January … Berichtsmonat). */
  ist: number | null;
  /** The same months a year earlier. */
  vorjahr: number | null;
  soll: number | null;
  /** The Soll of the whole year (January … December), to set beside the projection. */
  sollDezember: number | null;
  abweichungPunkte: number | null;
  abweichungProzent: number | null;
  status: ZielStatus;
  /** Year-end projection: last year's full-year value scaled by this year's ratio to last year. */
  hochrechnung: number | null;
  hinweis: Hinweis[] | null;
}

/** The Monatswerte columns the local goals of a target file are built from. */
export function zielSpalten(vorgabe: Zielvorgabe | null): Set<string> {
  const spalten = new Set<string>();
  for (const z of vorgabe?.ziele ?? []) {
    if (z.art === 'quote') spalten.add(z.zaehler).add(z.nenner);
    else if (z.art === 'anzahl') spalten.add(z.wert);
  }
  return spalten;
}

/** The Monatswerte a target is computed from: for § 48a targets with a filter, the filtered ones. */
export type Quelle = { reihe: Reihe; spalten: ReadonlySet<string> } | { fehlt: Hinweis };

interface Werte {
  ist: number | null;
  vorjahr: number | null;
  vorjahrGanz: number | null;
  /** Why ist or vorjahr is missing. */
  hinweis: Hinweis[] | null;
  /** Why the previous full year is missing (only the projection needs it). */
  hinweisGanz: Hinweis[] | null;
}

/** A local goal's value over von … bis. */
function lokal(ziel: Extract<ZielDefinition, { art: 'quote' | 'anzahl' }>, z: Zugriff, von: number, bis: number): number | null {
  const a = ziel.aggregation;
  if (ziel.art === 'quote') {
    const [zv, nv] = a === 'stand' ? [z.wert(ziel.zaehler, bis), z.wert(ziel.nenner, bis)] : [z.summe(ziel.zaehler, von, bis), z.summe(ziel.nenner, von, bis)];
    return zv === null || nv === null || nv === 0 ? null : (zv / nv) * 100;
  }
  return a === 'stand' ? z.wert(ziel.wert, bis) : a === 'summe' ? z.summe(ziel.wert, von, bis) : z.mittel(ziel.wert, von, bis);
}

function werte(ziel: ZielDefinition, def: Definition | undefined, q: Exclude<Quelle, { fehlt: Hinweis }>, t: number): Werte {
  const jan = januarVon(t);
  if (ziel.art === 'kennzahl') {
    const b = (von: number, bis: number): Berechnung => berechne(def!.formel, q.reihe, q.spalten, von, bis);
    const ist = b(jan, t), vorjahr = b(jan - 12, t - 12), ganz = b(jan - 12, jan - 1);
    return { ist: ist.wert, vorjahr: vorjahr.wert, vorjahrGanz: ganz.wert, hinweis: ist.hinweis ?? vorjahr.hinweis, hinweisGanz: ganz.hinweis };
  }
  const zugriff = () => new Zugriff(q.reihe, q.spalten);
  const [zi, zv, zg] = [zugriff(), zugriff(), zugriff()];
  const ist = lokal(ziel, zi, jan, t), vorjahr = lokal(ziel, zv, jan - 12, t - 12), ganz = lokal(ziel, zg, jan - 12, jan - 1);
  const nennerNull = (w: number | null): Hinweis[] | null => (w === null ? [{ art: 'nenner_null' }] : null);
  return { ist, vorjahr, vorjahrGanz: ganz, hinweis: zi.hinweis() ?? zv.hinweis() ?? nennerNull(ist) ?? nennerNull(vorjahr), hinweisGanz: zg.hinweis() ?? nennerNull(ganz) };
}

/** Which way meets the target: up for `mindestens`, down for `hoechstens`, a change as its indicator counts it good (else as its sign). */
export function zielRichtung(ziel: ZielDefinition, def: Definition | undefined): Exclude<Richtung, 'neutral'> {
  const g = ziel.grenze;
  if (g.art === 'mindestens') return 'hoch';
  if (g.art === 'hoechstens') return 'runter';
  return def && def.richtung !== 'neutral' ? def.richtung : g.wert >= 0 ? 'hoch' : 'runter';
}

export function bewerteZiel(ziel: ZielDefinition, defs: readonly Definition[], t: number, quelle: Quelle): ZielErgebnis {
  const def = ziel.art === 'kennzahl' ? defs.find((d) => d.id === ziel.kennzahl) : undefined;
  const einheit: ZielEinheit = def ? einheitVon(def.formel) : ziel.art === 'quote' ? 'prozent' : 'anzahl';
  const leer = { ziel, einheit, ist: null, vorjahr: null, soll: null, sollDezember: null, abweichungPunkte: null, abweichungProzent: null, hochrechnung: null };
  if (ziel.art === 'kennzahl' && !def) return { ...leer, status: 'nicht_berechenbar', hinweis: [{ art: 'unbekannte_kennzahl', kennzahl: ziel.kennzahl }] };
  if ('fehlt' in quelle) return { ...leer, status: 'nicht_berechenbar', hinweis: [quelle.fehlt] };

  const { ist, vorjahr, vorjahrGanz, hinweis, hinweisGanz } = werte(ziel, def, quelle, t);
  const g = ziel.grenze;
  // The Soll of the months January … m, given last year's value for the same months.
  const sollBis = (monate: number, vorjahrWert: number | null): number | null => {
    if (g.art === 'veraenderung') {
      // On a change indicator (K1, K3) the target bounds the change itself; on a level (a quota,
      // a local goal) it is a relative change of last year's value: +1.1 on 25.0 % is 25.275 %.
      return einheit === 'veraenderung_prozent' ? g.wert : vorjahrWert === null ? null : vorjahrWert * (1 + g.wert / 100);
    }
    // An annual count summed over the months so far is compared with its share of the year.
    return ziel.art === 'anzahl' && ziel.aggregation === 'summe' ? (g.wert * monate) / 12 : g.wert;
  };
  const soll = sollBis(t - januarVon(t) + 1, vorjahr);
  const sollDezember = sollBis(12, vorjahrGanz);
  const richtung = zielRichtung(ziel, def);
  // A change against last year projects to itself: scaling last year's total by this year's ratio
  // to last year gives the same ratio again.
  const hochrechnung =
    einheit === 'veraenderung_prozent' ? ist : ist === null || vorjahr === null || vorjahrGanz === null || vorjahr === 0 ? null : (vorjahrGanz * ist) / vorjahr;
  if (ist === null || soll === null) {
    return { ...leer, ist, vorjahr, soll, sollDezember, hochrechnung, status: 'nicht_berechenbar', hinweis: hinweis ?? [{ art: 'vorjahr_fehlt' }] };
  }
  // Equal counts as met; "equal" allows for binary rounding (33/1000·100 is 3.3000000000000003).
  const gleich = Math.abs(ist - soll) <= 1e-9 * Math.max(1, Math.abs(soll));
  const erreicht = gleich || (richtung === 'hoch' ? ist > soll : ist < soll);
  return {
    ziel,
    einheit,
    ist,
    vorjahr,
    soll,
    sollDezember,
    abweichungPunkte: ist - soll,
    abweichungProzent: soll === 0 ? null : (ist / soll - 1) * 100,
    status: erreicht ? 'erreicht' : 'verfehlt',
    hochrechnung,
    hinweis: hochrechnung === null ? [{ art: 'keine_hochrechnung', grund: hinweisGanz ?? [{ art: 'nenner_null' }] }] : null,
  };
}

/** Ist and Soll of a target at every month from January to t (for charts). */
export function zielVerlauf(ziel: ZielDefinition, defs: readonly Definition[], t: number, quelle: Quelle): { ist: (number | null)[]; soll: (number | null)[] } {
  const ist: (number | null)[] = [], soll: (number | null)[] = [];
  for (let m = januarVon(t); m <= t; m++) {
    const e = bewerteZiel(ziel, defs, m, quelle);
    ist.push(e.ist);
    soll.push(e.soll);
  }
  return { ist, soll };
}
