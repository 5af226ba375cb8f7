// The demo's Vergleichstyp (issue 12): the sample Jobcenter's own Monatswerte, as `aggregate` writes
// them from fixtures/demo, and 19 synthetic Jobcenters derived from them (other sizes, other trends,
// a little noise on every cell; a month the demo has as `x` stays `x`), with their Vergleichstypen.
// Deterministic: the same aggregate gives the same files. fixtures/demo/vergleich-*.csv are
//
//   node bin/kennzahlen.js aggregate --config fixtures/demo/kennzahlen.json --von 2015-01 --bis 2017-06 --format csv \
//     | node dist/tools/vergleichsdemo.js fixtures/demo

import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { zufall } from './synthese.js';

/** The demo Jobcenter's key: Landkreis Elbe-Elster. */
export const DEMO_SCHLUESSEL = '12062';

// Keys of Landkreise in Brandenburg (12), Mecklenburg-Vorpommern (13), Sachsen (14), Sachsen-Anhalt (15)
// and Thüringen (16), as a type of rural eastern Jobcenters would hold them.
const PEERS = ['12051', '12060', '12061', '12063', '12064', '12065', '12066', '12068', '13071', '13072', '13073', '14521', '14522', '14625', '15081', '15082', '15083', '16061', '16062'];
const LAND: Record<string, string> = { '12': 'BB', '13': 'MV', '14': 'SN', '15': 'ST', '16': 'TH' };
const BETRAG = new Set(['llu', 'luh']);

export function vergleichsdemo(aggregatCsv: string): { monatswerte: string; vergleichstypen: string } {
  const [kopf, ...zeilen] = aggregatCsv.replace(/^\uFEFF/, '').trimEnd().split(/\r?\n/).map((z) => z.split(';'));
  const spalten = kopf.slice(2);
  const z = zufall(48);
  const aus = [`Regionalschlüssel;Jobcenter;monat;${spalten.join(';')}`];
  const eigen = zeilen.filter((r) => r[1] === 'gesamt');
  for (const r of eigen) aus.push(`${DEMO_SCHLUESSEL};Elbe-Elster (Demo);${r[0]};${r.slice(2).join(';')}`);
  for (const k of PEERS) {
    const groesse = 0.5 + z() * 2.5;
    const trend = (z() - 0.5) * 0.01;
    // Each column its own level against the demo: other Jobcenters integrate, activate and pay differently.
    const art = spalten.map(() => 0.8 + z() * 0.4);
    eigen.forEach((r, i) => {
      const werte = r.slice(2).map((w, j) => {
        if (!/^\d/.test(w)) return w;
        const basis = Number(w.replace(',', '.'));
        const wert = basis * groesse * (1 + trend * i) * art[j] * (0.98 + z() * 0.04);
        return BETRAG.has(spalten[j]) ? wert.toFixed(2).replace('.', ',') : String(Math.round(wert));
      });
      aus.push(`${k};Jobcenter ${k} (synthetisch);${r[0]};${werte.join(';')}`);
    });
  }
  const typen = ['regionalschluessel;vergleichstyp;name;land', `${DEMO_SCHLUESSEL};IIc;Jobcenter Elbe-Elster (Demo);BB`, ...PEERS.map((k) => `${k};IIc;Jobcenter ${k} (synthetisch);${LAND[k.slice(0, 2)]}`)];
  return { monatswerte: aus.join('\n') + '\n', vergleichstypen: typen.join('\n') + '\n' };
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].replace(/^.*\/dist\//, '/dist/'))) {
  const ordner = process.argv[2] ?? 'fixtures/demo';
  const { monatswerte, vergleichstypen } = vergleichsdemo(readFileSync(0, 'utf8'));
  writeFileSync(join(ordner, 'vergleich-monatswerte.csv'), monatswerte);
  writeFileSync(join(ordner, 'vergleichstypen.csv'), vergleichstypen);
}
