// The Bund aggregate of K2 (Integrationsquote) as `kennzahlen vergleich` computes it, by DuckDB from
// the same table: Σ integrations over the 12 months to t / Σ over the Jobcenters of their mean ELB
// stock over the 12 months before (docs/vertrag.md §4.3, §4.5). The benchmark's cross-check.
// node dist/tools/duckdb-vergleich.js DATEI JJJJ-MM → {"k2_bund": x, "rss_mb": m}

import { DuckDBInstance } from '@duckdb/node-api';

const [datei, monat] = process.argv.slice(2);
const [jahr, m] = monat.split('-').map(Number);
const t = jahr * 12 + m - 1;
const db = await DuckDBInstance.create(':memory:', { threads: '2' });
const c = await db.connect();
const sql = `WITH z AS (
    SELECT "Regionalschlüssel" AS jc, CAST(substr(Monat,1,4) AS INTEGER)*12 + CAST(substr(Monat,6,2) AS INTEGER) - 1 AS i, elb, integrationen
    FROM read_csv('${datei.replace(/'/g, "''")}', delim=';', header=true, all_varchar=true) WHERE Gruppe = 'Insgesamt'),
  j AS (SELECT jc,
          sum(CASE WHEN i BETWEEN ${t - 11} AND ${t} THEN CAST(integrationen AS DOUBLE) END) AS ereignisse,
          avg(CASE WHEN i BETWEEN ${t - 12} AND ${t - 1} THEN CAST(elb AS DOUBLE) END) AS bestand
        FROM z GROUP BY jc)
  SELECT sum(ereignisse) / sum(bestand) * 100 AS k2 FROM j`;
const r = await c.runAndReadAll(sql);
process.stdout.write(JSON.stringify({ k2_bund: Number(r.getRows()[0][0]), rss_mb: Math.round(process.resourceUsage().maxRSS / 1024) }) + '\n');
