// Person-level data → Monatswerte (SPEC §4.2): stocks and flows at the Stichtage, integrations and
// entries attributed to Bezugsmonate, LZB in measures, benefit sums. A month or column the data do
// not cover is a missing value with its reason, never a count of zero.

import type { Ereignisse } from '../ereignisse.js';
import type { FehltGrund } from '../hinweis.js';
import { personenfilter, type Filter } from '../filter.js';
import type { LzbRegel } from '../lzb/regel.js';
import { neuerStatus, statusDerPerson, stichtage, type Abdeckung, type Berechenbar } from '../lzb/stichtage.js';
import type { Gruppierung, Merkmale } from '../merkmale.js';
import { neueLaeufe, type Zeitlinien } from '../zeitlinien.js';
import { fehlt, setze, type Monatswerte, type Reihe, type Wert } from './monatswerte.js';

export interface PersonenDaten {
  regel: LzbRegel;
  abdeckung: Abdeckung;
  zeitlinien: Zeitlinien;
  merkmale: Merkmale | null;
  ereignisse: Ereignisse | null;
  /** The integrations input has a `kontinuierlich` column. */
  kontinuierlichBekannt: boolean;
  /** Measures as day ranges per person (K3E2), or null without a `massnahmen` input. */
  massnahmen: Zeitlinien | null;
  /** Benefit sums per month; `luh` only if the input has that column. */
  leistungen: { llu: Map<number, Wert>; luh: Map<number, Wert> | null } | null;
}

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
] as const;
type Zaehlspalte = (typeof SPALTEN)[number];
const SLOT = Object.fromEntries(SPALTEN.map((s, i) => [s, i])) as Record<Zaehlspalte, number>;

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
  const { regel, zeitlinien: z, merkmale, ereignisse, massnahmen } = d;
  const st = stichtage(regel, d.abdeckung, a.von - 2, a.bis);
  const n = st.monate.length;
  const nGruppen = a.gruppierung ? a.gruppierung.gruppen.length : 0;
  const breite = (1 + nGruppen) * SPALTEN.length;
  const zaehler = new Float64Array(n * breite);
  const imFilter = a.filter && merkmale ? personenfilter(a.filter, merkmale) : () => true;
  if (a.filter && !merkmale) throw new Error(`Filter ${a.filter} ohne Personenmerkmale`);

  const spalten: string[] = SPALTEN.filter((s) => {
    if (s === 'lzb_aktiviert') return massnahmen !== null;
    if (s === 'elb_ae') return merkmale !== null;
    if (s === 'integrationen_ae') return ereignisse !== null && merkmale !== null;
    if (s === 'integrationen_kontinuierlich') return ereignisse !== null && d.kontinuierlichBekannt;
    if (s.startsWith('integrationen') || s.startsWith('eintritte')) return ereignisse !== null;
    return true;
  });

  const zaehle = (i: number, g: number, slot: number) => {
    zaehler[i * breite + slot]++;
    if (g >= 0) zaehler[i * breite + (1 + g) * SPALTEN.length + slot]++;
  };

  const status = neuerStatus(n);
  const drin = new Uint8Array(n);
  const tag = st.stichtagDatum;
  const laeufe = neueLaeufe();
  for (let p = 0; p < z.anzahlPersonen; p++) {
    const nLaeufe = z.kopiere(p, laeufe);
    if (nLaeufe === 0) continue;
    statusDerPerson(laeufe, nLaeufe, st, regel, status);
    for (let i = 0; i < n; i++) drin[i] = imFilter(p, tag[i]) ? 1 : 0;
    const ae = merkmale?.alleinerziehendCode(p) === 1;
    const mitEreignissen = ereignisse?.hatEreignisse(p) ?? false;
    for (let i = 2; i < n; i++) {
      const elb = status.elb[i] === 1 && drin[i] === 1, elbVor = status.elb[i - 1] === 1 && drin[i - 1] === 1;
      const lzb = status.lzb[i] === 1 && drin[i] === 1, lzbVor = status.lzb[i - 1] === 1 && drin[i - 1] === 1;
      if (!elb && !elbVor) continue;
      const g = a.gruppierung ? a.gruppierung.gruppeVon(p, tag[i]) : -1;
      if (elb) zaehle(i, g, SLOT.elb);
      if (elb && !elbVor) zaehle(i, g, SLOT.elb_zugaenge);
      if (!elb && elbVor) zaehle(i, g, SLOT.elb_abgaenge);
      if (lzb) zaehle(i, g, SLOT.lzb);
      if (lzb && !lzbVor) zaehle(i, g, SLOT.lzb_zugaenge);
      if (!lzb && lzbVor) zaehle(i, g, SLOT.lzb_abgaenge);
      if (lzb && massnahmen?.enthaelt(p, tag[i])) zaehle(i, g, SLOT.lzb_aktiviert);
      if (elb && ae) zaehle(i, g, SLOT.elb_ae);
      if (!elbVor || !mitEreignissen) continue;
      // In the stock at S(t−1): events with S(t−1) < d ≤ S(t); a new entrant at S(t−1) (not in
      // receipt at S(t−2)) also brings the events of S(t−2) < d ≤ S(t−1). At most one per class.
      const von = status.elb[i - 2] === 1 ? tag[i - 1] : tag[i - 2];
      const integration = ereignisse!.erstes(p, 'integration', von, tag[i]);
      if (integration >= 0) {
        zaehle(i, g, SLOT.integrationen);
        if (lzbVor) zaehle(i, g, SLOT.integrationen_lzb);
        if (ae) zaehle(i, g, SLOT.integrationen_ae);
        if (ereignisse!.kontinuierlich(integration)) zaehle(i, g, SLOT.integrationen_kontinuierlich);
      }
      if (ereignisse!.erstes(p, 'geringfuegig', von, tag[i]) >= 0) zaehle(i, g, SLOT.eintritte_geringfuegig);
      if (ereignisse!.erstes(p, 'oeffentlich', von, tag[i]) >= 0) zaehle(i, g, SLOT.eintritte_oeffentlich);
    }
  }

  // Counts → series, with the reason wherever the data do not cover a cell.
  const grund = (i: number): FehltGrund => (st.gruende[i].some((g) => g.art === 'nach_datenstand') ? 'nach_datenstand' : 'vor_datenbeginn');
  const reihen = new Map<string, Reihe>();
  const namen = ['gesamt', ...(a.gruppierung?.gruppen ?? [])];
  namen.forEach((name, gi) => {
    const reihe: Reihe = new Map();
    for (let i = 2; i < n; i++) {
      for (const s of spalten as Zaehlspalte[]) {
        setze(reihe, st.monate[i], s, gedeckt(s, st.ok, i) ? zaehler[i * breite + gi * SPALTEN.length + SLOT[s]] : fehlt(grund(i)));
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
      for (let m = a.von; m <= a.bis; m++) {
        const w = name !== 'gesamt' || a.filter ? fehlt('nicht_nach_personen') : werte.get(m) ?? fehlt('keine_zeile');
        setze(reihe, m, spalte, w);
      }
    }
  }
  return { spalten, gruppen: reihen };
}
