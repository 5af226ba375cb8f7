// Monatswerte as CSV for Excel (and for `report --monatswerte`), as JSON, as a workbook, and as a
// document for the terminal, Markdown and HTML. A missing cell is `x`, a suppressed one `*`, as in
// BA tables.

import { isoMonat } from '../core/kalender.js';
import { BETRAGS_SPALTEN, type Monatswerte, type Wert } from '../core/monatswerte/monatswerte.js';
import type { EingabeInfo } from '../core/modell.js';
import { anzahl, euro, jobcenterAngabe, monatsFeld, titelblock, xAngabe, type Arbeitsmappe, type Feld } from './arbeitsmappe.js';
import { csvDokument, quote, textZelle } from './csv.js';
import { darstellungJson, hinweisText, jobcenterText, sperrHinweis, stempelBloecke, texte, type Darstellung } from './darstellung.js';
import { zelle, type Block, type Dokument } from './dokument.js';
import { eingabeJson, eingabenBlatt, eingabenFuss } from './eingaben.js';
import { monatswerteSperre, type MonatswerteSperre } from './geheimhaltung.js';
import { GESAMT_UND_GESCHLECHT_NAMEN, gruppenName } from './gruppen.js';
import { csvZahl } from './zahlen.js';

export const MONATSWERTE_SCHEMA = 'kennzahlen-monatswerte/1';

export interface MonatswerteKopf {
  jobcenter: string | null;
  /**
   * `--regionalschluessel`: the Jobcenter's key as a first column of every row, so that the tables
   * of several Jobcenters put together are one table of many (`vergleich`, `report --jobcenter`).
   */
  regionalschluessel: string | null;
  datenstand: string;
  filter: string | null;
  nach: string | null;
  eingaben: EingabeInfo[];
  von: number;
  bis: number;
}

/** A cell as shown: the number, `*` (suppressed at the source or by `--suppress-below`) or `x`. */
function zelleVon(s: MonatswerteSperre, gruppe: string, monat: number, spalte: string, w: Wert | undefined): number | '*' | 'x' {
  if (typeof w === 'number') return s.gesperrt(monat, gruppe, spalte) ? '*' : w;
  return w?.art === 'gesperrt' ? '*' : 'x';
}

function* zeilen(mw: Monatswerte, von: number, bis: number) {
  for (const [gruppe, reihe] of mw.gruppen) for (let m = von; m <= bis; m++) yield { gruppe, monat: m, zeile: reihe.get(m) };
}

/**
 * A group as the tables that are read back name it: a filtered table is not the Jobcenter's, its
 * groups say so, so that `report --monatswerte` does not take it for the total.
 */
const gruppeVon = (k: MonatswerteKopf, gruppe: string) => (k.filter ? `${k.filter}:${gruppe}` : gruppe);

/** Why a cell holds no number: suppressed at the source, or missing and why. */
function zellHinweis(w: Exclude<Wert, number> | undefined, spalte: string, monat: number, d: Darstellung): string {
  if (w?.art === 'gesperrt') return texte(d).L('gesperrt (*)', 'suppressed (*)');
  return hinweisText([{ art: 'monate_fehlen', spalte, monate: [monat], gruende: w?.grund ? [w.grund] : [] }], d)!;
}

function monatswerteTitel(k: MonatswerteKopf, d: Darstellung): string {
  const tx = texte(d);
  return `${tx.L('Monatswerte', 'Monthly aggregates')} · ${jobcenterText(k.jobcenter, d)}${k.regionalschluessel ? ` (${k.regionalschluessel})` : ''} · ${tx.monat(k.von)}–${tx.monat(k.bis)}${k.filter ? ` · Filter ${k.filter}` : ''}`;
}

export function monatswerteCsv(mw: Monatswerte, k: MonatswerteKopf, d: Darstellung): string {
  const sperre = monatswerteSperre(mw, k, d);
  const region = k.regionalschluessel === null ? [] : [textZelle(k.regionalschluessel)];
  const z = [...zeilen(mw, k.von, k.bis)].map(({ gruppe, monat, zeile }) => [
    ...region,
    isoMonat(monat),
    textZelle(gruppeVon(k, gruppe)),
    ...mw.spalten.map((s) => {
      const w = zelleVon(sperre, gruppe, monat, s, zeile?.get(s));
      return typeof w === 'number' ? csvZahl(w) : quote(w);
    }),
  ]);
  return csvDokument([...(k.regionalschluessel === null ? [] : ['regionalschluessel']), 'monat', 'gruppe', ...mw.spalten], z);
}

export function monatswerteJson(mw: Monatswerte, k: MonatswerteKopf, d: Darstellung): string {
  const sperre = monatswerteSperre(mw, k, d);
  const doc = {
    schema: MONATSWERTE_SCHEMA,
    jobcenter: k.jobcenter,
    ...(k.regionalschluessel === null ? {} : { regionalschluessel: k.regionalschluessel }),
    datenstand: k.datenstand,
    ...darstellungJson(d),
    von: isoMonat(k.von),
    bis: isoMonat(k.bis),
    filter: k.filter,
    nach: k.nach,
    eingaben: k.eingaben.map(eingabeJson),
    spalten: mw.spalten,
    zeilen: [...zeilen(mw, k.von, k.bis)].map(({ gruppe, monat, zeile }) => {
      const hinweise: Record<string, string> = {};
      const werte: Record<string, number | '*' | null> = {};
      for (const s of mw.spalten) {
        const w = zeile?.get(s);
        const z = zelleVon(sperre, gruppe, monat, s, w);
        werte[s] = z === 'x' ? null : z;
        if (typeof w !== 'number') hinweise[s] = zellHinweis(w, s, monat, d);
      }
      return { monat: isoMonat(monat), gruppe, ...werte, hinweise };
    }),
  };
  return JSON.stringify(doc, null, 2) + '\n';
}

const KURZ: Record<string, [string, string]> = {
  elb: ['ELB', 'ELB'], elb_zugaenge: ['Zug.', 'In'], elb_abgaenge: ['Abg.', 'Out'], lzb: ['LZB', 'LZB'], lzb_zugaenge: ['LZB Zug.', 'LZB in'], lzb_abgaenge: ['LZB Abg.', 'LZB out'],
  lzb_aktiviert: ['LZB akt.', 'LZB act.'], integrationen: ['Int.', 'Int.'], integrationen_lzb: ['Int. LZB', 'Int. LZB'], integrationen_ae: ['Int. AE', 'Int. SP'], elb_ae: ['ELB AE', 'ELB SP'],
  eintritte_geringfuegig: ['GB', 'ME'], eintritte_oeffentlich: ['ÖGB', 'PFE'], integrationen_kontinuierlich: ['Int. kont.', 'Int. cont.'], llu: ['LLU €', 'LLU €'], luh: ['LUH €', 'LUH €'],
};

export function monatswerteDokument(mw: Monatswerte, k: MonatswerteKopf, d: Darstellung): Dokument {
  const tx = texte(d);
  const { L } = tx;
  const sperre = monatswerteSperre(mw, k, d);
  const titel = monatswerteTitel(k, d);
  const bloecke: Block[] = [{ art: 'titel', text: titel, demo: false }, { art: 'text', text: L(`Datenstand ${tx.datum(k.datenstand)}`, `Data as of ${tx.datum(k.datenstand)}`) }];
  bloecke.push(...stempelBloecke(d));
  for (const [gruppe, reihe] of mw.gruppen) {
    if (mw.gruppen.size > 1) bloecke.push({ art: 'abschnitt', text: gruppenName(GESAMT_UND_GESCHLECHT_NAMEN, gruppe, L) });
    const z = [];
    for (let m = k.von; m <= k.bis; m++) {
      z.push([tx.monat(m), ...mw.spalten.map((s) => {
        const w = zelleVon(sperre, gruppe, m, s, reihe.get(m)?.get(s));
        return typeof w === 'number' ? tx.zahl(w, Number.isInteger(w) ? 0 : 2) : zelle(w, w === '*' ? 'gesperrt' : 'x');
      })]);
    }
    bloecke.push({ art: 'tabelle', kopf: [L('Monat', 'Month'), ...mw.spalten.map((s) => (KURZ[s] ? L(...KURZ[s]) : s))], zeilen: z, links: 1 });
  }
  bloecke.push({
    art: 'text',
    leise: true,
    text: L(
      'Zug./Abg.: Zu-/Abgänge am Stichtag. Int.: Integrationen; AE: Alleinerziehende; GB/ÖGB: Eintritte in geringfügige/öffentlich geförderte Beschäftigung; akt.: in Maßnahmen. x = nicht berechenbar.',
      'In/Out: inflows/outflows at the reference day. Int.: integrations; SP: single parents; ME/PFE: entries into marginal/publicly funded employment; act.: in measures. x = not computable.',
    ),
  });
  if (d.unter !== null) bloecke.push({ art: 'text', leise: true, text: sperrHinweis(d.unter, d) });
  bloecke.push(eingabenFuss(k.eingaben, d));
  return { sprache: d.sprache, titel, bloecke };
}

/**
 * Monatswerte as a workbook. Its first sheet is the plain table of the CSV (header in row 1, the
 * same column names, a row per month and group, months as text), so that `report --monatswerte`
 * reads it back as it reads the CSV; what the table is about stands on a sheet of its own.
 */
export function monatswerteMappe(mw: Monatswerte, k: MonatswerteKopf, d: Darstellung): Arbeitsmappe {
  const tx = texte(d);
  const { L } = tx;
  const sperre = monatswerteSperre(mw, k, d);
  const titel = monatswerteTitel(k, d);
  const tabelle: Feld[][] = [];
  const hinweise: Feld[][] = [];
  for (const { gruppe, monat, zeile } of zeilen(mw, k.von, k.bis)) {
    tabelle.push([...(k.regionalschluessel === null ? [] : [k.regionalschluessel]), monatsFeld(monat), gruppeVon(k, gruppe), ...mw.spalten.map((s) => {
      const w = zeile?.get(s);
      const z = zelleVon(sperre, gruppe, monat, s, w);
      if (typeof w !== 'number') hinweise.push([monatsFeld(monat), gruppeVon(k, gruppe), s, zellHinweis(w, s, monat, d)]);
      return typeof z === 'number' ? (BETRAGS_SPALTEN.has(s) ? euro(z) : anzahl(z, 2)) : z;
    })]);
  }
  const bericht = titelblock(titel, [
    jobcenterAngabe(k.jobcenter, d),
    [L('Monate', 'Months'), `${tx.monat(k.von)}–${tx.monat(k.bis)}`],
    [L('Datenstand', 'Data as of'), tx.datum(k.datenstand)],
    ...(k.filter ? [['Filter', k.filter] as [string, Feld]] : []),
    ...(k.nach ? [[L('Gegliedert nach', 'Broken down by'), k.nach] as [string, Feld]] : []),
  ], d);
  // What the symbols in the table mean, below what it is about.
  bericht.push([], xAngabe(d));
  if (d.unter !== null) bericht.push(['*', sperrHinweis(d.unter, d)]);
  return {
    titel,
    erstellt: d.stempel,
    blaetter: [
      { name: 'Monatswerte', kopfblock: [], kopf: [...(k.regionalschluessel === null ? [] : ['regionalschluessel']), 'monat', 'gruppe', ...mw.spalten], zeilen: tabelle },
      { name: L('Bericht', 'Report'), kopfblock: bericht, kopf: [], zeilen: [] },
      ...(hinweise.length ? [{ name: L('Hinweise', 'Notes'), kopfblock: [], kopf: [L('Monat', 'Month'), L('Gruppe', 'Group'), L('Spalte', 'Column'), L('Hinweis', 'Note')], zeilen: hinweise }] : []),
      eingabenBlatt(k.eingaben, d),
    ],
  };
}
