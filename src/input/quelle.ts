// Where an input's bytes come from: a file (read as a stream, as often as a pass needs) or
// standard input (`-`), which can be read only once and is therefore held in memory.

import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { KennzahlenFehler, nutzungsfehler } from '../fehler.js';

export const STDIN = '-';

export interface Bytequelle {
  /** As the user named it; `-` for standard input. */
  readonly datei: string;
  readonly groesse: number | undefined;
  /** A fresh pass over all bytes. */
  lies(): AsyncIterable<Buffer>;
}

const CHUNK = 1 << 20;

export async function oeffneQuelle(datei: string, stdin: Readable & { isTTY?: boolean }): Promise<Bytequelle> {
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
      async *lies() {
        for (let i = 0; i < alles.length; i += CHUNK) yield alles.subarray(i, i + CHUNK);
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
  return {
    datei,
    groesse,
    async *lies() {
      try {
        for await (const teil of createReadStream(datei, { highWaterMark: CHUNK })) yield teil as Buffer;
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
