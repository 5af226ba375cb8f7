// `leistungen` → LLU and LUH per month. Rows of a month are summed, whether they are per person,
// per Bedarfsgemeinschaft or one per month. Sums run in whole cents, so millions of rows add up
// exactly; a suppressed or missing cell makes the month's sum suppressed or missing.

import { fehlt, GESPERRT, type Wert } from '../core/monatswerte/monatswerte.js';
import { leistungenSchema } from './rollen.js';
import type { Leseergebnis, Tabelle } from './tabelle.js';
import type { Dezimal } from './zellen.js';

export interface LeistungenErgebnis extends Leseergebnis {
  llu: Map<number, Wert>;
  /** null when the file has no `luh` column. */
  luh: Map<number, Wert> | null;
}

function addiere(summen: Map<number, Wert>, monat: number, w: Wert): void {
  const bisher = summen.get(monat) ?? 0;
  if (typeof bisher !== 'number') return; // already suppressed or missing: stays so
  if (typeof w !== 'number') summen.set(monat, w.art === 'gesperrt' ? GESPERRT : fehlt('leere_zelle'));
  else summen.set(monat, bisher + Math.round(w * 100));
}

export async function leseLeistungen(tabelle: Tabelle, dezimal: Dezimal): Promise<LeistungenErgebnis> {
  const llu = new Map<number, Wert>(), luh = new Map<number, Wert>();
  const e = await tabelle.lies(leistungenSchema(dezimal), (z) => {
    addiere(llu, z.monat, z.llu);
    addiere(luh, z.monat, z.luh);
  });
  const inEuro = (m: Map<number, Wert>) => new Map([...m].map(([k, v]) => [k, typeof v === 'number' ? v / 100 : v]));
  return { ...e, llu: inEuro(llu), luh: tabelle.kopf.includes('luh') ? inEuro(luh) : null };
}
