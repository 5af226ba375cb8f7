// Reading a `zeitraeume` input as the CLI does (format detection, byte scanner or csv-parse, one or
// two threads), for tests of the core that need real reading rather than hand-made timelines.

import { Readable } from 'node:stream';
import { PersonRegister, Zeitlinien } from '../../src/core/zeitlinien.js';
import { oeffneQuelle } from '../../src/input/quelle.js';
import { oeffneTabelle } from '../../src/input/tabelle.js';
import { leseZeitraeume, type ZeitraeumeErgebnis } from '../../src/input/zeitraeume.js';

/** A file (`{ datei }`) or a text given on standard input (`{ text }`), read into a fresh register and timelines. */
export async function liesZeitraeume(quelle: { datei: string } | { text: string }): Promise<{ e: ZeitraeumeErgebnis; register: PersonRegister; z: Zeitlinien }> {
  const register = new PersonRegister();
  const z = new Zeitlinien();
  const stdin = Object.assign(Readable.from('text' in quelle ? [Buffer.from(quelle.text)] : []), { isTTY: false });
  const q = await oeffneQuelle('text' in quelle ? '-' : quelle.datei, stdin);
  const e = await leseZeitraeume(await oeffneTabelle(q, 'zeitraeume', { maxProbleme: 100 }), register, z);
  return { e, register, z };
}
