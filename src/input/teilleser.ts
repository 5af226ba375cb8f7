// Worker thread: reads bytes von … bis−1 of a simple `zeitraeume` file, or a whole further input,
// with the same code as the main thread and sends back what it found (see leseZeitraeume and
// Nebenleser).

import { Readable } from 'node:stream';
import { parentPort } from 'node:worker_threads';
import { Merkmale } from '../core/merkmale.js';
import { PersonRegister, Zeitlinien } from '../core/zeitlinien.js';
import { leseMassnahmen } from './ereignisse.js';
import { lesePersonen } from './personen.js';
import { oeffneQuelle, type Bytequelle } from './quelle.js';
import { tabelleAus, type Tabelle } from './tabelle.js';
import type { GanzAuftrag, GanzErgebnis, TeilAuftrag, TeilErgebnis } from './teilleser-start.js';
import { gescheitert } from '../arbeiter.js';
import { leseZeitraeumeTeil } from './zeitraeume.js';

/** The register's ids under the names of a GanzErgebnis. */
function ids(register: PersonRegister): { ids: Uint8Array; enden: Int32Array } {
  const { bytes, enden } = register.alleIds();
  return { ids: bytes, enden };
}

/** The rows of a file as its first 64 KiB suggest, at most 8 million (what a register is sized for in advance). */
async function geschaetzteZeilen(quelle: Bytequelle, groesse: number): Promise<number> {
  for await (const teil of quelle.lies(0, Math.min(groesse, 1 << 16))) {
    let zeilen = 0;
    for (let i = teil.indexOf(0x0a); i >= 0; i = teil.indexOf(0x0a, i + 1)) zeilen++;
    return zeilen ? Math.min(8_000_000, Math.ceil((groesse / teil.length) * zeilen)) : 0;
  }
  return 0;
}

// The task comes as the first message: the worker may be started before the file's format is known.
const auftrag = await new Promise<TeilAuftrag | GanzAuftrag>((r) => parentPort!.once('message', r));
try {
  const quelle = await oeffneQuelle(auftrag.datei, Object.assign(Readable.from([]), { isTTY: false }), false);
  const register = new PersonRegister();
  if (auftrag.rolle === 'zeitraeume') {
    const zeitlinien = new Zeitlinien();
    const e = await leseZeitraeumeTeil(tabelleAus(quelle, 'zeitraeume', auftrag.format), register, zeitlinien, { von: auftrag.von, bis: auftrag.bis });
    const { bytes, enden } = register.alleIds();
    const laeufe = zeitlinien.alleLaeufe();
    const ergebnis: TeilErgebnis = { ids: bytes, enden, laeufe, probleme: e.probleme, abgebrochen: e.abgebrochen, zeilen: e.info.zeilen, leereZeilen: e.leereZeilen, zeilenNef: e.zeilenNef, erstes: e.erstes, letztes: e.letztes, vorletztes: e.vorletztes, letztePerson: e.letztePerson, uebersprungen: e.uebersprungen };
    parentPort!.postMessage(ergebnis, [bytes.buffer, enden.buffer, laeufe.buffer] as ArrayBuffer[]);
  } else {
    // Where the main thread hashes the file, the whole file is read as a range that starts it: as
    // a whole file is, but not hashed a second time.
    // A person per row (personen) or fewer (massnahmen): a register sized for the rows from the
    // start is not doubled a dozen times while millions of persons come.
    register.reserviere(await geschaetzteZeilen(quelle, auftrag.groesse));
    const t = tabelleAus(quelle, auftrag.rolle, auftrag.format);
    const ganz: Tabelle = auftrag.pruefsumme ? { ...t, lies: (schema, verarbeite, schnell, bereich) => t.lies(schema, verarbeite, schnell, bereich ?? { von: 0, bis: auftrag.groesse }) } : t;
    let ergebnis: GanzErgebnis;
    const puffer: ArrayBufferLike[] = [];
    if (auftrag.rolle === 'personen') {
      const merkmale = new Merkmale();
      const e = await lesePersonen(ganz, register, merkmale);
      const z = merkmale.zustand();
      ergebnis = { ergebnis: e, ...ids(register), merkmale: z };
      puffer.push(z.geschlecht.buffer, z.geburt.buffer, z.alleinerziehend.buffer, z.flucht.buffer, z.bekannt.buffer);
    } else {
      const massnahmen = new Zeitlinien();
      const { spanne, ...e } = await leseMassnahmen(ganz, register, massnahmen);
      const laeufe = massnahmen.alleLaeufe();
      ergebnis = { ergebnis: e, ...ids(register), laeufe, spanne };
      puffer.push(laeufe.buffer);
    }
    parentPort!.postMessage(ergebnis, [ergebnis.ids.buffer, ergebnis.enden.buffer, ...puffer] as ArrayBuffer[]);
  }
} catch (e) {
  parentPort!.postMessage(gescheitert(e));
}
