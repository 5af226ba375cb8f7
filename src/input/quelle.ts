// Where an input's bytes come from: a file (read as a stream, as often as a pass needs) or
// standard input (`-`), which can be read only once and is therefore held in memory.

import { createReadStream } from 'node:fs';
import { open, readFile, stat } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { KennzahlenFehler, nutzungsfehler } from '../fehler.js';
import { sha256ImHintergrund } from './pruefsumme.js';

export const STDIN = '-';

export type Standardeingabe = Readable & { isTTY?: boolean };

export interface Bytequelle {
  /** As the user named it; `-` for standard input. */
  readonly datei: string;
  readonly groesse: number | undefined;
  /**
   * A fresh pass over all bytes, or over the bytes von … bis−1. `wiederverwenden`: every chunk is
   * read into the same memory, valid only until the next is asked for (a reader that keeps no
   * chunk saves a megabyte of garbage per megabyte read).
   */
  lies(von?: number, bis?: number, wiederverwenden?: boolean): AsyncIterable<Buffer>;
  /** The SHA-256 of a large file, computed alongside in a worker; null: hash while reading. */
  pruefsumme: Promise<string> | null;
}

/** Below this size a worker costs more than hashing while reading. */
const HASH_IM_HINTERGRUND_AB = 8 << 20;

const CHUNK = 1 << 20;

export async function oeffneQuelle(datei: string, stdin: Standardeingabe, mitPruefsumme = true): Promise<Bytequelle> {
  if (datei === STDIN) {
    const alles = await liesStdin(stdin, '--zeitraeume', 'zeitraeume.csv');
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
    async *lies(von = 0, bis?: number, wiederverwenden = false) {
      if (bis !== undefined && bis <= von) return;
      if (wiederverwenden) {
        yield* inEinenPuffer(datei, von, bis);
        return;
      }
      try {
        for await (const teil of createReadStream(datei, { highWaterMark: CHUNK, start: von, end: bis === undefined ? undefined : bis - 1 })) yield teil as Buffer;
      } catch (e) {
        throw dateiFehler(datei, e);
      }
    },
  };
}

/** Bytes von … bis−1 (or to the end) chunk by chunk into one buffer, each chunk valid until the next is asked for. */
async function* inEinenPuffer(datei: string, von: number, bis: number | undefined): AsyncGenerator<Buffer> {
  let griff: Awaited<ReturnType<typeof open>>;
  try {
    griff = await open(datei, 'r');
  } catch (e) {
    throw dateiFehler(datei, e);
  }
  try {
    const puffer = Buffer.allocUnsafe(CHUNK);
    for (let pos = von; bis === undefined || pos < bis; ) {
      let gelesen: number;
      try {
        gelesen = (await griff.read(puffer, 0, bis === undefined ? CHUNK : Math.min(CHUNK, bis - pos), pos)).bytesRead;
      } catch (e) {
        throw dateiFehler(datei, e);
      }
      if (gelesen === 0) return;
      pos += gelesen;
      yield puffer.subarray(0, gelesen);
    }
  } finally {
    await griff.close();
  }
}

/**
 * All bytes of a small input at once (the JSON inputs); `-` reads standard input. `option` and
 * `beispiel` make the hint when standard input is a terminal.
 */
export async function leseGanz(datei: string, stdin: Standardeingabe, option: string, beispiel: string): Promise<Buffer> {
  if (datei === STDIN) return liesStdin(stdin, option, beispiel);
  try {
    return await readFile(datei);
  } catch (e) {
    throw dateiFehler(datei, e);
  }
}

/** Nobody types an extract by hand: a terminal on standard input means the redirection was forgotten. */
async function liesStdin(stdin: Standardeingabe, option: string, beispiel: string): Promise<Buffer> {
  if (stdin.isTTY) {
    throw nutzungsfehler('„-“ liest von der Standardeingabe, aber dort ist ein Terminal.', `Daten umleiten, z. B. \`cat ${beispiel} | kennzahlen … ${option} -\`.`);
  }
  const teile: Buffer[] = [];
  for await (const teil of stdin) teile.push(typeof teil === 'string' ? Buffer.from(teil) : teil);
  return Buffer.concat(teile);
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
