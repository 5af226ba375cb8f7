// Synthetic Monatswerte of many Jobcenters in one table, with their Vergleichstypen (issue 12): the
// input of `kennzahlen vergleich` at Bund scale (405 Jobcenters) for `npm run bench`. Each
// Jobcenter has its own size and trend; rows come month by month, all Jobcenters of a month together,
// as BA tables list them; keys are 5-digit text (leading zeros). Types by size, Länder by key.
//
//   node dist/tools/vergleichsdaten.js ORDNER [JOBCENTER=405] [MONATE=60]

import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { zufall } from './synthese.js';

const SPALTEN = ['elb', 'elb_zugaenge', 'elb_abgaenge', 'lzb', 'lzb_zugaenge', 'lzb_abgaenge', 'lzb_aktiviert', 'integrationen', 'integrationen_lzb', 'integrationen_ae', 'elb_ae', 'eintritte_geringfuegig', 'eintritte_oeffentlich', 'integrationen_kontinuierlich', 'llu', 'luh'] as const;
const LAENDER = ['SH', 'HH', 'NI', 'HB', 'NW', 'HE', 'RP', 'BW', 'BY', 'SL', 'BE', 'BB', 'MV', 'SN', 'ST', 'TH'];
const TYPEN = ['Ia', 'Ib', 'Ic', 'Id', 'Ie', 'IIa', 'IIb', 'IIc', 'IId', 'IIe', 'IIIa', 'IIIb', 'IIIc', 'IIId', 'IIIe'];

export interface VergleichsdatenAuftrag {
  out: string;
  jobcenter: number;
  monate: number;
  seed?: number;
}

/** Writes `monatswerte.csv` and `vergleichstypen.csv` into `out`; returns the first Jobcenter's key. */
export function erzeugeVergleichsdaten(a: VergleichsdatenAuftrag): string {
  const z = zufall(a.seed ?? 42);
  mkdirSync(a.out, { recursive: true });
  const jc = Array.from({ length: a.jobcenter }, (_, i) => ({
    schluessel: String(1001 + i * 37).padStart(5, '0'),
    land: LAENDER[i % LAENDER.length],
    groesse: Math.round(1500 + z() * 60000),
    trend: (z() - 0.5) * 0.006,
    quoten: SPALTEN.map(() => 0.002 + z() * 0.05),
  }));
  // 15 types by size, as the IAB's cluster the Jobcenters by their situation.
  const sortiert = [...jc].sort((x, y) => x.groesse - y.groesse);
  const typ = new Map(sortiert.map((j, i) => [j.schluessel, TYPEN[Math.floor((i * TYPEN.length) / sortiert.length)]]));
  const zeilen = [`Regionalschlüssel;Monat;Gruppe;${SPALTEN.join(';')}`];
  for (let i = 0; i < a.monate; i++) {
    const monat = `${2013 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`;
    for (const j of jc) {
      const elb = Math.round(j.groesse * (1 + j.trend * i) * (1 + (z() - 0.5) * 0.01));
      // The total's values in cents and persons; women a share of each, men the rest: the groups add up.
      const gesamt = SPALTEN.map((s, k) => (s === 'elb' ? elb : s === 'llu' || s === 'luh' ? Math.round(elb * (s === 'llu' ? 41025 : 33050)) : Math.round(elb * j.quoten[k] * (0.9 + z() * 0.2))));
      const frauen = gesamt.map((w) => Math.round(w * 0.48));
      const text = (werte: number[]) => werte.map((w, k) => (SPALTEN[k] === 'llu' || SPALTEN[k] === 'luh' ? (w / 100).toFixed(2).replace('.', ',') : String(w))).join(';');
      for (const [gruppe, werte] of [['Insgesamt', gesamt], ['Frauen', frauen], ['Männer', gesamt.map((w, k) => w - frauen[k])]] as const) zeilen.push(`${j.schluessel};${monat};${gruppe};${text([...werte])}`);
    }
  }
  writeFileSync(join(a.out, 'monatswerte.csv'), zeilen.join('\n') + '\n');
  writeFileSync(join(a.out, 'vergleichstypen.csv'), ['regionalschluessel;vergleichstyp;name;land', ...jc.map((j) => `${j.schluessel};${typ.get(j.schluessel)};Jobcenter ${j.schluessel};${j.land}`)].join('\n') + '\n');
  return jc[0].schluessel;
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].replace(/^.*\/dist\//, '/dist/'))) {
  const [out, n = '405', m = '60'] = process.argv.slice(2);
  process.stdout.write(erzeugeVergleichsdaten({ out, jobcenter: Number(n), monate: Number(m) }) + '\n');
}
