// Writing results: to stdout, or to a file atomically (temporary file in the same folder, fsync,
// rename), so a reader on a network share never sees half a report and an error leaves nothing behind.

import { randomBytes } from 'node:crypto';
import { open, rename, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { KennzahlenFehler } from '../fehler.js';
import type { Io } from './io.js';

export async function schreibeAtomar(ziel: string, inhalt: string): Promise<void> {
  const temp = join(dirname(ziel), `.${basename(ziel)}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`);
  try {
    const datei = await open(temp, 'wx');
    try {
      await datei.writeFile(inhalt, 'utf8');
      await datei.sync();
    } finally {
      await datei.close();
    }
    await rename(temp, ziel);
  } catch (e) {
    await unlink(temp).catch(() => undefined);
    const code = (e as NodeJS.ErrnoException).code;
    const grund =
      code === 'EACCES' || code === 'EPERM' || code === 'EROFS' ? 'keine Schreibberechtigung' :
      code === 'ENOENT' ? 'Ordner gibt es nicht' :
      code === 'EISDIR' ? 'ist ein Ordner' :
      code === 'ENOSPC' ? 'kein Platz mehr auf dem Datenträger' :
      `nicht schreibbar (${code ?? String(e)})`;
    throw new KennzahlenFehler('ausgabe', `${ziel}: ${grund}.`);
  }
}

/** The report goes to `--out FILE` or to stdout. */
export async function gibAus(io: Io, inhalt: string, out: string | undefined): Promise<void> {
  if (out) await schreibeAtomar(out, inhalt);
  else io.stdout.write(inhalt);
}
