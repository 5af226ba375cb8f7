// All indicators for a Berichtsmonat: the monthly value, the same month a year earlier, and the
// year-to-date value (Jahresfortschrittswert, docs/vertrag.md §4.4) with its previous-year counterpart.

import { monatTeile, monatIndex } from '../kalender.js';
import type { Reihe } from '../monatswerte/monatswerte.js';
import { berechne, type Berechnung } from './berechnung.js';
import type { Definition } from './definitionen.js';

export interface KennzahlWert {
  definition: Definition;
  monat: Berechnung;
  vorjahr: Berechnung;
  jfw: Berechnung;
  jfwVorjahr: Berechnung;
}

export const januarVon = (monat: number) => monatIndex(monatTeile(monat).jahr, 1);

export function kennzahl(d: Definition, reihe: Reihe | undefined, spalten: ReadonlySet<string>, t: number): KennzahlWert {
  const monatlich = (m: number) => berechne(d.formel, reihe, spalten, m - d.monate + 1, m);
  const jahr = (m: number) => berechne(d.formel, reihe, spalten, januarVon(m), m);
  return { definition: d, monat: monatlich(t), vorjahr: monatlich(t - 12), jfw: jahr(t), jfwVorjahr: jahr(t - 12) };
}

export function kennzahlen(defs: readonly Definition[], reihe: Reihe | undefined, spalten: ReadonlySet<string>, t: number): KennzahlWert[] {
  return defs.map((d) => kennzahl(d, reihe, spalten, t));
}

/** Monthly and year-to-date values of each indicator for every month von … bis (for charts). */
export function verlauf(defs: readonly Definition[], reihe: Reihe | undefined, spalten: ReadonlySet<string>, von: number, bis: number): Map<string, { monat: Berechnung[]; jfw: Berechnung[] }> {
  const aus = new Map<string, { monat: Berechnung[]; jfw: Berechnung[] }>();
  for (const d of defs) {
    const monat: Berechnung[] = [], jfw: Berechnung[] = [];
    for (let m = von; m <= bis; m++) {
      monat.push(berechne(d.formel, reihe, spalten, m - d.monate + 1, m));
      jfw.push(berechne(d.formel, reihe, spalten, januarVon(m), m));
    }
    aus.set(d.id, { monat, jfw });
  }
  return aus;
}
