// What a file is, settled once before any row is read: its encoding, its delimiter, whether it is
// text at all, and whether the byte scanner may read it. The answers travel as `TabellenFormat`, so
// a worker reading part of the same file need not find them again.

import type { Kodierung, Trennzeichen } from '../core/modell.js';
import { istUtf16OhneBom, NachUtf8, Utf8Pruefung } from './dekodierung.js';
import type { Bytequelle } from './quelle.js';
import type { Wertzuordnung } from './werte.js';
import type { Zuordnung } from './spalten.js';


/** The format of a table, settled once: plain data, so it can travel to a worker. */
export interface TabellenFormat {
  kodierung: Kodierung;
  trennzeichen: Trennzeichen;
  bomLaenge: number;
  kopf: readonly (string | null)[];
  roherKopf: readonly string[];
  zuordnung: readonly Zuordnung[];
  konfiguration?: string;
  /** The config's value mapping for this role's columns. */
  werte?: Wertzuordnung;
  maxProbleme: number;
  /** UTF-8 without quotes and with one kind of line end: the byte scanner can read it. */
  einfach: boolean;
  /** Lines end in CR LF (the scanner drops the CR). */
  crlf: boolean;
  /** The header's line (1-based); the lines above it (a BA table's titles) are not read. */
  kopfzeile: number;
  /** The sheet read, for a workbook (.xlsx); its problems are then placed at its cells. */
  blatt?: string;
}

export function erstesStueck(quelle: Bytequelle): Promise<Buffer> {
  return (async () => {
    for await (const teil of quelle.lies()) return teil;
    return Buffer.alloc(0);
  })();
}

/** Counts `;`, `,` and tab outside quotes in the header line; the most frequent wins, `;` on a tie. */
export function erkenneTrennzeichen(kopfzeile: string, vorgabe: Trennzeichen = ';'): Trennzeichen {
  const anzahl: Record<Trennzeichen, number> = { ';': 0, ',': 0, '\t': 0 };
  let inAnfuehrung = false;
  for (const z of kopfzeile) {
    if (z === '"') inAnfuehrung = !inAnfuehrung;
    else if (!inAnfuehrung && (z === ';' || z === ',' || z === '\t')) anzahl[z]++;
  }
  let bestes: Trennzeichen = vorgabe;
  for (const t of [';', ',', '\t'] as const) if (anzahl[t] > anzahl[bestes]) bestes = t;
  return bestes;
}

/**
 * What a file is when it is not text: recognised by its first bytes, not by its name, because a
 * workbook saved under a .csv name is a common slip. UTF-16 text has zero bytes too, so zero bytes
 * count only where no UTF-16 pattern explains them.
 */
/** A zip archive: an .xlsx workbook (read as one), or another archive (an .ods) it then says it is not. */
export const istZip = (b: Uint8Array): boolean => b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;

export function fremdesFormat(b: Uint8Array): string | null {
  const beginnt = (...z: number[]) => z.every((x, i) => b[i] === x);
  if (beginnt(0x50, 0x4b, 0x03, 0x04)) return 'eine ZIP-Datei, wohl eine Excel-Arbeitsmappe (.xlsx)';
  // The compound file format holds old .xls workbooks and also .xlsx ones protected by a password.
  if (beginnt(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1)) return 'eine Excel-Arbeitsmappe im alten Format (.xls) oder eine mit Kennwort (oder Vertraulichkeitsbezeichnung) verschlüsselte';
  if (beginnt(0x25, 0x50, 0x44, 0x46)) return 'ein PDF-Dokument';
  if (beginnt(0x1f, 0x8b)) return 'eine gzip-komprimierte Datei';
  // UTF-16 big-endian is refused by its BOM elsewhere; without one its zero bytes come first.
  const utf16 = istUtf16OhneBom(b) || (b.length >= 4 && b[0] === 0 && b[2] === 0);
  if (!utf16 && b.subarray(0, 4096).includes(0)) return 'eine Binärdatei (sie enthält Null-Bytes)';
  return null;
}

/**
 * The encoding, and whether the byte scanner may read the file. One pass over the bytes decides what
 * the first chunk cannot: without a BOM, UTF-8 if every byte is valid UTF-8, else Windows-1252; and
 * whether the file is simple (no quotes, one kind of line end). The pass is skipped where neither
 * question is open.
 */
export async function erkenneKodierung(
  quelle: Bytequelle,
  erstes: Buffer,
  bom: Kodierung | null,
  opt: { kodierung?: Kodierung; leser?: 'auto' | 'allgemein' },
): Promise<{ kodierung: Kodierung; einfach: boolean; crlf: boolean }> {
  let kodierung: Kodierung | null = null;
  if (opt.kodierung) kodierung = opt.kodierung;
  else if (bom) kodierung = bom;
  else if (istUtf16OhneBom(erstes)) kodierung = 'utf16le';
  const ersteZeile = erstes.indexOf(0x0a);
  const crlf = ersteZeile > 0 && erstes[ersteZeile - 1] === 0x0d;
  const scannerMoeglich = opt.leser !== 'allgemein' && (kodierung === null || kodierung === 'utf8') && ersteZeile >= 0;
  let einfach = scannerMoeglich;
  if (kodierung === null || scannerMoeglich) {
    const pruefung = kodierung === null ? new Utf8Pruefung() : null;
    const zeilen = crlf ? new ZeilenendenPruefung() : null;
    let gueltig = true;
    for await (const teil of quelle.lies(undefined, undefined, true)) {
      if (pruefung && gueltig) gueltig = pruefung.weiter(teil);
      if (einfach) einfach = teil.indexOf(0x22) < 0 && (zeilen ? zeilen.weiter(teil) : teil.indexOf(0x0d) < 0);
      if (!einfach && (!pruefung || !gueltig)) break;
    }
    if (pruefung) kodierung = gueltig && pruefung.ende() ? 'utf8' : 'cp1252';
    if (zeilen && !zeilen.ende()) einfach = false;
  }
  if (kodierung !== 'utf8') einfach = false;
  return { kodierung: kodierung!, einfach, crlf };
}

/**
 * The first `anzahl` lines of the first chunk as text, without BOM and line ends: the header is
 * one of them (the first, or the first below a BA table's title lines). A last line without an
 * end counts only where the chunk is the whole file, which `ganz` says.
 */
export function ersteZeilen(erstes: Buffer, kodierung: Kodierung, bomLaenge: number, anzahl: number, ganz: boolean): string[] {
  const anfang = new NachUtf8(kodierung).weiter(erstes.subarray(bomLaenge));
  const zeilen: string[] = [];
  let pos = 0;
  while (zeilen.length < anzahl) {
    const nl = anfang.indexOf(0x0a, pos);
    if (nl < 0) {
      // The first line is read even when it is cut, as before: its problem is then named.
      if (ganz || zeilen.length === 0) zeilen.push(anfang.subarray(pos).toString('utf8').replace(/\r$/, ''));
      break;
    }
    zeilen.push(anfang.subarray(pos, nl).toString('utf8').replace(/\r$/, ''));
    pos = nl + 1;
  }
  return zeilen;
}

/**
 * Checks chunk by chunk that every line ends in CR LF and no CR stands anywhere else: csv-parse
 * would otherwise keep a lone LF inside a field, and the scanner must read such a file the same way.
 */
class ZeilenendenPruefung {
  private cr = 0;
  private lf = 0;
  private letztes = -1;

  weiter(teil: Buffer): boolean {
    for (let p = teil.indexOf(0x0d); p >= 0; p = teil.indexOf(0x0d, p + 1)) this.cr++;
    for (let p = teil.indexOf(0x0a); p >= 0; p = teil.indexOf(0x0a, p + 1)) {
      this.lf++;
      if ((p > 0 ? teil[p - 1] : this.letztes) !== 0x0d) return false;
    }
    this.letztes = teil.length ? teil[teil.length - 1] : this.letztes;
    return this.lf === this.cr || (this.cr === this.lf + 1 && this.letztes === 0x0d);
  }

  ende(): boolean {
    return this.cr === this.lf;
  }
}
