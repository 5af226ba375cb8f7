// Tables for the terminal: cli-table3 without its own colours (the one colour decision is ours),
// numbers right-aligned, and no rules between body rows, so that long tables stay readable.

import { createRequire } from 'node:module';
import type { ChalkInstance } from 'chalk';
import type TableTyp from 'cli-table3';

// Loaded on the first table only: JSON, CSV and HTML runs do not pay for it.
let Table: typeof TableTyp | null = null;
const ladeTabelle = () => (Table ??= createRequire(import.meta.url)('cli-table3') as typeof TableTyp);

/** The first `links` columns are text (left-aligned), the rest numbers. */
export function tabelle(kopf: string[], zeilen: string[][], farbe: ChalkInstance, links = 1): string {
  const t = new (ladeTabelle())({
    style: { head: [], border: [], 'padding-left': 1, 'padding-right': 1 },
    chars: { mid: '', 'left-mid': '', 'mid-mid': '', 'right-mid': '' },
    colAligns: kopf.map((_, i) => (i < links ? 'left' : 'right')),
  });
  t.push(kopf.map((k) => farbe.bold(k)), ...zeilen);
  const linien = t.toString().split('\n');
  const trenner = linien[0].replace('┌', '├').replace(/┬/g, '┼').replace('┐', '┤');
  return [linien[0], linien[1], trenner, ...linien.slice(2)].join('\n');
}
