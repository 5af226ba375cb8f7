// Where an input's bytes come from: a file (read as a stream, as often as a pass needs) or
// standard input (`-`), which can be read only once and is therefore held in memory.

import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { KennzahlenFehler, nutzungsfehler } from '../fehler.js';
import { sha256ImHintergrund } from './pruefsumme.js';

export const STDIN = '-';

export interface Bytequelle {
  /** As the user named it; `-` for standard input. */
  readonly datei: string;
  readonly groesse: number | undefined;
  /** A fresh pass over all bytes, or over the bytes von … bis−1. */
  lies(von?: number, bis?: number): AsyncIterable<Buffer>;
  /** The SHA-256 of a large file, computed alongside in a worker; null: hash while reading. */
  pruefsumme: Promise<string> | null;
}

/** Below this size a worker costs more than hashing while reading. */
const HASH_IM_HINTERGRUND_AB = 8 << 20;

const CHUNK = 1 << 20;

export async function oeffneQuelle(datei: string, stdin: Readable & { isTTY?: boolean }, mitPruefsumme = true): Promise<Bytequelle> {
  if (datei === STDIN) {
    if (stdin.isTTY) {
      throw nutzungsfehler('„-“ liest von der Standardeingabe, aber dort ist ein Terminal.', 'Daten umleiten, z. B. `cat zeitraeume.csv | kennzahlen … --zeitraeume -`.');
    }
    const teile: Buffer[] = [];
    for await (const teil of stdin) teile.push(typeof teil === 'string' ? Buffer.from(teil) : teil);
    const alles = Buffer.concat(teile);
    return {
      datei,
      groesse: alles.length,
      pruefsumme: null,
      async *lies(von = 0, bis = alles.length) {
        for (let i = von; i < bis; i += CHUNK) yield alles.subarray(i, Math.min(i + CHUNK, bis));
      },
    };
  }
  let groesse: number;
  try {
    const s = await stat(datei);
    if (s.isDirectory()) throw new KennzahlenFehler('datei_fehlt', `${datei}: ist ein Ordner, keine Datei.`);
    groesse = s.size;
  } catch (e) {
    if (e instanceof KennzahlenFehler) throw e;
    throw dateiFehler(datei, e);
  }
  const pruefsumme = mitPruefsumme && groesse >= HASH_IM_HINTERGRUND_AB ? sha256ImHintergrund(datei) : null;
  // A failing read shows up in the main pass with a proper message; this promise must not crash first.
  pruefsumme?.catch(() => undefined);
  return {
    datei,
    groesse,
    pruefsumme,
    async *lies(von = 0, bis?: number) {
      if (bis !== undefined && bis <= von) return;
      try {
        for await (const teil of createReadStream(datei, { highWaterMark: CHUNK, start: von, end: bis === undefined ? undefined : bis - 1 })) yield teil as Buffer;
      } catch (e) {
        throw dateiFehler(datei, e);
      }
    },
  };
}

function dateiFehler(datei: string, e: unknown): KennzahlenFehler {
  const code = (e as NodeJS.ErrnoException)?.code;
  const grund =
    code === 'ENOENT' ? 'Datei nicht gefunden' :
    code === 'EACCES' || code === 'EPERM' ? 'keine Leseberechtigung' :
    code === 'EISDIR' ? 'ist ein Ordner, keine Datei' :
    `nicht lesbar (${code ?? String(e)})`;
  return new KennzahlenFehler('datei_fehlt', `${datei}: ${grund}.`);
}
