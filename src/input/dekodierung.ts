// Text encodings of the extracts. Excel and BA exports come as UTF-8 with BOM ("CSV UTF-8"),
// Windows-1252 without BOM ("CSV (Trennzeichen-getrennt)") or UTF-16LE ("Unicode-Text"). Node 20's
// own TextDecoder('windows-1252') takes a Latin-1 shortcut and turns 0x80 into U+0080 instead of
// '€' (nodejs/node #60888), so the 32 bytes where Windows-1252 differs from Latin-1 are mapped here.

import { isUtf8 } from 'node:buffer';
import type { Kodierung } from '../core/modell.js';
import type { Bytequelle } from './quelle.js';


/** Windows-1252 bytes 0x80…0x9F; the five bytes it leaves undefined keep their Latin-1 code point. */
const CP1252_80_9F =
  '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ';

/** Byte → UTF-8 bytes of its Windows-1252 character, precomputed for all 256 bytes. */
const CP1252_NACH_UTF8: Buffer[] = Array.from({ length: 256 }, (_, b) =>
  Buffer.from(b >= 0x80 && b <= 0x9f ? CP1252_80_9F[b - 0x80] : String.fromCharCode(b), 'utf8'),
);

export function cp1252ZuUtf8(bytes: Uint8Array): Buffer {
  let laenge = 0;
  for (let i = 0; i < bytes.length; i++) laenge += CP1252_NACH_UTF8[bytes[i]].length;
  const aus = Buffer.allocUnsafe(laenge);
  let pos = 0;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    if (b < 0x80) aus[pos++] = b;
    else {
      const u = CP1252_NACH_UTF8[b];
      for (let k = 0; k < u.length; k++) aus[pos++] = u[k];
    }
  }
  return aus;
}

export function cp1252ZuText(bytes: Uint8Array): string {
  return cp1252ZuUtf8(bytes).toString('utf8');
}

/** The byte-order mark at the start, if any. UTF-16BE and UTF-32 are recognised to refuse them clearly. */
export function erkenneBom(kopf: Uint8Array): { kodierung: Kodierung | 'utf16be' | 'utf32'; laenge: number } | null {
  if (kopf.length >= 4 && kopf[0] === 0xff && kopf[1] === 0xfe && kopf[2] === 0 && kopf[3] === 0) return { kodierung: 'utf32', laenge: 4 };
  if (kopf.length >= 3 && kopf[0] === 0xef && kopf[1] === 0xbb && kopf[2] === 0xbf) return { kodierung: 'utf8', laenge: 3 };
  if (kopf.length >= 2 && kopf[0] === 0xff && kopf[1] === 0xfe) return { kodierung: 'utf16le', laenge: 2 };
  if (kopf.length >= 2 && kopf[0] === 0xfe && kopf[1] === 0xff) return { kodierung: 'utf16be', laenge: 2 };
  return null;
}

/** How many bytes at the end of `b` start a UTF-8 sequence that the next chunk completes. */
function offenesEnde(b: Uint8Array): number {
  const n = b.length;
  for (let i = 1; i <= Math.min(4, n); i++) {
    const c = b[n - i];
    if ((c & 0xc0) === 0x80) continue;
    const noetig = c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : c >= 0xc0 ? 2 : 1;
    return noetig > i ? i : 0;
  }
  return 0;
}

/**
 * Checks chunk by chunk whether a byte stream is valid UTF-8, carrying a sequence cut at a chunk
 * boundary over to the next chunk. Uses Node's native validator, so a pass costs little.
 */
export class Utf8Pruefung {
  private rest: Buffer = Buffer.alloc(0);
  private gueltig = true;

  weiter(chunk: Buffer): boolean {
    if (!this.gueltig) return false;
    const daten = this.rest.length ? Buffer.concat([this.rest, chunk]) : chunk;
    const offen = offenesEnde(daten);
    this.gueltig = isUtf8(daten.subarray(0, daten.length - offen));
    this.rest = Buffer.from(daten.subarray(daten.length - offen));
    return this.gueltig;
  }

  ende(): boolean {
    return this.gueltig && this.rest.length === 0;
  }
}

/**
 * Turns a byte stream of a known encoding into UTF-8 bytes (what csv-parse reads), chunk by chunk.
 * UTF-8 passes through untouched.
 */
export class NachUtf8 {
  private utf16 = new TextDecoder('utf-16le');
  constructor(private kodierung: Kodierung) {}

  weiter(chunk: Buffer): Buffer {
    if (this.kodierung === 'utf8') return chunk;
    if (this.kodierung === 'cp1252') return cp1252ZuUtf8(chunk);
    return Buffer.from(this.utf16.decode(chunk, { stream: true }), 'utf8');
  }

  ende(): Buffer {
    return this.kodierung === 'utf16le' ? Buffer.from(this.utf16.decode(), 'utf8') : Buffer.alloc(0);
  }
}

/**
 * A whole small input (a JSON file) as text, recognised as `oeffneTabelle` recognises a CSV: a BOM
 * decides; else UTF-16LE when the first characters are ASCII each followed by a zero byte (a
 * "Unicode-Text" that lost its BOM); else UTF-8 when all bytes are valid UTF-8; else Windows-1252,
 * the default of German Excel and Notepad. The BOM is not part of the text.
 */
/**
 * UTF-16LE text that lost its BOM ("Unicode-Text" passed through a tool): its ASCII header letters
 * are each followed by a zero byte.
 */
export function istUtf16OhneBom(b: Uint8Array): boolean {
  return b.length >= 4 && b[1] === 0 && b[3] === 0 && b[0] !== 0 && b[2] !== 0;
}

export function dekodiere(bytes: Buffer): { text: string; kodierung: Kodierung } | { nichtUnterstuetzt: 'utf16be' | 'utf32' } {
  const bom = erkenneBom(bytes);
  if (bom && (bom.kodierung === 'utf16be' || bom.kodierung === 'utf32')) return { nichtUnterstuetzt: bom.kodierung };
  const kodierung: Kodierung = bom
    ? (bom.kodierung as Kodierung)
    : istUtf16OhneBom(bytes)
      ? 'utf16le'
      : isUtf8(bytes) ? 'utf8' : 'cp1252';
  const rest = bytes.subarray(bom ? bom.laenge : 0);
  const text = kodierung === 'utf8' ? rest.toString('utf8') : kodierung === 'cp1252' ? cp1252ZuText(rest) : new TextDecoder('utf-16le').decode(rest);
  return { text, kodierung };
}

/**
 * A file's text as UTF-8 chunks, without its BOM, the encoding's last bytes as a chunk of their
 * own at the end. `roh` sees every chunk as read (to hash it, to count progress).
 */
export async function* utf8Teile(quelle: Bytequelle, kodierung: Kodierung, bomLaenge: number, roh?: (teil: Buffer) => void): AsyncGenerator<Buffer> {
  const nachUtf8 = new NachUtf8(kodierung);
  let erstes = true;
  for await (const teil of quelle.lies()) {
    roh?.(teil);
    yield nachUtf8.weiter(erstes ? teil.subarray(bomLaenge) : teil);
    erstes = false;
  }
  yield nachUtf8.ende();
}
