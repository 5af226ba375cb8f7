// Number formats of the reports: German (`7.485`, `20,3 %`) for people, exact values for machines.

import { numerus } from '../core/modell.js';

/** Rounds half away from zero (the BA's published one-decimal values), on the decimal string, not on binary halves. */
export function runde(wert: number, stellen: number): number {
  const faktor = 10 ** stellen;
  const skaliert = Math.abs(wert) * faktor;
  // 1e-9 guards values like 20.25 that binary floating point stores as 20.249999…
  const gerundet = Math.floor(skaliert + 0.5 + 1e-9) / faktor;
  return wert < 0 ? -gerundet : gerundet;
}

function gruppiere(ganz: string, trenner: string): string {
  return ganz.replace(/\B(?=(\d{3})+(?!\d))/g, trenner);
}

/** `7485` → `7.485`; `-539` → `−539` is left to the caller: a plain minus keeps copy-paste into Excel working. */
export function deZahl(wert: number, stellen = 0): string {
  const r = runde(wert, stellen);
  const [ganz, bruch] = Math.abs(r).toFixed(stellen).split('.');
  const text = gruppiere(ganz, '.') + (bruch ? `,${bruch}` : '');
  return r < 0 ? `-${text}` : text;
}

/** A German count in words for messages: `eine Zeile`, `1.234 Zeilen`. */
export const anzahlText = (n: number, eins: string, viele: string): string => numerus(n, eins, `${deZahl(n)} ${viele}`);

/** A CSV cell of a value that may be missing or suppressed: `x` where not computable, `*` where suppressed. */
export const csvWert = (w: number | '*' | null): string => (w === null ? 'x' : w === '*' ? '*' : csvZahl(w));

/** `20.345` → `20,3` (CSV cells for Excel: decimal comma, no thousands separator). */
export function csvZahl(wert: number, stellen?: number): string {
  const text = stellen === undefined ? String(wert) : runde(wert, stellen).toFixed(stellen);
  return text.replace('.', ',');
}

/** `7485` → `7,485`; `20.345` → `20.3 %` (English, for `--lang en`). */
export function enZahl(wert: number, stellen = 0): string {
  const r = runde(wert, stellen);
  const [ganz, bruch] = Math.abs(r).toFixed(stellen).split('.');
  const text = gruppiere(ganz, ',') + (bruch ? `.${bruch}` : '');
  return r < 0 ? `-${text}` : text;
}
