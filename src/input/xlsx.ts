// The one module that knows the .xlsx library: it streams the rows of one sheet of a workbook as
// plain cells (text, number, date, truth value, error), each with its column, so the rest of the
// input layer never sees the library's model and the library can be swapped here alone.
//
// The library is @cj-tech-master/excelts (an exceljs-compatible fork; its streaming reader holds
// one row at a time). What it does not do, this adapter does (docs/vertrag.md, "Excel"):
// - a date arrives as a JS Date (UTC) where the cell's number format is a date format, else as a
//   number; numfmt decides for the formats the library left as numbers;
// - a formula's error result (#DIV/0!, #NV) arrives as a missing result: it is an error cell here,
//   never an empty one;
// - a workbook stores sheets that are not read in temporary files until the end: the reading is
//   always taken to the end, also when the caller stops early, so no temporary file stays behind
//   and the zip stream does not stall.

import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname } from 'node:path';
import { Readable } from 'node:stream';

export type Zellwert =
  | { art: 'text'; wert: string }
  | { art: 'zahl'; wert: number; prozent: boolean }
  | { art: 'datum'; wert: Date }
  | { art: 'wahr'; wert: boolean }
  | { art: 'fehler'; wert: string };

/** One row of a sheet: its number in Excel and its filled cells by column (1-based). */
export interface Blattzeile {
  nr: number;
  zellen: [spalte: number, wert: Zellwert][];
}

/** Which sheet: its name, or its position in the tab order (1 = the first). */
export type Blattwahl = string | number;

/** The sheet asked for is not in the workbook (or not where the workbook says it is). */
export class BlattFehlt extends Error {
  constructor(readonly gewaehlt: Blattwahl | undefined, readonly vorhanden: string[], readonly unlesbar: boolean) {
    super(`Blatt ${String(gewaehlt)} nicht gefunden`);
  }
}

/** The temp folder the library unpacks sheets into is missing, full or read-only: the machine's problem, not the file's. */
export class TempOrdnerFehler extends Error {
  constructor(readonly code: string, readonly ordner: string) {
    super(`Temp-Ordner ${ordner}: ${code}`);
  }
}

/** The library's own error where it concerns its temp folder (os.tmpdir(), read anew each time). */
function tempFehler(e: unknown): unknown {
  const f = e as NodeJS.ErrnoException;
  return f?.code && typeof f.path === 'string' && f.path.startsWith(tmpdir()) ? new TempOrdnerFehler(f.code, tmpdir()) : e;
}

const TAG_MS = 86_400_000;

/**
 * The rows of one sheet, in order, without the empty ones. `gefunden` is told the sheet's name
 * and the names of all sheets before the first row; a sheet that is not there is a BlattFehlt.
 */
export async function* blattZeilen(bytes: AsyncIterable<Buffer>, wahl: Blattwahl | undefined, gefunden: (name: string, alle: string[]) => void): AsyncGenerator<Blattzeile> {
  const [{ WorkbookReader }, { isDateFormat, isPercentFormat }] = await Promise.all([import('@cj-tech-master/excelts'), import('numfmt')]);
  const formate = new Map<string, 'datum' | 'prozent' | 'zahl'>();
  const formatArt = (f: string | undefined) => {
    if (!f) return 'zahl';
    let a = formate.get(f);
    if (!a) formate.set(f, (a = isDateFormat(f) ? 'datum' : isPercentFormat(f) ? 'prozent' : 'zahl'));
    return a;
  };
  const reader = new WorkbookReader(Readable.from(bytes), { worksheets: 'emit', sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore', entries: 'ignore' });
  const aufgeraeumt = umgehe(reader);
  const blaetterDerMappe = () => (reader.model?.sheets ?? []) as { name: string; state?: string }[];
  const namen = () => blaetterDerMappe().map((s) => s.name);
  // As the user sees them: a hidden sheet has no tab, so it is marked.
  const anzeige = () => blaetterDerMappe().map((s) => (s.state === 'hidden' || s.state === 'veryHidden' ? `${s.name} (ausgeblendet)` : s.name));
  const gesucht = (alle: string[]): string | undefined => {
    // The first sheet is the first the user sees: hidden ones come after it.
    if (wahl === undefined) return blaetterDerMappe().find((s) => s.state !== 'hidden' && s.state !== 'veryHidden')?.name ?? alle[0];
    if (typeof wahl === 'number') return alle[wahl - 1];
    // A sheet named like a number is found by its name first; Excel's names ignore case.
    if (alle.includes(wahl)) return wahl;
    const ohneGross = alle.filter((n) => n.toLowerCase() === wahl.toLowerCase());
    if (ohneGross.length === 1) return ohneGross[0];
    return /^\d+$/.test(wahl) ? alle[Number(wahl) - 1] : undefined;
  };
  let treffer = false;
  const blaetter = reader[Symbol.asyncIterator]();
  try {
    for (let n = await blaetter.next(); !n.done; n = await blaetter.next()) {
      const ws = n.value;
      const alle = namen();
      if (treffer || ws.name !== gesucht(alle)) continue;
      treffer = true;
      gefunden(ws.name!, anzeige());
      const date1904 = Boolean((reader.properties as { model?: { date1904?: boolean } } | undefined)?.model?.date1904);
      const zeilen = (ws as unknown as AsyncIterable<ExcelZeile>)[Symbol.asyncIterator]();
      try {
        for (let r = await zeilen.next(); !r.done; r = await zeilen.next()) {
          const zellen: Blattzeile['zellen'] = [];
          r.value.eachCell((cell, spalte) => {
            const z = zellwert(cell.value, cell.numFmt, formatArt, date1904);
            if (z) zellen.push([spalte, z]);
          });
          if (zellen.length) yield { nr: r.value.number, zellen };
        }
      } finally {
        // Stopped early (too many problems): read the sheet to its end, or the next sheet never comes.
        for (let r = await zeilen.next(); !r.done; r = await zeilen.next()) { /* verworfen */ }
      }
    }
  } catch (e) {
    throw tempFehler(e);
  } finally {
    for (let n = await blaetter.next(); !n.done; n = await blaetter.next()) { /* übergangen, die Bibliothek räumt auf */ }
    await aufgeraeumt();
  }
  if (!treffer) {
    const alle = namen();
    // Named in the workbook but not delivered: a structure the library does not follow (parts under
    // other paths than Excel writes them).
    throw new BlattFehlt(wahl, anzeige(), gesucht(alle) !== undefined);
  }
}

/** The reader's internals this adapter mends (excelts 5.1.17). */
interface ReaderIntern {
  _parseRels(entry: AsyncIterable<Buffer>): Promise<void>;
  _parseWorkbook(entry: AsyncIterable<Buffer>): Promise<void>;
  _workbookRelIdByTarget?: Record<string, string>;
  properties?: { model?: { date1904?: boolean } };
  _storeWaitingWorksheet(sheetNo: number, entry: unknown): Promise<{ path: string; cleanup: () => void }>;
}

/**
 * Three gaps of the library, mended where it reads the workbook's parts:
 * - `date1904="true"` (as LibreOffice writes the 1904 date system) is read as the 1900 system,
 *   which puts every date 4 years and a day early: the attribute is read here too;
 * - relationship targets written as absolute paths (`/xl/worksheets/sheet1.xml`, as openpyxl and
 *   so pandas write them) find no sheet: they are also known by their relative form;
 * - the temporary folder of a sheet stored until its turn is removed without anybody waiting for
 *   it: here the removal is awaited (the returned function), so that a reading leaves nothing
 *   behind when it is done, not some milliseconds later.
 */
function umgehe(reader: object): () => Promise<void> {
  const r = reader as ReaderIntern;
  const raeumen: Promise<void>[] = [];
  const lagere = r._storeWaitingWorksheet.bind(reader);
  r._storeWaitingWorksheet = async (nr, entry) => {
    const blatt = await lagere(nr, entry);
    return { ...blatt, cleanup: () => void raeumen.push(rm(dirname(blatt.path), { recursive: true, force: true }).catch(() => undefined)) };
  };
  const rels = r._parseRels.bind(reader);
  r._parseRels = async (entry) => {
    await rels(entry);
    const ziele = r._workbookRelIdByTarget ?? {};
    for (const [ziel, id] of Object.entries(ziele)) {
      const relativ = ziel.replace(/^\/xl\//, '');
      if (relativ !== ziel && !(relativ in ziele)) ziele[relativ] = id;
    }
  };
  const mappe = r._parseWorkbook.bind(reader);
  r._parseWorkbook = async (entry) => {
    const teile: Buffer[] = [];
    for await (const t of entry) teile.push(t);
    const xml = Buffer.concat(teile);
    await mappe(Readable.from([xml]));
    if (/<(?:\w+:)?workbookPr\b[^>]*\bdate1904\s*=\s*["'](?:1|true)["']/.test(xml.toString('utf8'))) {
      r.properties ??= {};
      r.properties.model = { ...r.properties.model, date1904: true };
    }
  };
  return async () => {
    await Promise.all(raeumen);
  };
}

interface ExcelZelle {
  value: unknown;
  numFmt?: string | { formatCode?: string };
}
interface ExcelZeile {
  number: number;
  eachCell(f: (cell: ExcelZelle, spalte: number) => void): void;
}

function zellwert(v: unknown, numFmt: ExcelZelle['numFmt'], formatArt: (f: string | undefined) => 'datum' | 'prozent' | 'zahl', date1904: boolean): Zellwert | undefined {
  const format = typeof numFmt === 'string' ? numFmt : numFmt?.formatCode;
  if (v === null || v === undefined || v === '') return undefined;
  if (typeof v === 'string') return { art: 'text', wert: v };
  if (typeof v === 'boolean') return { art: 'wahr', wert: v };
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) return { art: 'fehler', wert: '#ZAHL!' };
    const a = formatArt(format);
    // Serial day numbers: 25569 is 1970-01-01 in Excel's 1900 system, 24107 in the 1904 system.
    if (a === 'datum') return { art: 'datum', wert: new Date((v - (date1904 ? 24107 : 25569)) * TAG_MS) };
    return { art: 'zahl', wert: v, prozent: a === 'prozent' };
  }
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? { art: 'fehler', wert: 'ungültiges Datum' } : { art: 'datum', wert: v };
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    // The library's own shared-string index instead of the text: a defect of the reading, never data.
    if ('sharedString' in o) throw new Error('xlsx: Text einer Zelle nicht aufgelöst (sharedString)');
    if ('error' in o) return { art: 'fehler', wert: String(o.error) };
    if (Array.isArray(o.richText)) return { art: 'text', wert: (o.richText as { text?: string }[]).map((r) => r.text ?? '').join('') };
    if ('formula' in o || 'sharedFormula' in o) {
      const r = o.result;
      // The library keeps an error result (#DIV/0!, #NV) as NaN, without its text; no result at all stays empty.
      if (typeof r === 'number' && Number.isNaN(r)) return { art: 'fehler', wert: 'Fehlerwert' };
      if (r === null || r === undefined) return { art: 'fehler', wert: 'Formel ohne gespeicherten Wert' };
      if (typeof r === 'object' && r !== null && 'error' in r) return { art: 'fehler', wert: String((r as { error: unknown }).error) };
      return zellwert(r, numFmt, formatArt, date1904);
    }
    if ('text' in o && typeof o.text === 'string') return { art: 'text', wert: o.text };
  }
  return { art: 'fehler', wert: `unbekannter Zellinhalt ${JSON.stringify(v)}` };
}
