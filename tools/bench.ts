// `npm run bench`: three sizes of synthetic extracts, generated once and cached in .bench/ —
// a Jobcenter (7,500 persons), a Land (300,000) and the Bund (4 million, period form only) — and
// for each the built `kennzahlen` running `lzb` over 24 months, `aggregate` and `report`, next to
// DuckDB computing the same LZB count from the same CSV; and `vergleich` on Monatswerte of 405
// Jobcenters × 60 months × 3 groups (tools/vergleichsdaten.ts) next to DuckDB computing the Bund's
// K2 from the same table. Prints wall time, rows/s, MB/s and peak RSS, medians of --runs runs
// (commands alternate with DuckDB, so both see the same machine), and fails if DuckDB and
// kennzahlen count differently.
//
//   npm run bench -- [--groessen jobcenter,land,bund,vergleich] [--runs 3] [--ohne-duckdb]

import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { generiere } from './generate.js';
import { erzeugeVergleichsdaten } from './vergleichsdaten.js';

const { values } = parseArgs({
  options: {
    groessen: { type: 'string', default: 'jobcenter,land,bund,vergleich' },
    runs: { type: 'string', default: '3' },
    'ohne-duckdb': { type: 'boolean', default: false },
  },
});
const laeufe = Number(values.runs);
const GROESSEN = { jobcenter: { personen: 7_500, form: 'beide' }, land: { personen: 300_000, form: 'beide' }, bund: { personen: 4_000_000, form: 'tage' } } as const;
type Groesse = keyof typeof GROESSEN;
const gewaehlt = values.groessen!.split(',') as (Groesse | 'vergleich')[];

// The cache is keyed by the generator's own code, so a changed generator never measures stale data.
const generator = createHash('sha256').update(readFileSync(new URL('./synthese.js', import.meta.url))).digest('hex').slice(0, 8);

async function daten(g: Groesse): Promise<string> {
  const { personen, form } = GROESSEN[g];
  const ordner = join('.bench', `${g}-p${personen}-2015-01-2017-12-${generator}`);
  if (!existsSync(join(ordner, 'lokale-ziele.csv'))) {
    const start = performance.now();
    process.stderr.write(`erzeuge ${g}: ${personen.toLocaleString('de-DE')} Personen × 36 Monate in ${ordner}/ …\n`);
    await generiere({ personen, seed: 42, von: '2015-01', bis: '2017-12', form, out: ordner });
    process.stderr.write(`… fertig in ${((performance.now() - start) / 1000).toFixed(1)} s\n`);
  }
  return ordner;
}

interface Lauf {
  wall: number;
  rss: number;
  lzb: number | null;
  /** `vergleich`: the Bund's K2 (exact), compared with DuckDB's. */
  k2?: number;
}

function kennzahlen(args: string[]): Lauf {
  const start = performance.now();
  const r = spawnSync(process.execPath, ['bin/kennzahlen.js', ...args, '--json', '--verbose', '-q'], { encoding: 'utf8', maxBuffer: 256 << 20 });
  const wall = (performance.now() - start) / 1000;
  if (r.status !== 0) throw new Error(`kennzahlen ${args.join(' ')} scheiterte (${r.status}):\n${r.stderr}`);
  const rss = Number(/Spitzen-RSS (\d+) MB/.exec(r.stderr)?.[1] ?? 0);
  const json = JSON.parse(r.stdout);
  const k2 = json.schema === 'kennzahlen-vergleich/1' ? json.gruppen[0].kennzahlen.find((k: { id: string }) => k.id === 'K2').monat.bund.wert_exakt : undefined;
  return { wall, rss, lzb: json.stichtage ? json.stichtage.at(-1).lzb : null, k2 };
}

function duckdbVergleich(datei: string): Lauf {
  const start = performance.now();
  const r = spawnSync(process.execPath, ['dist/tools/duckdb-vergleich.js', datei, '2017-12'], { encoding: 'utf8' });
  const wall = (performance.now() - start) / 1000;
  if (r.status !== 0) throw new Error(`DuckDB scheiterte:\n${r.stderr}`);
  const j = JSON.parse(r.stdout);
  return { wall, rss: j.rss_mb, lzb: null, k2: j.k2_bund };
}

function duckdb(datei: string, form: 'monate' | 'tage'): Lauf {
  const start = performance.now();
  const r = spawnSync(process.execPath, ['dist/tools/duckdb-lzb.js', datei, form, '2017-12'], { encoding: 'utf8' });
  const wall = (performance.now() - start) / 1000;
  if (r.status !== 0) throw new Error(`DuckDB scheiterte:\n${r.stderr}`);
  const j = JSON.parse(r.stdout);
  return { wall, rss: j.rss_mb, lzb: j.lzb };
}

const zeilenIn = (datei: string) => Number(spawnSync('wc', ['-l', datei], { encoding: 'utf8' }).stdout.trim().split(/\s+/)[0]) - 1;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

interface Zeile {
  groesse: string;
  was: string;
  zeilen: number;
  mb: number;
  laeufe: Lauf[];
  referenz?: Lauf[];
}

const zeilen: Zeile[] = [];
for (const g of gewaehlt) {
  if (g === 'vergleich') {
    const ordner = join('.bench', `vergleich-405-60-${createHash('sha256').update(readFileSync(new URL('./vergleichsdaten.js', import.meta.url))).digest('hex').slice(0, 8)}`);
    const eigen = erzeugeVergleichsdaten({ out: ordner, jobcenter: 405, monate: 60 });
    const mw = join(ordner, 'monatswerte.csv');
    const z: Zeile = { groesse: g, was: 'vergleich 12/2017', zeilen: zeilenIn(mw), mb: statSync(mw).size / 1e6, laeufe: [], referenz: values['ohne-duckdb'] ? undefined : [] };
    for (let i = 0; i < laeufe; i++) {
      z.laeufe.push(kennzahlen(['vergleich', '--monatswerte', mw, '--vergleichstypen', join(ordner, 'vergleichstypen.csv'), '--jobcenter', eigen, '--monat', '2017-12']));
      if (z.referenz) z.referenz.push(duckdbVergleich(mw));
    }
    const [ich, duck] = [z.laeufe[0].k2!, z.referenz?.[0].k2];
    if (duck !== undefined && Math.abs(ich - duck) > 1e-9 * Math.abs(duck)) throw new Error(`vergleich: DuckDB rechnet K2 (Bund) ${duck}, kennzahlen ${ich}`);
    zeilen.push(z);
    process.stderr.write(`vergleich gemessen (K2 Bund ${ich})\n`);
    continue;
  }
  const ordner = await daten(g);
  const d = (f: string) => join(ordner, f);
  const personen = ['--zeitraeume', d('zeitraeume.csv'), '--personen', d('personen.csv'), '--integrationen', d('integrationen.csv'), '--massnahmen', d('massnahmen.csv'), '--leistungen', d('leistungen.csv'), '--datenstand', '2017-12-31'];
  const auftraege: { was: string; dateien: string[]; args: string[]; duck?: [string, 'monate' | 'tage'] }[] = [];
  if (existsSync(d('zeitraeume-monate.csv'))) {
    auftraege.push({ was: 'lzb, Monatsform', dateien: [d('zeitraeume-monate.csv')], args: ['lzb', '--zeitraeume', d('zeitraeume-monate.csv'), '--von', '2016-01', '--bis', '2017-12'], duck: [d('zeitraeume-monate.csv'), 'monate'] });
  }
  auftraege.push({ was: 'lzb, Zeiträume', dateien: [d('zeitraeume.csv')], args: ['lzb', '--zeitraeume', d('zeitraeume.csv'), '--von', '2016-01', '--bis', '2017-12', '--datenstand', '2017-12-31'], duck: [d('zeitraeume.csv'), 'tage'] });
  const alleDateien = ['zeitraeume.csv', 'personen.csv', 'integrationen.csv', 'massnahmen.csv', 'leistungen.csv'].map(d);
  auftraege.push({ was: 'aggregate 2017', dateien: alleDateien, args: ['aggregate', ...personen, '--von', '2017-01', '--bis', '2017-12'] });
  auftraege.push({ was: 'report 06/2017', dateien: alleDateien, args: ['report', ...personen, '--monat', '2017-06'] });

  for (const a of auftraege) {
    const z: Zeile = { groesse: g, was: a.was, zeilen: a.dateien.reduce((s, f) => s + zeilenIn(f), 0), mb: a.dateien.reduce((s, f) => s + statSync(f).size, 0) / 1e6, laeufe: [] };
    if (a.duck && !values['ohne-duckdb']) z.referenz = [];
    for (let i = 0; i < laeufe; i++) {
      z.laeufe.push(kennzahlen(a.args));
      if (z.referenz) z.referenz.push(duckdb(...a.duck!));
    }
    if (z.referenz && z.referenz[0].lzb !== z.laeufe[0].lzb) {
      throw new Error(`${g}, ${a.was}: DuckDB zählt ${z.referenz[0].lzb} LZB, kennzahlen ${z.laeufe[0].lzb}`);
    }
    zeilen.push(z);
    process.stderr.write(`${g}: ${a.was} gemessen\n`);
  }
}

const f = (n: number, s = 0) => n.toLocaleString('de-DE', { minimumFractionDigits: s, maximumFractionDigits: s });
const tabelle = [
  ['Größe', 'Lauf', 'Zeilen', 'MB', 'Wall', 'Zeilen/s', 'MB/s', 'Spitzen-RSS', 'LZB 12/2017', 'DuckDB', 'DuckDB-RSS', 'kennzahlen/DuckDB'],
  ...zeilen.map((z) => {
    const w = median(z.laeufe.map((l) => l.wall));
    const rss = Math.max(...z.laeufe.map((l) => l.rss));
    const ref = z.referenz ? median(z.referenz.map((l) => l.wall)) : null;
    return [
      z.groesse, z.was, f(z.zeilen), f(z.mb, 1), `${f(w, 2)} s`, f(z.zeilen / w), f(z.mb / w, 1), `${rss} MB`,
      z.laeufe[0].lzb === null ? '' : f(z.laeufe[0].lzb), ref === null ? '' : `${f(ref, 2)} s`, z.referenz ? `${Math.max(...z.referenz.map((l) => l.rss))} MB` : '', ref === null ? '' : f(w / ref, 2),
    ];
  }),
];
const breiten = tabelle[0].map((_, i) => Math.max(...tabelle.map((z) => z[i].length)));
process.stdout.write(`kennzahlen ${JSON.parse(readFileSync('package.json', 'utf8')).version} · Node ${process.version} · ${cpus().length} Kerne (${cpus()[0]?.model.trim()}) · Median aus ${laeufe} Läufen, abwechselnd mit DuckDB (2 Threads)\n`);
for (const [i, z] of tabelle.entries()) {
  process.stdout.write('| ' + z.map((c, k) => (k < 2 ? c.padEnd(breiten[k]) : c.padStart(breiten[k]))).join(' | ') + ' |\n');
  if (i === 0) process.stdout.write('|' + breiten.map((b, k) => (k < 2 ? '-'.repeat(b + 2) : '-'.repeat(b + 1) + ':')).join('|') + '|\n');
}
