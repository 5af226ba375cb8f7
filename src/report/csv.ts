// CSV for Excel (docs/vertrag.md §6): `;`, decimal comma, UTF-8 with BOM, CRLF. A text cell that Excel would
// read as a formula (=, +, -, @, and tab/CR at the start) gets a leading apostrophe.

export const BOM = '\uFEFF';

const FORMEL = /^[=+\-@\t\r]/;

export function textZelle(wert: string): string {
  return quote(FORMEL.test(wert) ? `'${wert}` : wert);
}

/** Cells that are ours (numbers, dates, fixed words) are never formulas; they are only quoted if needed. */
export function quote(wert: string): string {
  return /[;"\r\n]/.test(wert) ? `"${wert.replace(/"/g, '""')}"` : wert;
}

export function csvDokument(kopf: readonly string[], zeilen: Iterable<readonly string[]>): string {
  const teile = [BOM + kopf.map(quote).join(';')];
  for (const z of zeilen) teile.push(z.join(';'));
  return teile.join('\r\n') + '\r\n';
}
