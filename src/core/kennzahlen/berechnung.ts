// Computing an indicator over a window of months from a Monatswerte series. Exact values only;
// rounding is for display. A missing or suppressed month makes the result not computable, with the
// columns and months named.

import type { Hinweis } from '../hinweis.js';
import { Zugriff, type Reihe } from '../monatswerte/monatswerte.js';
import type { Formel } from './definitionen.js';

export interface Fenster {
  /** Months of the numerator, inclusive. */
  zaehler: [number, number];
  /** Months of the denominator, inclusive. */
  nenner: [number, number];
}

export interface Berechnung {
  /** Exact value in per cent (a level) or in per cent change; null when not computable. */
  wert: number | null;
  zaehler: number | null;
  nenner: number | null;
  fenster: Fenster;
  hinweis: Hinweis[] | null;
}

/**
 * The formula over the window von … bis: for a monthly value von = t−11 (12-month indicators) or
 * von = t; for the year-to-date value (Jahresfortschrittswert) von = January of t's year.
 */
export function berechne(formel: Formel, reihe: Reihe | undefined, spalten: ReadonlySet<string>, von: number, bis: number): Berechnung {
  const z = new Zugriff(reihe, spalten);
  let zaehler: number | null, nenner: number | null, fenster: Fenster;
  switch (formel.art) {
    case 'veraenderung': {
      const agg = formel.jahreswert === 'summe' ? z.summe.bind(z) : z.mittel.bind(z);
      zaehler = agg(formel.spalte, von, bis);
      nenner = agg(formel.spalte, von - 12, bis - 12);
      fenster = { zaehler: [von, bis], nenner: [von - 12, bis - 12] };
      break;
    }
    case 'quote':
      zaehler = z.summe(formel.ereignis, von, bis);
      nenner = z.mittel(formel.bestand, von - 1, bis - 1);
      fenster = { zaehler: [von, bis], nenner: [von - 1, bis - 1] };
      break;
    case 'rate':
      zaehler = z.summe(formel.fluss, von, bis);
      nenner = z.summe(formel.bestand, von - formel.versatz, bis - formel.versatz);
      fenster = { zaehler: [von, bis], nenner: [von - formel.versatz, bis - formel.versatz] };
      break;
    case 'anteil':
      zaehler = z.summe(formel.teil, von, bis);
      nenner = z.summe(formel.ganzes, von, bis);
      fenster = { zaehler: [von, bis], nenner: [von, bis] };
      break;
  }
  if (zaehler === null || nenner === null) return { wert: null, zaehler, nenner, fenster, hinweis: z.hinweis() };
  return ausBruch(formel, zaehler, nenner, fenster);
}

/**
 * The indicator from its numerator and denominator: a change in per cent, or a share in per cent.
 * Also the value of numerators and denominators summed over several Jobcenters (a peer group's
 * aggregate, never a mean of their rates).
 */
export function ausBruch(formel: Formel, zaehler: number, nenner: number, fenster: Fenster): Berechnung {
  if (nenner === 0) return { wert: null, zaehler, nenner, fenster, hinweis: [{ art: 'nenner_null' }] };
  const wert = formel.art === 'veraenderung' ? (zaehler / nenner - 1) * 100 : (zaehler / nenner) * 100;
  return { wert, zaehler, nenner, fenster, hinweis: null };
}
