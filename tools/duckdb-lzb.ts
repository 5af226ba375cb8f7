// The ELB and LZB counts of `kennzahlen lzb` for every month VON … BIS, computed by DuckDB from the
// same CSV and the same columns: the benchmark's reference point (`npm run bench` only;
// @duckdb/node-api is a devDependency). All months at once, because the CLI computes all of them in
// one run too; a reference that computes one month would flatter whichever side does more.
//
// node dist/tools/duckdb-lzb.js DATEI monate|tage JJJJ-MM JJJJ-MM
//   → {"monate": [{"monat": "2017-01", "elb": n, "lzb": n}, …], "rss_mb": m}

import { closeSync, openSync, readSync } from 'node:fs';
import { DuckDBInstance } from '@duckdb/node-api';

/** The default rule (src/core/lzb/regel.ts): ELB in ≥ 21 of the 24 months t−23 … t, or ≥ ⌊730·21/24⌋ = 638 of the 730 days S−729 … S; Stichtag the 15th. */
const FENSTER = 24, MINDESTENS = 21, TAGE_FENSTER = 730, TAGE_MINDESTENS = 638, STICHTAG = 15;

export function lzbSql(datei: string, form: 'monate' | 'tage', kopf: string[], von: string, bis: string): string {
  const index = (s: string) => Number(s.slice(0, 4)) * 12 + Number(s.slice(5, 7)) - 1;
  const t0 = index(von), t1 = index(bis);
  if (t1 < t0) throw new RangeError('BIS liegt vor VON');
  const monate = Array.from({ length: t1 - t0 + 1 }, (_, k) => t0 + k);
  const iso = (t: number) => `${Math.floor(t / 12)}-${String((t % 12) + 1).padStart(2, '0')}`;
  // The file's own header (with or without `status`), as the CLI reads it; dates typed in the reader,
  // which DuckDB parses faster than text cast afterwards (a reference should be a good query).
  const typ = (k: string) => (form === 'monate' ? (k === 'monat' ? 'DATE' : 'VARCHAR') : k === 'beginn' || k === 'ende' ? 'DATE' : 'VARCHAR');
  const spalten = kopf.map((k) => `'${k.replace(/'/g, "''")}':'${typ(k)}'`).join(',');
  const quelle = `read_csv('${datei.replace(/'/g, "''")}', delim=';', header=true${form === 'monate' ? ", dateformat='%Y-%m'" : ''}, columns={${spalten}})`;
  const elbStatus = kopf.includes('status') ? `WHERE status IS NULL OR status = 'ELB'` : '';
  const auswahl: string[] = [];
  if (form === 'monate') {
    // One bit per month from the first window's first month on (at most 64 months), then per
    // reporting month a bit test and a popcount over its 24-month window.
    const basis = t0 - (FENSTER - 1);
    if (t1 - basis >= 64) throw new RangeError('höchstens 64 Monate von Fensterbeginn bis BIS');
    for (const [k, t] of monate.entries()) {
      const i = t - basis;
      const elb = `(maske >> ${i}) & 1 = 1`;
      auswahl.push(`count_if(${elb}) AS elb_${k}`, `count_if(${elb} AND bit_count(maske & (((CAST(1 AS UBIGINT) << ${FENSTER}) - 1) << ${i - FENSTER + 1})) >= ${MINDESTENS}) AS lzb_${k}`);
    }
    return `WITH z AS (SELECT person_id, year(monat)*12 + month(monat) - 1 - ${basis} AS i FROM ${quelle} ${elbStatus}),
                 p AS (SELECT person_id, bit_or(CAST(1 AS UBIGINT) << i) AS maske FROM z WHERE i >= 0 AND i <= ${t1 - basis} GROUP BY person_id)
            SELECT ${auswahl.join(', ')} FROM p`;
  }
  // Periods: per row a bitmask of the Stichtage S it contains, and its ELB days in each window
  // S−729 … S, 10 bits per month (≤ 730 < 1024), six months to a BIGINT. The extract's periods do
  // not overlap, so a person's days per window add up to at most 730 and the packed sums never carry
  // into the next month's bits. Three aggregates per person instead of two per month: on 4 million
  // persons × 12 months DuckDB needs half the time and a third of the memory of the plain query.
  if (monate.length > 63) throw new RangeError('höchstens 63 Monate');
  const stichtag = (t: number) => `DATE '${iso(t)}-${STICHTAG}'`;
  const tage = (t: number) => {
    const s = stichtag(t);
    return `CASE WHEN e >= ${s} - ${TAGE_FENSTER - 1} AND b <= ${s} THEN datediff('day', greatest(b, ${s} - ${TAGE_FENSTER - 1}), least(e, ${s})) + 1 ELSE 0 END`;
  };
  const elbMaske = monate.map((t, k) => `CASE WHEN b <= ${stichtag(t)} AND e >= ${stichtag(t)} THEN ${2 ** k} ELSE 0 END`).join(' + ');
  const summen: string[] = [];
  for (let g = 0; g * 6 < monate.length; g++) {
    summen.push(`CAST(sum(${monate.slice(g * 6, g * 6 + 6).map((t, j) => `(CAST(${tage(t)} AS BIGINT) << ${10 * j})`).join(' + ')}) AS BIGINT) AS tage_${g}`);
  }
  for (const k of monate.keys()) {
    const elb = `(elb >> ${k}) & 1 = 1`;
    auswahl.push(`count_if(${elb}) AS elb_${k}`, `count_if(${elb} AND (tage_${Math.floor(k / 6)} >> ${10 * (k % 6)}) & 1023 >= ${TAGE_MINDESTENS}) AS lzb_${k}`);
  }
  return `WITH z AS (SELECT person_id, beginn AS b, COALESCE(ende, DATE '9999-12-31') AS e FROM ${quelle} ${elbStatus}),
               p AS (SELECT person_id, bit_or(CAST(${elbMaske} AS BIGINT)) AS elb, ${summen.join(', ')} FROM z GROUP BY person_id)
          SELECT ${auswahl.join(', ')} FROM p`;
}

/** The header line, split as the CLI's byte scanner would (`;`, no quotes in the benchmark's files). */
function kopfzeile(datei: string): string[] {
  const fd = openSync(datei, 'r');
  const b = Buffer.alloc(4096);
  const n = readSync(fd, b, 0, b.length, 0);
  closeSync(fd);
  return b.subarray(0, n).toString('utf8').split(/\r?\n/)[0].split(';').map((s) => s.trim());
}

export async function lzbMitDuckdb(datei: string, form: 'monate' | 'tage', von: string, bis: string): Promise<{ monat: string; elb: number; lzb: number }[]> {
  const db = await DuckDBInstance.create(':memory:', { threads: '2' });
  const c = await db.connect();
  const r = await c.runAndReadAll(lzbSql(datei, form, kopfzeile(datei), von, bis));
  const zeile = r.getRowObjects()[0];
  c.closeSync();
  const t0 = Number(von.slice(0, 4)) * 12 + Number(von.slice(5, 7)) - 1;
  const monate = Object.keys(zeile).filter((k) => k.startsWith('elb_')).length;
  return Array.from({ length: monate }, (_, k) => {
    const t = t0 + k;
    return { monat: `${Math.floor(t / 12)}-${String((t % 12) + 1).padStart(2, '0')}`, elb: Number(zeile[`elb_${k}`]), lzb: Number(zeile[`lzb_${k}`]) };
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [datei, form, von, bis] = process.argv.slice(2);
  const monate = await lzbMitDuckdb(datei, form as 'monate' | 'tage', von, bis ?? von);
  process.stdout.write(JSON.stringify({ monate, rss_mb: Math.round(process.resourceUsage().maxRSS / 1024) }) + '\n');
}
