// Person-level data → Monatswerte (docs/vertrag.md §4.2): stocks and flows at the Stichtage, integrations and
// entries attributed to Bezugsmonate, LZB in measures, benefit sums. A month or column the data do
// not cover is a missing value with its reason, never a count of zero.

import { KLASSEN_CODE, type Ereignisse, type Spanne } from '../ereignisse.js';
import type { FehltGrund } from '../hinweis.js';
import { ersterTag } from '../kalender.js';
import { personenfilter, type Filter } from '../filter.js';
import { neuerStatus, statusDerPerson, stichtage, type Berechenbar, type Stichtage } from '../lzb/stichtage.js';
import type { Gruppierung } from '../merkmale.js';
import { neueLaeufe, type Laufquelle } from '../zeitlinien.js';
import { fehlt, setze, type Monatswerte, type Reihe, type Wert } from './monatswerte.js';
import type { PersonenDaten } from '../modell.js';

/** What counting needs of the person-level data: the runs only as a source to copy from. */
export type ZaehlDaten = Omit<PersonenDaten, 'zeitlinien'> & { zeitlinien: Laufquelle };

export interface AggregationsAuftrag {
  von: number;
  bis: number;
  filter: Filter | null;
  gruppierung?: Gruppierung;
}

// Counter slots, in the order of the Monatswerte columns they fill.
const SPALTEN = [
  'elb', 'elb_zugaenge', 'elb_abgaenge', 'lzb', 'lzb_zugaenge', 'lzb_abgaenge', 'lzb_aktiviert',
  'integrationen', 'integrationen_lzb', 'integrationen_ae', 'elb_ae',
  'eintritte_geringfuegig', 'eintritte_oeffentlich', 'integrationen_kontinuierlich',
  // Not a column: integrations whose continuity is still open make integrationen_kontinuierlich unknown.
  'kontinuierlich_offen',
] as const;
type Zaehlspalte = (typeof SPALTEN)[number];
const SLOT = Object.fromEntries(SPALTEN.map((s, i) => [s, i])) as Record<Zaehlspalte, number>;

/** What a person brings to each month apart from the view: measures, events (0/1 per Stichtag index). */
interface Monatslage {
  /** LZB and in a measure at the Stichtag. */
  aktiv: Uint8Array;
  /** In the stock at S(t−1) with an integration in the month, and whether it is kontinuierlich or still open. */
  integration: Uint8Array;
  kontinuierlich: Uint8Array;
  offen: Uint8Array;
  gering: Uint8Array;
  oeffentlich: Uint8Array;
}

const neueMonatslage = (n: number): Monatslage => ({
  aktiv: new Uint8Array(n), integration: new Uint8Array(n), kontinuierlich: new Uint8Array(n), offen: new Uint8Array(n), gering: new Uint8Array(n), oeffentlich: new Uint8Array(n),
});

function leereEreignisse(lage: Monatslage): void {
  lage.integration.fill(0);
  lage.kontinuierlich.fill(0);
  lage.offen.fill(0);
  lage.gering.fill(0);
  lage.oeffentlich.fill(0);
}

/** Records event k (class code `klasse`) in month i unless an earlier one of its class is there. */
function erstesImMonat(lage: Monatslage, i: number, klasse: number, k: number, ereignisse: Ereignisse): void {
  if (klasse === KLASSEN_CODE.integration) {
    if (lage.integration[i] === 1) return;
    lage.integration[i] = 1;
    lage.kontinuierlich[i] = ereignisse.kontinuierlich(k) ? 1 : 0;
    lage.offen[i] = ereignisse.kontinuierlichOffen(k) ? 1 : 0;
  } else if (klasse === KLASSEN_CODE.geringfuegig) lage.gering[i] = 1;
  else lage.oeffentlich[i] = 1;
}

/**
 * Moves a person's share of the stocks (ELB, LZB, ELB alleinerziehend) at month i from (elbAlt,
 * lzbAlt) to (elb, lzb) in the slots from `basis` of `bestand`, a difference array whose running sum
 * over the months is the stock. A person's status changes in few of the months, so the stocks cost
 * a few adds per person instead of three per month.
 */
function bewege(bestand: Int32Array, basis: number, elbAlt: number, lzbAlt: number, elb: number, lzb: number, ae: number): void {
  bestand[basis + SLOT.elb] += elb - elbAlt;
  bestand[basis + SLOT.lzb] += lzb - lzbAlt;
  bestand[basis + SLOT.elb_ae] += (elb - elbAlt) * ae;
}

/** Flows at month i (flags 0/1, within the view): entries into and exits from ELB and LZB. */
function zaehleWechsel(z: Int32Array, basis: number, elb: number, elbVor: number, lzb: number, lzbVor: number): void {
  if (elb !== elbVor) z[basis + (elb ? SLOT.elb_zugaenge : SLOT.elb_abgaenge)]++;
  if (lzb !== lzbVor) z[basis + (lzb ? SLOT.lzb_zugaenge : SLOT.lzb_abgaenge)]++;
}

/** Measures and events of month i for a person in the view's stock at S(t−1) (events) or LZB at S(t) (measures). */
function zaehleEreignisse(z: Int32Array, basis: number, i: number, elbVor: number, lzb: number, lzbVor: number, ae: number, lage: Monatslage): void {
  z[basis + SLOT.lzb_aktiviert] += lzb & lage.aktiv[i];
  if (elbVor === 0) return;
  const integration = lage.integration[i];
  z[basis + SLOT.integrationen] += integration;
  z[basis + SLOT.integrationen_lzb] += integration & lzbVor;
  z[basis + SLOT.integrationen_ae] += integration & ae;
  z[basis + SLOT.integrationen_kontinuierlich] += lage.kontinuierlich[i];
  z[basis + SLOT.kontinuierlich_offen] += lage.offen[i];
  z[basis + SLOT.eintritte_geringfuegig] += lage.gering[i];
  z[basis + SLOT.eintritte_oeffentlich] += lage.oeffentlich[i];
}

/**
 * How close before a Stichtag the latest event must lie for the month to count as observed: the
 * event inputs carry no extraction date, and one pulled months before `zeitraeume` would count
 * every later month short. Integrations start on most working days (often on the 1st), measures
 * less often. At the start, the first event may come some days after the extract begins.
 */
export const EREIGNIS_LUECKE_TAGE = 14;
export const MASSNAHMEN_LUECKE_TAGE = 31;
export const ANLAUF_TAGE = 31;
/** A measure that began before the measures input does may still run a year later. */
export const MASSNAHME_DAUER_TAGE = 365;

/**
 * Whether an event input observes the month with Stichtage s2 = S(t−2) and s = S(t): integrations
 * need the whole window s2 … s, measures the Stichtag s and the measures still running then.
 * `datenAb`: the first day of the person data.
 */
export function ereignisseBeobachtet(art: 'integrationen' | 'massnahmen', spanne: Spanne, s2: number, s: number, datenAb: number): boolean {
  if (art === 'integrationen') return spanne.von <= s2 + ANLAUF_TAGE && spanne.bis >= s - EREIGNIS_LUECKE_TAGE;
  const vonAnfang = spanne.von <= datenAb + ANLAUF_TAGE;
  return spanne.bis >= s - MASSNAHMEN_LUECKE_TAGE && spanne.von <= s && (vonAnfang || spanne.von <= s - MASSNAHME_DAUER_TAGE);
}

/** Per month index: why the event inputs do not observe it (integrations, measures); null where they do. */
function ereignisLuecken(d: PersonenDaten, tag: readonly number[]): { integrationen: (FehltGrund | null)[]; massnahmen: (FehltGrund | null)[] } {
  const datenAb = d.regel.einheit === 'tag' ? d.abdeckung.datenAb : ersterTag(d.abdeckung.datenAb);
  const luecken = (art: 'integrationen' | 'massnahmen', spanne: Spanne | null | undefined, grund: FehltGrund) =>
    tag.map((s, i) => (i < 2 || !spanne || ereignisseBeobachtet(art, spanne, tag[i - 2], s, datenAb) ? null : grund));
  return {
    integrationen: luecken('integrationen', d.ereignisse?.spanne, 'ausserhalb_integrationen'),
    massnahmen: luecken('massnahmen', d.massnahmenSpanne, 'ausserhalb_massnahmen'),
  };
}

/** Which event input a column comes from, if any. */
const ereignisQuelle = (spalte: Zaehlspalte): 'integrationen' | 'massnahmen' | null =>
  spalte === 'lzb_aktiviert' ? 'massnahmen' : spalte.startsWith('integrationen') || spalte.startsWith('eintritte') ? 'integrationen' : null;

/** Which coverage a column needs at month index i (i−1 and i−2 are the two months before). */
function gedeckt(spalte: Zaehlspalte, ok: Berechenbar[], i: number): boolean {
  switch (spalte) {
    case 'elb': case 'elb_ae': return ok[i].elb;
    case 'elb_zugaenge': case 'elb_abgaenge': return ok[i].elbBewegungen;
    case 'lzb': case 'lzb_aktiviert': return ok[i].lzb;
    case 'lzb_zugaenge': case 'lzb_abgaenge': return ok[i].lzbBewegungen;
    // Events of month t need the stock at S(t−1) and, for the look-back of new entrants, at S(t−2).
    case 'integrationen_lzb': return ok[i].elb && ok[i - 1].lzb && ok[i - 2].elb;
    default: return ok[i].elb && ok[i - 1].elb && ok[i - 2].elb;
  }
}

export function aggregiere(d: PersonenDaten, a: AggregationsAuftrag): Monatswerte {
  return aggregiereSichten(d, a.von, a.bis, [{ filter: a.filter, gruppierung: a.gruppierung }])[0];
}

/** A view of the population: everybody or a filtered part, optionally broken down into groups. */
export interface Sicht {
  filter: Filter | null;
  gruppierung?: Gruppierung;
}

/**
 * Monatswerte for several views in one pass: a person's LZB status, measures and events are worked
 * out once and then counted into every view the person belongs to.
 */
export function aggregiereSichten(d: PersonenDaten, von: number, bis: number, sichten: readonly Sicht[]): Monatswerte[] {
  return monatswerteAus(d, von, bis, sichten, zaehleSichten(d, von, bis, sichten));
}

/**
 * The counts of `aggregiereSichten` per view, of the persons before `bisPerson` only (default:
 * all). They are sums over persons: a second thread counts the rest, as a part numbered from 0
 * (`PersonenTeil`), and the counts add up (`monatswerteAus` makes the series).
 */
export function zaehleSichten(d: ZaehlDaten, von: number, bis: number, sichten: readonly Sicht[], bisPerson = d.zeitlinien.anzahlPersonen): Int32Array[] {
  const { regel, zeitlinien: z, merkmale, ereignisse, massnahmen } = d;
  const st = stichtage(regel, d.abdeckung, von - 2, bis);
  const n = st.monate.length;
  const S = SPALTEN.length;

  const ansichten = sichten.map((v) => {
    if (v.filter && !merkmale) throw new Error(`Filter ${v.filter} ohne Personenmerkmale`);
    const breite = breiteVon(v);
    return {
      gruppierung: v.gruppierung ?? null,
      breite,
      // Counts of persons and events per month: whole numbers below 2³¹, so integer adds.
      zaehler: new Int32Array(n * breite),
      // Changes of the stocks (ELB, LZB, ELB alleinerziehend) per month; see `bewege`.
      bestand: new Int32Array(n * breite),
      imFilter: v.filter ? personenfilter(v.filter, merkmale!) : null,
    };
  });
  const status = neuerStatus(n);
  const drin = new Uint8Array(n);
  const lage = neueMonatslage(n);
  // Whether `lage` holds the previous person's measures or events, to be cleared.
  let aktivGesetzt = false, ereignisseGesetzt = false;
  const tag = st.stichtagDatum;
  const laeufe = neueLaeufe();
  for (let p = 0; p < Math.min(bisPerson, z.anzahlPersonen); p++) {
    const nLaeufe = z.kopiere(p, laeufe);
    // Nobody counts who is in receipt at none of the Stichtage (events need receipt at S(t−1)).
    if (nLaeufe === 0 || laeufe.bis[nLaeufe - 1] < st.stichtag[0] || laeufe.von[0] > st.stichtag[n - 1]) continue;
    statusDerPerson(laeufe, nLaeufe, st, regel, status);
    const ae = merkmale?.alleinerziehendCode(p) === 1 ? 1 : 0;
    // Most persons have neither measures nor events: their months stay 0 without a pass.
    if (massnahmen?.hatBezug(p)) {
      for (let i = 2; i < n; i++) lage.aktiv[i] = status.lzb[i] === 1 && massnahmen.enthaelt(p, tag[i]) ? 1 : 0;
      aktivGesetzt = true;
    } else if (aktivGesetzt) {
      lage.aktiv.fill(0);
      aktivGesetzt = false;
    }
    if (ereignisseGesetzt) {
      leereEreignisse(lage);
      ereignisseGesetzt = false;
    }
    if (ereignisse?.hatEreignisse(p)) {
      ereignisseGesetzt = true;
      // Month i counts events with S(t−1) < d ≤ S(t) of a person in the stock at S(t−1); a new
      // entrant at S(t−1) (not in receipt at S(t−2)) also brings those of S(t−2) < d ≤ S(t−1).
      // So an event with S(j−1) < d ≤ S(j) can count in month j and, for a new entrant at S(j),
      // in month j+1, and in no other. In date order, the first of a class in a month counts.
      let j = 0;
      for (let k = ereignisse.anfang(p), ende = ereignisse.ende(p); k < ende; k++) {
        const d = ereignisse.tagVon(k);
        while (j < n && tag[j] < d) j++;
        if (j === n) break;
        if (j === 0) continue;
        const klasse = ereignisse.klasseVon(k);
        if (j >= 2 && status.elb[j - 1] === 1) erstesImMonat(lage, j, klasse, k, ereignisse);
        if (j + 1 < n && status.elb[j - 1] !== 1 && status.elb[j] === 1) erstesImMonat(lage, j + 1, klasse, k, ereignisse);
      }
    }
    const mitLage = aktivGesetzt || ereignisseGesetzt;
    for (const v of ansichten) {
      const imFilter = v.imFilter;
      if (imFilter) for (let i = 0; i < n; i++) drin[i] = imFilter(p, tag[i]) ? 1 : 0;
      else drin.fill(1);
      const { zaehler, bestand, breite, gruppierung: gr } = v;
      let elbVor = status.elb[1] & drin[1], lzbVor = status.lzb[1] & drin[1];
      // What the person adds to the stocks so far: the total's (elbStand, lzbStand), and its group's.
      let elbStand = 0, lzbStand = 0, gruppeStand = -1;
      for (let i = 2; i < n; i++) {
        const elb = status.elb[i] & drin[i], lzb = status.lzb[i] & drin[i];
        // LZB implies ELB: out of the stock at S(t) and S(t−1), the person adds nothing to month i.
        if ((elb | elbVor) !== 0) {
          const basis = i * breite;
          if (elb !== elbStand || lzb !== lzbStand) bewege(bestand, basis, elbStand, lzbStand, elb, lzb, ae);
          zaehleWechsel(zaehler, basis, elb, elbVor, lzb, lzbVor);
          if (mitLage) zaehleEreignisse(zaehler, basis, i, elbVor, lzb, lzbVor, ae, lage);
          if (gr) {
            const g = gr.gruppeVon(p, tag[i]);
            const gruppe = g >= 0 && elb === 1 ? g : -1;
            if (gruppe !== gruppeStand || elb !== elbStand || lzb !== lzbStand) {
              if (gruppeStand >= 0) bewege(bestand, basis + (1 + gruppeStand) * S, elbStand, lzbStand, 0, 0, ae);
              if (gruppe >= 0) bewege(bestand, basis + (1 + gruppe) * S, 0, 0, elb, lzb, ae);
              gruppeStand = gruppe;
            }
            if (g >= 0) {
              zaehleWechsel(zaehler, basis + (1 + g) * S, elb, elbVor, lzb, lzbVor);
              if (mitLage) zaehleEreignisse(zaehler, basis + (1 + g) * S, i, elbVor, lzb, lzbVor, ae, lage);
            }
          }
          elbStand = elb;
          lzbStand = lzb;
        }
        elbVor = elb;
        lzbVor = lzb;
      }
    }
  }

  // The stocks are the running sums of their changes.
  for (const { zaehler, bestand, breite } of ansichten) {
    for (let i = 3; i < n; i++) for (let j = 0; j < breite; j++) bestand[i * breite + j] += bestand[(i - 1) * breite + j];
    for (let x = 0; x < zaehler.length; x++) zaehler[x] += bestand[x];
  }

  return ansichten.map((v) => v.zaehler);
}

/** Slots per month of a view: the total's, then each group's. */
const breiteVon = (v: Sicht) => (1 + (v.gruppierung ? v.gruppierung.gruppen.length : 0)) * SPALTEN.length;

/** The series of each view from its counts (`zaehleSichten`), with the columns the inputs allow. */
export function monatswerteAus(d: PersonenDaten, von: number, bis: number, sichten: readonly Sicht[], zaehler: readonly Int32Array[]): Monatswerte[] {
  const { merkmale, ereignisse, massnahmen } = d;
  const st = stichtage(d.regel, d.abdeckung, von - 2, bis);
  const spalten: string[] = SPALTEN.filter((s) => {
    if (s === 'kontinuierlich_offen') return false;
    if (s === 'lzb_aktiviert') return massnahmen !== null;
    // Without the column every person would count as not alleinerziehend: K2E4 is then not computable.
    if (s === 'elb_ae') return merkmale !== null && merkmale.spalten.has('alleinerziehend');
    if (s === 'integrationen_ae') return ereignisse !== null && merkmale !== null && merkmale.spalten.has('alleinerziehend');
    if (s === 'integrationen_kontinuierlich') return ereignisse !== null && d.kontinuierlichBekannt;
    if (s.startsWith('integrationen') || s.startsWith('eintritte')) return ereignisse !== null;
    return true;
  });
  return sichten.map((v, i) => monatswerte(d, st, von, bis, spalten, zaehler[i], breiteVon(v), v.filter, v.gruppierung));
}


/** Counts → series, with the reason wherever the data do not cover a cell; then the benefit sums. */
function monatswerte(d: PersonenDaten, st: Stichtage, von: number, bis: number, zaehlspalten: string[], zaehler: Int32Array, breite: number, filter: Filter | null, gruppierung?: Gruppierung): Monatswerte {
  const n = st.monate.length;
  const spalten = [...zaehlspalten];
  const grund = (i: number): FehltGrund => (st.gruende[i].some((g) => g.art === 'nach_datenstand') ? 'nach_datenstand' : 'vor_datenbeginn');
  const reihen = new Map<string, Reihe>();
  const namen = ['gesamt', ...(gruppierung?.gruppen ?? [])];
  const luecken = ereignisLuecken(d, st.stichtagDatum);
  namen.forEach((name, gi) => {
    const reihe: Reihe = new Map();
    for (let i = 2; i < n; i++) {
      for (const s of zaehlspalten as Zaehlspalte[]) {
        const feld = i * breite + gi * SPALTEN.length;
        const quelle = ereignisQuelle(s);
        let ausserhalb = !gedeckt(s, st.ok, i) ? grund(i) : quelle ? luecken[quelle][i] : null;
        if (ausserhalb === null && s === 'integrationen_kontinuierlich' && zaehler[feld + SLOT.kontinuierlich_offen] > 0) ausserhalb = 'kontinuierlich_offen';
        setze(reihe, st.monate[i], s, ausserhalb === null ? zaehler[feld + SLOT[s]] : fehlt(ausserhalb));
      }
    }
    reihen.set(name, reihe);
  });

  // Benefit sums carry no person, so they exist only for the whole Jobcenter.
  const leistungsspalten: ['llu' | 'luh', Map<number, Wert>][] = [];
  if (d.leistungen) {
    leistungsspalten.push(['llu', d.leistungen.llu]);
    if (d.leistungen.luh) leistungsspalten.push(['luh', d.leistungen.luh]);
  }
  for (const [spalte, werte] of leistungsspalten) {
    spalten.push(spalte);
    for (const [name, reihe] of reihen) {
      for (let m = von; m <= bis; m++) {
        const w = name !== 'gesamt' || filter ? fehlt('nicht_nach_personen') : werte.get(m) ?? fehlt('keine_zeile');
        setze(reihe, m, spalte, w);
      }
    }
  }
  return { spalten, gruppen: reihen };
}
