// Worker thread: reads bytes von … bis−1 of a simple `zeitraeume` file with the same code as the
// main thread and sends back what it found (see leseZeitraeume).

import { Readable } from 'node:stream';
import { parentPort } from 'node:worker_threads';
import { PersonRegister, Zeitlinien } from '../core/zeitlinien.js';
import { oeffneQuelle } from './quelle.js';
import { tabelleAus } from './tabelle.js';
import type { TeilAuftrag, TeilErgebnis } from './teilleser-start.js';
import { leseZeitraeumeTeil } from './zeitraeume.js';

// The task comes as the first message: the worker may be started before the file's format is known.
const auftrag = await new Promise<TeilAuftrag>((r) => parentPort!.once('message', r));
try {
  const quelle = await oeffneQuelle(auftrag.datei, Object.assign(Readable.from([]), { isTTY: false }), false);
  const register = new PersonRegister();
  const zeitlinien = new Zeitlinien();
  const e = await leseZeitraeumeTeil(tabelleAus(quelle, 'zeitraeume', auftrag.format), register, zeitlinien, { von: auftrag.von, bis: auftrag.bis });
  const { bytes, enden } = register.alleIds();
  const laeufe = zeitlinien.alleLaeufe();
  const ergebnis: TeilErgebnis = { ids: bytes, enden, laeufe, probleme: e.probleme, abgebrochen: e.abgebrochen, zeilen: e.info.zeilen, leereZeilen: e.leereZeilen, zeilenNef: e.zeilenNef, erstes: e.erstes, letztes: e.letztes, vorletztes: e.vorletztes, letztePerson: e.letztePerson, uebersprungen: e.uebersprungen };
  parentPort!.postMessage(ergebnis, [bytes.buffer, enden.buffer, laeufe.buffer] as ArrayBuffer[]);
} catch (e) {
  parentPort!.postMessage({ fehler: e instanceof Error ? e.stack ?? e.message : String(e) });
}
