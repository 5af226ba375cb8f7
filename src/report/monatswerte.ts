// Monatswerte as CSV for Excel (and for `report --monatswerte`), as JSON, and as a terminal table.
// A missing cell is `x`, a suppressed one `*`, as in BA tables.

import type { ChalkInstance } from 'chalk';
import { deutscherMonat, isoMonat } from '../core/kalender.js';
import type { Monatswerte, Wert } from '../core/monatswerte/monatswerte.js';
import type { EingabeInfo } from '../input/tabelle.js';
import { csvDokument, quote, textZelle } from './csv.js';
import { eingabeZeile } from './eingaben.js';
import { GRUPPEN_NAMEN } from './kennzahlen-bericht.js';
import { tabelle } from './tabelle.js';
import { csvZahl, deZahl } from './zahlen.js';

export const MONATSWERTE_SCHEMA = 'kennzahlen-monatswerte/1';

export interface MonatswerteKopf {
  jobcenter: string | null;
  datenstand: string;
  filter: string | null;
  nach: string | null;
  eingaben: EingabeInfo[];
  von: number;
  bis: number;
}

function* zeilen(mw: Monatswerte, von: number, bis: number) {
  for (const [gruppe, reihe] of mw.gruppen) for (let m = von; m <= bis; m++) yield { gruppe, monat: m, zeile: reihe.get(m) };
}

const symbol = (w: Wert | undefined) => (typeof w === 'number' ? null : w?.art === 'gesperrt' ? '*' : 'x');

export function monatswerteCsv(mw: Monatswerte, von: number, bis: number): string {
  const z = [...zeilen(mw, von, bis)].map(({ gruppe, monat, zeile }) => [
    isoMonat(monat),
    textZelle(gruppe),
    ...mw.spalten.map((s) => {
      const w = zeile?.get(s);
      return typeof w === 'number' ? csvZahl(w) : quote(symbol(w)!);
    }),
  ]);
  return csvDokument(['monat', 'gruppe', ...mw.spalten], z);
}

export function monatswerteJson(mw: Monatswerte, k: MonatswerteKopf): string {
  const doc = {
    schema: MONATSWERTE_SCHEMA,
    jobcenter: k.jobcenter,
    datenstand: k.datenstand,
    von: isoMonat(k.von),
    bis: isoMonat(k.bis),
    filter: k.filter,
    nach: k.nach,
    eingaben: k.eingaben.map((e) => ({ rolle: e.rolle, datei: e.datei, zeilen: e.zeilen, sha256: e.sha256, kodierung: e.kodierung, trennzeichen: e.trennzeichen })),
    spalten: mw.spalten,
    zeilen: [...zeilen(mw, k.von, k.bis)].map(({ gruppe, monat, zeile }) => {
      const hinweise: Record<string, string> = {};
      const werte: Record<string, number | null> = {};
      for (const s of mw.spalten) {
        const w = zeile?.get(s);
        werte[s] = typeof w === 'number' ? w : null;
        if (typeof w !== 'number') hinweise[s] = w?.art === 'gesperrt' ? 'gesperrt (*)' : w?.grund ?? 'fehlt';
      }
      return { monat: isoMonat(monat), gruppe, ...werte, hinweise };
    }),
  };
  return JSON.stringify(doc, null, 2) + '\n';
}

const KURZ: Record<string, string> = {
  elb: 'ELB', elb_zugaenge: 'Zug.', elb_abgaenge: 'Abg.', lzb: 'LZB', lzb_zugaenge: 'LZB Zug.', lzb_abgaenge: 'LZB Abg.',
  lzb_aktiviert: 'LZB akt.', integrationen: 'Int.', integrationen_lzb: 'Int. LZB', integrationen_ae: 'Int. AE', elb_ae: 'ELB AE',
  eintritte_geringfuegig: 'GB', eintritte_oeffentlich: 'ÖGB', integrationen_kontinuierlich: 'Int. kont.', llu: 'LLU €', luh: 'LUH €',
};

export function monatswerteTabelle(mw: Monatswerte, k: MonatswerteKopf, farbe: ChalkInstance): string {
  const aus = [farbe.bold(`Monatswerte · ${k.jobcenter ? `Jobcenter ${k.jobcenter}` : 'Jobcenter (nicht angegeben)'} · ${deutscherMonat(k.von)}–${deutscherMonat(k.bis)}${k.filter ? ` · Filter ${k.filter}` : ''}`), ''];
  for (const [gruppe, reihe] of mw.gruppen) {
    if (mw.gruppen.size > 1) aus.push(farbe.bold(GRUPPEN_NAMEN[gruppe] ?? gruppe));
    const z: string[][] = [];
    for (let m = k.von; m <= k.bis; m++) {
      z.push([deutscherMonat(m), ...mw.spalten.map((s) => {
        const w = reihe.get(m)?.get(s);
        return typeof w === 'number' ? deZahl(w, Number.isInteger(w) ? 0 : 2) : farbe.dim(symbol(w)!);
      })]);
    }
    aus.push(tabelle(['Monat', ...mw.spalten.map((s) => KURZ[s] ?? s)], z, farbe), '');
  }
  aus.push(farbe.dim('Zug./Abg.: Zu-/Abgänge am Stichtag. Int.: Integrationen; AE: Alleinerziehende; GB/ÖGB: Eintritte in geringfügige/öffentlich geförderte Beschäftigung; akt.: in Maßnahmen. x = nicht berechenbar.'));
  for (const e of k.eingaben) aus.push(farbe.dim(eingabeZeile(e)));
  return aus.join('\n') + '\n';
}
