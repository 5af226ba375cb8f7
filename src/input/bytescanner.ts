// The byte scanner for simple files (UTF-8, no quotes, one kind of line end): lines are found with
// the native indexOf and handed on as byte ranges with their field bounds, so no string is made
// unless a cell needs one. It reads a whole file or a part of it (a worker reads the other part).

import { createHash } from 'node:crypto';
import type { TabellenFormat } from './format.js';
import type { Bytequelle } from './quelle.js';
import type { Spalten, Zeilenpruefung } from './zeilen.js';

/** Bytes von … bis−1 of a file; a part that does not start at 0 has no header and no BOM. */
export interface Bereich {
  von: number;
  bis: number;
}

/**
 * Feeds every data line of the file (or of `bereich`) to `pruefung`. Empty lines are skipped but
 * counted, as csv-parse does. Returns the file's SHA-256 ('' for a part) and the lines of the part.
 */
export async function scanne<S extends Spalten>(
  quelle: Bytequelle,
  f: TabellenFormat,
  pruefung: Zeilenpruefung<S>,
  bereich?: Bereich,
  fortschritt?: (gelesen: number) => void,
): Promise<{ sha256: string; zeilen: number }> {
  // Only a whole file has a checksum of its own; a part's caller has the file's from a worker.
  const ganz = !bereich;
  const mitKopf = !bereich || bereich.von === 0;
  const hash = quelle.pruefsumme || !ganz ? null : createHash('sha256');
  const trenner = f.trennzeichen.charCodeAt(0);
  const grenzen = new Int32Array((pruefung.spaltenzahl + 1) * 2);
  let rest: Buffer | null = null;
  let nr = 0;
  let bytes = 0;
  let erstes = true;
  const cr = f.crlf ? 1 : 0;
  // The header's line, and a BA table's title lines above it, are not data.
  const kopf = f.kopfzeile;
  /** The next line, bytes von … bis−1 without its end: to the role's line reader, else split into fields. Empty lines are only counted. */
  const naechsteZeile = (buf: Buffer, von: number, bis: number) => {
    nr++;
    if (bis > von && !(mitKopf && nr <= kopf) && !pruefung.roheZeile(buf, von, bis)) zeile(pruefung, buf, von, bis, nr, trenner, grenzen);
  };
  // No chunk outlives its turn (the tail of a line is copied), so all are read into one buffer.
  for await (const teil of quelle.lies(bereich?.von, bereich?.bis, true)) {
    hash?.update(teil);
    bytes += teil.length;
    fortschritt?.(bytes);
    if (pruefung.abgebrochen) {
      if (hash) continue; // keep hashing: the checksum covers the whole file
      break;
    }
    const daten = erstes && mitKopf ? teil.subarray(f.bomLaenge) : teil;
    erstes = false;
    let pos = 0;
    if (rest) {
      // The line cut at the last chunk's end is completed in a small buffer of its own, not by
      // copying the whole chunk behind it.
      const nl = daten.indexOf(0x0a);
      if (nl < 0) {
        rest = Buffer.concat([rest, daten]);
        continue;
      }
      const ganzeZeile = Buffer.concat([rest, daten.subarray(0, nl + 1)]);
      naechsteZeile(ganzeZeile, 0, ganzeZeile.length - 1 - cr);
      pos = nl + 1;
    }
    const letzte = daten.lastIndexOf(0x0a);
    if (letzte >= pos) pruefung.vorausZeilen(daten, pos, letzte + 1, cr);
    for (let nl = daten.indexOf(0x0a, pos); nl >= 0; nl = daten.indexOf(0x0a, pos)) {
      naechsteZeile(daten, pos, nl - cr);
      pos = nl + 1;
    }
    rest = pos < daten.length ? Buffer.from(daten.subarray(pos)) : null;
  }
  if (rest && !pruefung.abgebrochen) {
    naechsteZeile(rest, 0, rest.length - (cr && rest[rest.length - 1] === 0x0d ? 1 : 0));
  }
  return { sha256: hash ? hash.digest('hex') : ganz ? await quelle.pruefsumme! : '', zeilen: nr };
}

/** One line: its field bounds into `grenzen`, then to the row validator. */
function zeile<S extends Spalten>(pruefung: Zeilenpruefung<S>, buf: Buffer, von: number, bis: number, nr: number, trenner: number, grenzen: Int32Array): void {
  if (pruefung.abgebrochen) return;
  const spaltenzahl = pruefung.spaltenzahl;
  // Lines are short, so a plain loop beats a native call per field. A field beyond the header's
  // count is only counted.
  let n = 0;
  let a = von;
  for (let i = von; i < bis; i++) {
    if (buf[i] !== trenner) continue;
    if (n < spaltenzahl) {
      grenzen[2 * n] = a;
      grenzen[2 * n + 1] = i;
    }
    n++;
    a = i + 1;
  }
  if (n < spaltenzahl) {
    grenzen[2 * n] = a;
    grenzen[2 * n + 1] = bis;
  }
  pruefung.byteZeile(nr, buf, von, bis, grenzen, n + 1);
}
