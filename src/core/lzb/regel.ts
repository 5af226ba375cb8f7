// The LZB rule "ELB in at least m of the last w months" (docs/vertrag.md §4.1), in the units of the data:
// days for day-exact periods (the official rule: ⌊730·m/24⌋ of the 730·w/24 days ending with the
// Stichtag), months for the monthly form (m of the months t−w+1 … t).

import { stichtagDesMonats } from '../kalender.js';

export type Einheit = 'tag' | 'monat';

export interface LzbEinstellungen {
  /** Day of the month that is the Stichtag (default 15; a shorter month uses its last day). */
  stichtagTag: number;
  /** m: months of receipt needed (default 21). */
  lzbMin: number;
  /** w: months in the window (default 24). */
  lzbFenster: number;
}

export const STANDARD_EINSTELLUNGEN: LzbEinstellungen = { stichtagTag: 15, lzbMin: 21, lzbFenster: 24 };

/** The Arbeitsmarktprogramm's extra monitoring of LZB (docs/vertrag.md §4.1) "in receipt for at least four years": 42 of 48 months. */
export const VIER_JAHRE = { min: 42, fenster: 48 } as const;

/** Transition segment (Übergangsmanagement, docs/vertrag.md §4.1): 15 to under 19 months of receipt. */
export const UEBERGANG_MONATE = { ab: 15, unter: 19 } as const;

/** Months the forecast looks ahead. */
export const PROGNOSE_MONATE = 6;

export interface Schwelle {
  /** Units in the window ending with the Stichtag (both ends included). */
  fenster: number;
  /** Units of receipt needed in it. */
  mindestens: number;
}

export interface LzbRegel {
  einheit: Einheit;
  einstellungen: LzbEinstellungen;
  lzb: Schwelle;
  vierJahre: Schwelle;
  /** Units of receipt in the LZB window that make the transition segment: ab ≤ n ≤ bis. */
  uebergang: { ab: number; bis: number };
  /** The Stichtag of month t in the rule's units. */
  stichtag(monat: number): number;
  /** The Stichtag of month t as a calendar day (for ages and display). */
  stichtagDatum(monat: number): number;
  /** Units of receipt expressed as months (days·24/730 for the day rule). */
  inMonaten(einheiten: number): number;
}

/** Days of a window of w months and the days needed for m of them: 730·w/24 and ⌊730·m/24⌋. */
export function tagesSchwelle(min: number, fenster: number): Schwelle {
  return { fenster: Math.floor((730 * fenster) / 24), mindestens: Math.floor((730 * min) / 24) };
}

export function tagesRegel(e: LzbEinstellungen = STANDARD_EINSTELLUNGEN): LzbRegel {
  pruefeEinstellungen(e);
  // Whole days n with n·24/730 ≥ ab and < unter (457 … 577 for 15 to under 19 months).
  const ab = Math.ceil((UEBERGANG_MONATE.ab * 730) / 24);
  const bis = Math.ceil((UEBERGANG_MONATE.unter * 730) / 24) - 1;
  return {
    einheit: 'tag',
    einstellungen: e,
    lzb: tagesSchwelle(e.lzbMin, e.lzbFenster),
    vierJahre: tagesSchwelle(VIER_JAHRE.min, VIER_JAHRE.fenster),
    uebergang: { ab, bis },
    stichtag: (monat) => stichtagDesMonats(monat, e.stichtagTag),
    stichtagDatum: (monat) => stichtagDesMonats(monat, e.stichtagTag),
    inMonaten: (tage) => (tage * 24) / 730,
  };
}

export function monatsRegel(e: LzbEinstellungen = STANDARD_EINSTELLUNGEN): LzbRegel {
  pruefeEinstellungen(e);
  return {
    einheit: 'monat',
    einstellungen: e,
    lzb: { fenster: e.lzbFenster, mindestens: e.lzbMin },
    vierJahre: { fenster: VIER_JAHRE.fenster, mindestens: VIER_JAHRE.min },
    uebergang: { ab: UEBERGANG_MONATE.ab, bis: UEBERGANG_MONATE.unter - 1 },
    stichtag: (monat) => monat,
    stichtagDatum: (monat) => stichtagDesMonats(monat, e.stichtagTag),
    inMonaten: (monate) => monate,
  };
}

/** The range of each setting; the command line checks values against these same bounds. */
export const EINSTELLUNGS_GRENZEN: Record<keyof LzbEinstellungen, { min: number; max: number }> = {
  stichtagTag: { min: 1, max: 31 },
  lzbMin: { min: 1, max: 120 },
  lzbFenster: { min: 1, max: 120 },
};

function pruefeEinstellungen(e: LzbEinstellungen): void {
  for (const [name, { min, max }] of Object.entries(EINSTELLUNGS_GRENZEN)) {
    const n = e[name as keyof LzbEinstellungen];
    if (!Number.isInteger(n) || n < min || n > max) throw new RangeError(`${name} muss ${min}…${max} sein`);
  }
  if (e.lzbMin > e.lzbFenster) throw new RangeError('lzbMin darf nicht größer als lzbFenster sein');
}
