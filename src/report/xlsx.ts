// The one module that knows the .xlsx library: it turns a workbook description
// (src/report/arbeitsmappe.ts) into the bytes of an .xlsx. Equal descriptions give equal bytes
// (docs/vertrag.md §2): the zip entries and the document properties carry a fixed time unless
// `--stamp` gives one, and the author is the tool, never a user or a host.

import type { Cell } from '@cj-tech-master/excelts';
import { anzeigeBreite, type Arbeitsmappe, type Blatt, type Feld, type Zahl } from './arbeitsmappe.js';

/** The number format codes as the file stores them; German Excel shows `#,##0` as `#.##0`. */
export function formatCode(z: Zahl): string {
  const dezimalen = z.stellen > 0 ? `.${'0'.repeat(z.stellen)}` : '';
  switch (z.format) {
    case 'anzahl': return `#,##0${dezimalen}`;
    case 'prozent': return `0${dezimalen} %`;
    case 'veraenderung': return `+0${dezimalen} %;-0${dezimalen} %;0${dezimalen} %`;
    case 'euro': return `#,##0${dezimalen} "€"`;
    case 'differenz': return `+#,##0${dezimalen};-#,##0${dezimalen};0${dezimalen}`;
  }
}

/**
 * The time of every file without `--stamp`: 1 January 1980, the earliest a zip entry can hold. Zip
 * entries store it in local fields, the document properties in UTC, so each gets its own Date:
 * built from local fields, the entries' bytes are the same in every time zone.
 */
const OHNE_STEMPEL = { zip: () => new Date(1980, 0, 1), eigenschaften: () => new Date(Date.UTC(1980, 0, 1)) };

/** The workbook's own font (the library's default), bold: a font without a name falls back to a serif one. */
const FETT = { name: 'Calibri', family: 2, size: 11, bold: true };
const TITEL = { ...FETT, size: 13 };
const RECHTS = { horizontal: 'right' } as const;

/** The width the library leaves unwritten as its default. */
const OHNE_BREITE = 9;

/** Widths in characters: enough for the widest cell, within bounds that keep a sheet readable. */
const BREITE = { min: 4, max: 60, rand: 2 };

/** The row of a sheet's header: row 1, or below the title block and an empty row. */
const kopfzeileVon = (b: Blatt): number => (b.kopfblock.length ? b.kopfblock.length + 2 : 1);

export async function xlsxBytes(mappe: Arbeitsmappe): Promise<Buffer> {
  // Loaded on demand: every other format is written without the library's start-up time.
  const { Workbook } = await import('@cj-tech-master/excelts');
  const wb = new Workbook();
  wb.creator = 'kennzahlen';
  wb.lastModifiedBy = 'kennzahlen';
  wb.title = mappe.titel;
  wb.created = mappe.erstellt ? new Date(mappe.erstellt) : OHNE_STEMPEL.eigenschaften();
  wb.modified = wb.created;

  for (const blatt of mappe.blaetter) {
    const kopfzeile = kopfzeileVon(blatt);
    const ws = wb.addWorksheet(blatt.name, {
      // The library writes no width for a column of its default width (9): the sheet must then say
      // that this is its default, or Excel shows such a column narrower (8.43).
      properties: { defaultColWidth: OHNE_BREITE },
      views: blatt.kopf.length ? [{ state: 'frozen', xSplit: 0, ySplit: kopfzeile }] : [],
      // Printed, a sheet is as wide as the page, as the HTML report is on A4.
      pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
    });
    const breiten: number[] = [];
    const miss = (spalte: number, zeichen: number) => (breiten[spalte] = Math.max(breiten[spalte] ?? 0, zeichen));
    blatt.kopfblock.forEach((zeile, i) => {
      zeile.forEach((f, j) => {
        const zelle = ws.getCell(i + 1, j + 1);
        schreibe(zelle, f);
        if (j === 0) zelle.font = i === 0 ? TITEL : FETT;
      });
      // The title and the values run on into the empty cells to their right; the labels set the
      // first column's width.
      if (i > 0) miss(0, anzeigeBreite(zeile[0] ?? null));
    });
    // In a column of numbers, the header and the symbols (`x`, `*`) stand right, where the numbers end.
    const zahlenspalte = blatt.kopf.map((_, j) => blatt.zeilen.some((z) => typeof z[j] === 'object' && z[j] !== null));
    blatt.kopf.forEach((text, j) => {
      const zelle = ws.getCell(kopfzeile, j + 1);
      zelle.value = text;
      zelle.font = FETT;
      if (zahlenspalte[j]) zelle.alignment = RECHTS;
      miss(j, text.length);
    });
    blatt.zeilen.forEach((zeile, i) => {
      zeile.forEach((f, j) => {
        const zelle = ws.getCell(kopfzeile + 1 + i, j + 1);
        schreibe(zelle, f);
        if (zahlenspalte[j] && typeof f === 'string') zelle.alignment = RECHTS;
        miss(j, anzeigeBreite(f));
      });
    });
    breiten.forEach((b, j) => (ws.getColumn(j + 1).width = Math.min(BREITE.max, Math.max(BREITE.min, b + BREITE.rand))));
  }
  const zeit = mappe.erstellt ? new Date(mappe.erstellt) : OHNE_STEMPEL.zip();
  return Buffer.from(await wb.xlsx.writeBuffer({ zip: { modTime: zeit } }));
}

/** Text stays text (never a formula, whatever it starts with), a number keeps its exact value. */
function schreibe(zelle: Cell, f: Feld): void {
  if (f === null) return;
  if (typeof f === 'string') {
    zelle.value = f;
    return;
  }
  zelle.value = f.zahl;
  zelle.numFmt = formatCode(f);
}
