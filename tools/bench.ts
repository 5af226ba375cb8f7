// `npm run bench`: generates (once, cached in .bench/) a Land-sized synthetic extract — 300,000
// persons over 36 months, in monthly form and as day-exact periods — runs the built
// `kennzahlen lzb` over 24 months on each, and prints wall time, rows per second and peak RSS.

import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { generiere } from './generate.js';

const { values } = parseArgs({
  options: {
    persons: { type: 'string', default: '300000' },
    runs: { type: 'string', default: '3' },
    seed: { type: 'string', default: '42' },
  },
});
const personen = Number(values.persons);
const laeufe = Number(values.runs);
// The cache is keyed by the generator's own code, so a changed generator never measures stale data.
const generator = createHash('sha256').update(readFileSync(new URL('./synthese.js', import.meta.url))).digest('hex').slice(0, 8);
const ordner = join('.bench', `p${personen}-s${values.seed}-2015-01-2017-12-${generator}`);

if (!existsSync(join(ordner, 'personen.csv'))) {
  const start = performance.now();
  process.stderr.write(`erzeuge ${personen} Personen × 36 Monate in ${ordner}/ …\n`);
  await generiere({ personen, seed: Number(values.seed), von: '2015-01', bis: '2017-12', form: 'beide', out: ordner });
  process.stderr.write(`… fertig in ${((performance.now() - start) / 1000).toFixed(1)} s\n`);
}

interface Messung {
  form: string;
  datei: string;
  zeilen: number;
  mb: number;
  wall: number[];
  rss: number;
  lzb: number | null;
}

function zeilenIn(datei: string): number {
  const r = spawnSync('wc', ['-l', datei], { encoding: 'utf8' });
  return Number(r.stdout.trim().split(/\s+/)[0]) - 1;
}

function miss(form: string, datei: string): Messung {
  const m: Messung = { form, datei, zeilen: zeilenIn(datei), mb: statSync(datei).size / 1e6, wall: [], rss: 0, lzb: null };
  for (let i = 0; i < laeufe; i++) {
    const start = performance.now();
    const r = spawnSync(process.execPath, ['bin/kennzahlen.js', 'lzb', '--zeitraeume', datei, '--von', '2016-01', '--bis', '2017-12', '--datenstand', '2017-12-31', '--json', '--verbose'], {
      encoding: 'utf8',
      maxBuffer: 64 << 20,
    });
    m.wall.push((performance.now() - start) / 1000);
    if (r.status !== 0) throw new Error(`kennzahlen lzb scheiterte (${r.status}):\n${r.stderr}`);
    const rss = /Spitzen-RSS (\d+) MB/.exec(r.stderr);
    m.rss = Math.max(m.rss, rss ? Number(rss[1]) : 0);
    m.lzb = JSON.parse(r.stdout).stichtage.at(-1).lzb;
  }
  return m;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const messungen = [miss('Monatsform', join(ordner, 'zeitraeume-monate.csv')), miss('Zeiträume (tagesgenau)', join(ordner, 'zeitraeume.csv'))];

const zeilen = [
  ['Eingabe', 'Zeilen', 'MB', 'Wall (Median)', 'Zeilen/s', 'MB/s', 'Spitzen-RSS', 'LZB 12/2017'],
  ...messungen.map((m) => {
    const w = median(m.wall);
    return [m.form, m.zeilen.toLocaleString('de-DE'), m.mb.toFixed(1), `${w.toFixed(2)} s`, Math.round(m.zeilen / w).toLocaleString('de-DE'), (m.mb / w).toFixed(1), `${m.rss} MB`, String(m.lzb)];
  }),
];
const breiten = zeilen[0].map((_, i) => Math.max(...zeilen.map((z) => z[i].length)));
process.stdout.write(`kennzahlen lzb --von 2016-01 --bis 2017-12 · ${personen.toLocaleString('de-DE')} Personen · ${laeufe} Läufe · Node ${process.version}\n`);
for (const z of zeilen) process.stdout.write('| ' + z.map((c, i) => (i === 0 ? c.padEnd(breiten[i]) : c.padStart(breiten[i]))).join(' | ') + ' |\n');
