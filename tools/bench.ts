// `npm run bench`: synthetic extracts in three sizes, generated once and cached in .bench/ — a
// Jobcenter (7,500 persons), a Land (300,000) and the Bund (4 million, period form only) — and for
// each the built `kennzahlen` running `lzb` over the 12 months of 2017, `aggregate` and `report`, next
// to DuckDB computing the same months' ELB and LZB counts from the same CSV; and `vergleich` on
// Monatswerte of 405 Jobcenters × 60 months × 3 groups (tools/vergleichsdaten.ts) next to DuckDB
// computing the Bund's K2 from the same table. Prints wall time, rows/s, MB/s and peak RSS, medians of
// --runs runs (commands alternate with DuckDB, so both see the same machine), and fails if DuckDB and
// kennzahlen count differently in any month.
//
// Two row orders (issue 13): the friendly one of tools/generate.ts (rows grouped by person,
// sequential ids) and the realistic one of tools/realistisch.ts (`land-real`, `bund-real`: the same
// persons with random alphanumeric ids, the month form month by month, the same file sorted by id,
// the period form in the order of beginn).
//
//   npm run bench -- [--groessen jobcenter,land,land-real,bund,bund-real,vergleich] [--runs 3] [--ohne-duckdb]

import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { generiere } from './generate.js';
import { generiereRealistisch } from './realistisch.js';
import { erzeugeVergleichsdaten } from './vergleichsdaten.js';

const { values } = parseArgs({
  options: {
    groessen: { type: 'string', default: 'jobcenter,land,land-real,bund,bund-real,vergleich' },
    runs: { type: 'string', default: '3' },
    'ohne-duckdb': { type: 'boolean', default: false },
  },
});
const laeufe = Number(values.runs);
const GROESSEN = {
  jobcenter: { personen: 7_500, form: 'beide', realistisch: false },
  land: { personen: 300_000, form: 'beide', realistisch: false },
  'land-real': { personen: 300_000, form: 'beide', realistisch: true },
  bund: { personen: 4_000_000, form: 'tage', realistisch: false },
  'bund-real': { personen: 4_000_000, form: 'tage', realistisch: true },
} as const;
type Groesse = keyof typeof GROESSEN;
const gewaehlt = values.groessen!.split(',') as (Groesse | 'vergleich')[];
for (const g of gewaehlt) if (g !== 'vergleich' && !(g in GROESSEN)) throw new Error(`--groessen: unbekannt „${g}“ (${[...Object.keys(GROESSEN), 'vergleich'].join(', ')})`);

// The cache is keyed by the generator's own code, so a changed generator never measures stale data.
const hash = (...dateien: string[]) => {
  const h = createHash('sha256');
  for (const d of dateien) h.update(readFileSync(new URL(d, import.meta.url)));
  return h.digest('hex').slice(0, 8);
};

async function daten(g: Groesse): Promise<string> {
  const { personen, form, realistisch } = GROESSEN[g];
  const ordner = join('.bench', `${g}-p${personen}-2015-01-2017-12-${realistisch ? hash('./synthese.js', './realistisch.js') : hash('./synthese.js')}`);
  if (realistisch ? !existsSync(ordner) : !existsSync(join(ordner, 'lokale-ziele.csv'))) {
    const start = performance.now();
    process.stderr.write(`erzeuge ${g}: ${personen.toLocaleString('de-DE')} Personen × 36 Monate in ${ordner}/ …\n`);
    if (realistisch) {
      // Written aside and renamed when complete, so an interrupted run never leaves a folder that looks done.
      const halb = `${ordner}.tmp-${process.pid}`;
      rmSync(halb, { recursive: true, force: true });
      await generiereRealistisch({ personen, seed: 42, von: '2015-01', bis: '2017-12', form, out: halb });
      renameSync(halb, ordner);
    } else await generiere({ personen, seed: 42, von: '2015-01', bis: '2017-12', form, out: ordner });
    process.stderr.write(`… fertig in ${((performance.now() - start) / 1000).toFixed(1)} s\n`);
  }
  return ordner;
}

interface Stichtag {
  monat: string;
  elb: number | null;
  lzb: number | null;
}

interface Lauf {
  wall: number;
  rss: number;
  /** `lzb`: ELB and LZB per month, as the CLI reports them or DuckDB computes them. */
  monate: Stichtag[] | null;
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
  return { wall, rss, monate: json.stichtage ? json.stichtage.map((s: Stichtag) => ({ monat: s.monat, elb: s.elb, lzb: s.lzb })) : null, k2 };
}

function duckdbVergleich(datei: string): Lauf {
  const start = performance.now();
  const r = spawnSync(process.execPath, ['dist/tools/duckdb-vergleich.js', datei, '2017-12'], { encoding: 'utf8' });
  const wall = (performance.now() - start) / 1000;
  if (r.status !== 0) throw new Error(`DuckDB scheiterte:\n${r.stderr}`);
  const j = JSON.parse(r.stdout);
  return { wall, rss: j.rss_mb, monate: null, k2: j.k2_bund };
}

/** DuckDB computes exactly the months for which the CLI reported an LZB count (VON … BIS of the CLI's first run). */
function duckdb(datei: string, form: 'monate' | 'tage', von: string, bis: string): Lauf {
  const start = performance.now();
  const r = spawnSync(process.execPath, ['dist/tools/duckdb-lzb.js', datei, form, von, bis], { encoding: 'utf8' });
  const wall = (performance.now() - start) / 1000;
  if (r.status !== 0) throw new Error(`DuckDB scheiterte:\n${r.stderr}`);
  const j = JSON.parse(r.stdout);
  return { wall, rss: j.rss_mb, monate: j.monate };
}

/** The months the CLI computed LZB for; each must have DuckDB's ELB and LZB counts, or the bench stops. */
function vergleicheMonate(wo: string, ich: Stichtag[], duck: Stichtag[]): number {
  const berechnet = ich.filter((s) => s.lzb !== null);
  const abweichend = berechnet.filter((s) => {
    const d = duck.find((x) => x.monat === s.monat);
    return !d || d.elb !== s.elb || d.lzb !== s.lzb;
  });
  if (berechnet.length === 0 || duck.length !== berechnet.length || abweichend.length) {
    const zeige = (s: Stichtag | undefined) => (s ? `ELB ${s.elb}, LZB ${s.lzb}` : 'fehlt');
    throw new Error(`${wo}: DuckDB und kennzahlen zählen verschieden (${berechnet.length} Monate mit LZB bei kennzahlen, ${duck.length} bei DuckDB):\n` +
      abweichend.map((s) => `  ${s.monat}: kennzahlen ${zeige(s)}, DuckDB ${zeige(duck.find((x) => x.monat === s.monat))}`).join('\n'));
  }
  return berechnet.length;
}

const zeilenIn = (datei: string) => Number(spawnSync('wc', ['-l', datei], { encoding: 'utf8' }).stdout.trim().split(/\s+/)[0]) - 1;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const FREUNDLICH = 'nach Person, fortlaufende IDs (freundlich)';

interface Zeile {
  groesse: string;
  was: string;
  reihenfolge: string;
  zeilen: number;
  mb: number;
  laeufe: Lauf[];
  referenz?: Lauf[];
  /** Months whose counts DuckDB and kennzahlen both computed and agreed on. */
  monate?: number;
}

const zeilen: Zeile[] = [];
for (const g of gewaehlt) {
  if (g === 'vergleich') {
    const ordner = join('.bench', `vergleich-405-60-${hash('./vergleichsdaten.js')}`);
    const eigen = erzeugeVergleichsdaten({ out: ordner, jobcenter: 405, monate: 60 });
    const mw = join(ordner, 'monatswerte.csv');
    const z: Zeile = { groesse: g, was: 'vergleich 12/2017', reihenfolge: '', zeilen: zeilenIn(mw), mb: statSync(mw).size / 1e6, laeufe: [], referenz: values['ohne-duckdb'] ? undefined : [] };
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
  const groesse = g.replace(/-real$/, '');
  const zwoelfMonate = ['--von', '2017-01', '--bis', '2017-12'];
  const auftraege: { was: string; reihenfolge: string; dateien: string[]; args: string[]; duck?: [string, 'monate' | 'tage'] }[] = [];
  const monatsform = (datei: string, reihenfolge: string) => {
    if (existsSync(d(datei))) auftraege.push({ was: 'lzb, Monatsform', reihenfolge, dateien: [d(datei)], args: ['lzb', '--zeitraeume', d(datei), ...zwoelfMonate], duck: [d(datei), 'monate'] });
  };
  const zeitraeume = (reihenfolge: string) =>
    auftraege.push({ was: 'lzb, Zeiträume', reihenfolge, dateien: [d('zeitraeume.csv')], args: ['lzb', '--zeitraeume', d('zeitraeume.csv'), ...zwoelfMonate, '--datenstand', '2017-12-31'], duck: [d('zeitraeume.csv'), 'tage'] });
  if (GROESSEN[g].realistisch) {
    monatsform('zeitraeume-monate.csv', 'Monatsreihenfolge, zufällige alphanumerische IDs (realistisch)');
    monatsform('zeitraeume-monate-nach-id.csv', 'nach ID sortiert, alphanumerische IDs');
    zeitraeume('nach Beginn, zufällige alphanumerische IDs (realistisch)');
  } else {
    monatsform('zeitraeume-monate.csv', FREUNDLICH);
    zeitraeume(FREUNDLICH);
    const personen = ['--zeitraeume', d('zeitraeume.csv'), '--personen', d('personen.csv'), '--integrationen', d('integrationen.csv'), '--massnahmen', d('massnahmen.csv'), '--leistungen', d('leistungen.csv'), '--datenstand', '2017-12-31'];
    const alleDateien = ['zeitraeume.csv', 'personen.csv', 'integrationen.csv', 'massnahmen.csv', 'leistungen.csv'].map(d);
    auftraege.push({ was: 'aggregate 2017', reihenfolge: FREUNDLICH, dateien: alleDateien, args: ['aggregate', ...personen, '--von', '2017-01', '--bis', '2017-12'] });
    auftraege.push({ was: 'report 06/2017', reihenfolge: FREUNDLICH, dateien: alleDateien, args: ['report', ...personen, '--monat', '2017-06'] });
  }

  for (const a of auftraege) {
    const z: Zeile = { groesse, was: a.was, reihenfolge: a.reihenfolge, zeilen: a.dateien.reduce((s, f) => s + zeilenIn(f), 0), mb: a.dateien.reduce((s, f) => s + statSync(f).size, 0) / 1e6, laeufe: [] };
    if (a.duck && !values['ohne-duckdb']) z.referenz = [];
    for (let i = 0; i < laeufe; i++) {
      z.laeufe.push(kennzahlen(a.args));
      if (z.referenz) {
        const mitLzb = z.laeufe[0].monate!.filter((s) => s.lzb !== null);
        if (mitLzb.length === 0) throw new Error(`${g}, ${a.was}: kennzahlen berechnet für keinen Monat LZB`);
        z.referenz.push(duckdb(...a.duck!, mitLzb[0].monat, mitLzb.at(-1)!.monat));
      }
    }
    if (z.referenz) for (const r of z.referenz) z.monate = vergleicheMonate(`${g}, ${a.was} (${a.dateien[0]})`, z.laeufe[0].monate!, r.monate!);
    zeilen.push(z);
    process.stderr.write(`${g}: ${a.was}, ${a.reihenfolge} gemessen\n`);
  }
}

// Friendly and realistic rows of a size and run side by side, whatever order --groessen named them in.
const ordnung = (z: Zeile) => [['jobcenter', 'land', 'bund', 'vergleich'].indexOf(z.groesse), ['lzb, Monatsform', 'lzb, Zeiträume'].indexOf(z.was) >>> 0];
const sortiert = zeilen.map((z, i) => ({ z, i })).sort((a, b) => {
  const [x, y] = [ordnung(a.z), ordnung(b.z)];
  return x[0] - y[0] || x[1] - y[1] || a.i - b.i;
}).map((e) => e.z);

const f = (n: number, s = 0) => n.toLocaleString('de-DE', { minimumFractionDigits: s, maximumFractionDigits: s });
const lzbDez = (z: Zeile) => z.laeufe[0].monate?.find((s) => s.monat === '2017-12')?.lzb ?? null;
const tabelle = [
  ['Größe', 'Lauf', 'Reihenfolge', 'Zeilen', 'MB', 'Wall', 'Zeilen/s', 'MB/s', 'Spitzen-RSS', 'LZB 12/2017', 'DuckDB', 'DuckDB-RSS', 'Monate gleich', 'kennzahlen/DuckDB'],
  ...sortiert.map((z) => {
    const w = median(z.laeufe.map((l) => l.wall));
    const rss = Math.max(...z.laeufe.map((l) => l.rss));
    const ref = z.referenz ? median(z.referenz.map((l) => l.wall)) : null;
    const lzb = lzbDez(z);
    return [
      z.groesse, z.was, z.reihenfolge, f(z.zeilen), f(z.mb, 1), `${f(w, 2)} s`, f(z.zeilen / w), f(z.mb / w, 1), `${rss} MB`,
      lzb === null ? '' : f(lzb), ref === null ? '' : `${f(ref, 2)} s`, z.referenz ? `${Math.max(...z.referenz.map((l) => l.rss))} MB` : '',
      z.monate === undefined ? '' : String(z.monate), ref === null ? '' : f(w / ref, 2),
    ];
  }),
];
const breiten = tabelle[0].map((_, i) => Math.max(...tabelle.map((z) => z[i].length)));
process.stdout.write(`kennzahlen ${JSON.parse(readFileSync('package.json', 'utf8')).version} · Node ${process.version} · ${cpus().length} Kerne (${cpus()[0]?.model.trim()}) · Median aus ${laeufe} Läufen, abwechselnd mit DuckDB (2 Threads)\n`);
for (const [i, z] of tabelle.entries()) {
  process.stdout.write('| ' + z.map((c, k) => (k < 3 ? c.padEnd(breiten[k]) : c.padStart(breiten[k]))).join(' | ') + ' |\n');
  if (i === 0) process.stdout.write('|' + breiten.map((b, k) => (k < 3 ? '-'.repeat(b + 2) : '-'.repeat(b + 1) + ':')).join('|') + '|\n');
}
