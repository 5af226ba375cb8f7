// The same LZB count as `kennzahlen lzb`, computed by DuckDB from the same CSV: the benchmark's
// reference point (`npm run bench` only; @duckdb/node-api is a devDependency).
// node dist/tools/duckdb-lzb.js DATEI monate|tage JJJJ-MM → {"lzb": n, "rss_mb": m}

import { DuckDBInstance } from '@duckdb/node-api';

const [datei, form, monat] = process.argv.slice(2);
const [jahr, m] = monat.split('-').map(Number);
const db = await DuckDBInstance.create(':memory:', { threads: '2' });
const c = await db.connect();
const quelle = (spalten: string) => `read_csv('${datei.replace(/'/g, "''")}', delim=';', header=true, columns={${spalten}})`;
let sql: string;
if (form === 'monate') {
  // One bit per month since 2015-01 (64 months fit): ELB in t and ≥ 21 of the 24 months t−23 … t.
  const basis = 2015 * 12, t = jahr * 12 + m - 1 - basis;
  sql = `WITH z AS (SELECT person_id, CAST(substr(monat,1,4) AS INTEGER)*12 + CAST(substr(monat,6,2) AS INTEGER) - 1 - ${basis} AS i
                    FROM ${quelle("'person_id':'VARCHAR','monat':'VARCHAR','status':'VARCHAR'")} WHERE status IS NULL OR status = 'ELB'),
              p AS (SELECT person_id, bit_or(CAST(1 AS UBIGINT) << i) AS maske FROM z WHERE i >= 0 AND i < 64 GROUP BY person_id)
         SELECT count(*) AS lzb FROM p WHERE (maske >> ${t}) & 1 = 1 AND bit_count(maske & (((CAST(1 AS UBIGINT) << 24) - 1) << ${t - 23})) >= 21`;
} else {
  // Stichtag the 15th: ELB on S and ≥ 638 ELB days in S−729 … S (the extract's periods do not overlap).
  const s = `DATE '${monat}-15'`;
  sql = `WITH z AS (SELECT person_id, CAST(beginn AS DATE) AS b, COALESCE(CAST(ende AS DATE), DATE '9999-12-31') AS e
                    FROM ${quelle("'person_id':'VARCHAR','beginn':'VARCHAR','ende':'VARCHAR','status':'VARCHAR'")} WHERE status IS NULL OR status = 'ELB'),
              p AS (SELECT person_id, bool_or(b <= ${s} AND e >= ${s}) AS elb,
                           sum(CASE WHEN e >= ${s} - 729 AND b <= ${s} THEN datediff('day', greatest(b, ${s} - 729), least(e, ${s})) + 1 ELSE 0 END) AS tage
                    FROM z GROUP BY person_id)
         SELECT count(*) AS lzb FROM p WHERE elb AND tage >= 638`;
}
const r = await c.runAndReadAll(sql);
const lzb = Number(r.getRows()[0][0]);
process.stdout.write(JSON.stringify({ lzb, rss_mb: Math.round(process.resourceUsage().maxRSS / 1024) }) + '\n');
