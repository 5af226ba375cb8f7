// Where a large `zeitraeume` file is cut in two, and starting the worker that reads the second half
// (see leseZeitraeume); the worker that reads further inputs whole while `zeitraeume` is read
// (`Nebenleser`).

import { open, stat } from 'node:fs/promises';
import { Worker } from 'node:worker_threads';
import type { Spanne } from '../core/ereignisse.js';
import type { MerkmaleZustand } from '../core/merkmale.js';
import { Personenstapel, type PersonRegister } from '../core/zeitlinien.js';
import { arbeite, arbeiterSkript } from '../arbeiter.js';
import type { Problem } from '../fehler.js';
import { istZip, type TabellenFormat } from './format.js';
import { STDIN } from './quelle.js';
import type { Leseergebnis, Tabelle, Uebersprungen } from './tabelle.js';

export interface TeilAuftrag {
  rolle: 'zeitraeume';
  datei: string;
  format: TabellenFormat;
  von: number;
  bis: number;
}

/** What the worker found in its part, in plain and transferable data. */
export interface TeilErgebnis {
  /** The ids it met, in the order it met them, as UTF-8 bytes with end offsets. */
  ids: Uint8Array;
  enden: Int32Array;
  /** Its periods as (its person index, von, bis) triples. */
  laeufe: Int32Array;
  probleme: Problem[];
  abgebrochen: boolean;
  zeilen: number;
  leereZeilen: number;
  zeilenNef: number;
  erstes: number | null;
  letztes: number | null;
  vorletztes: number | null;
  /** Its own person index. */
  letztePerson: number | null;
  /** A footnote block in its part (lines of the part). */
  uebersprungen?: Uebersprungen;
}

/** A whole further input for a worker to read into a register of its own (see `Nebenleser`). */
export interface GanzAuftrag {
  rolle: 'personen' | 'massnahmen';
  datei: string;
  format: TabellenFormat;
  groesse: number;
  /** The main thread computes the file's checksum (a large file's, in the background); else the worker does. */
  pruefsumme: boolean;
}

/** What the worker read from a whole input, in plain and transferable data; its checksum is the main thread's. */
export interface GanzErgebnis {
  ergebnis: Leseergebnis;
  /** Its persons in the order it numbered them (that of their first row), as UTF-8 bytes with end offsets. */
  ids: Uint8Array;
  enden: Int32Array;
  /** personen: the attributes by its person index. */
  merkmale?: MerkmaleZustand;
  /** massnahmen: the measures as (its person index, von, bis) triples, and the span of their starts. */
  laeufe?: Int32Array;
  spanne?: Spanne | null;
}

/**
 * Where a large simple file may be cut in two for a second reader: the start of the first line
 * after the middle. Null for inputs that do not pay (small, not simple, standard input, no hash).
 */
export async function teilung(t: Tabelle): Promise<number | null> {
  const g = t.quelle.groesse ?? 0;
  if (!t.einfach || !t.quelle.pruefsumme || g < TEILUNG.ab) return null;
  const mitte = Math.floor(g / 2);
  for await (const teil of t.quelle.lies(mitte, Math.min(g, mitte + (1 << 20)))) {
    const nl = teil.indexOf(0x0a);
    return nl < 0 ? null : mitte + nl + 1;
  }
  return null;
}

/** The built worker script (tests import the sources; a worker runs the built code). */
const skript = () => arbeiterSkript('input', 'teilleser.js');

/** Files from this size are read by two threads (if simple). */
const TEILUNG_AB = 32 << 20;

/** The size from which a simple monthly stock is split (tests lower it; it needs a file hashed in the background, from 8 MiB). */
export const TEILUNG = { ab: TEILUNG_AB };

/** A worker started ahead, loading its modules while the main thread checks the file. */
let vorrat: Worker | null = null;

/**
 * Starts the worker for a file that will likely be split, before its format is settled: Node
 * needs some 60–80 ms to bring a worker up, which the check of a large file's bytes then hides.
 * Unreferenced, it keeps no process alive; `verwirfTeilleser` ends it when it is not needed.
 */
export function waermeTeilleserVor(): void {
  if (vorrat) return;
  const datei = skript();
  if (!datei) return;
  vorrat = new Worker(datei);
  vorrat.unref();
  // A worker that fails before it is given work is simply not used.
  vorrat.once('error', () => (vorrat = null));
}

export function verwirfTeilleser(): void {
  void vorrat?.terminate();
  vorrat = null;
}

/** The worker's result, or null when there is no built worker to start (one thread reads all). */
export function starteTeilleser(auftrag: TeilAuftrag): Promise<TeilErgebnis> | null {
  const datei = skript();
  if (!datei) return null;
  const w = vorrat ?? new Worker(datei);
  vorrat = null;
  return arbeite<TeilErgebnis>(w, auftrag);
}

/**
 * A worker's persons registered here in the order it numbered them (that of one reader): its
 * person q is here nummer[q]. Most are known already (persons of `zeitraeume`): they are looked
 * up first in the order of the register's table (`Personenstapel`), a cache miss saved per person;
 * then the others are registered in the worker's order.
 */
export function registriereIds(register: PersonRegister, ids: Uint8Array, enden: Int32Array): Int32Array {
  const nummer = new Int32Array(enden.length).fill(-1);
  const stapel = new Personenstapel(register, (p, q) => (nummer[q] = p), false);
  for (let q = 0, a = 0; q < enden.length; a = enden[q++]) if (enden[q] > a && enden[q] - a <= 8) stapel.hinzu(ids, a, enden[q], q, 0);
  stapel.leere();
  for (let q = 0, a = 0; q < enden.length; a = enden[q++]) if (nummer[q] < 0) nummer[q] = register.nummerBytes(ids, a, enden[q]);
  return nummer;
}

/**
 * A further input with `nebenher`: read by the worker where that pays, and taken over once
 * `vorher` is done (`uebernimm` gets the worker's result and the numbers of its persons here);
 * otherwise read here (`hier`), also after `vorher`. The checksum is this thread's where it
 * computes one (see GanzAuftrag).
 */
export async function liesNebenher<E extends Leseergebnis>(
  tabelle: Tabelle,
  rolle: GanzAuftrag['rolle'],
  register: PersonRegister,
  nebenher: Nebenher | undefined,
  hier: () => Promise<E>,
  uebernimm: (g: GanzErgebnis, nummer: Int32Array) => Omit<E, keyof Leseergebnis>,
): Promise<E> {
  const teil = nebenher?.leser.lies(tabelle, rolle);
  if (!teil) {
    await nebenher?.vorher;
    return hier();
  }
  const g = await teil;
  await nebenher!.vorher;
  const mehr = uebernimm(g, registriereIds(register, g.ids, g.enden));
  const sha256 = tabelle.quelle.pruefsumme ? await tabelle.quelle.pruefsumme : g.ergebnis.info.sha256;
  return { ...g.ergebnis, info: { ...g.ergebnis.info, sha256 }, ...mehr } as E;
}

/** Further inputs from this size are read by a worker while `zeitraeume` is read (tests lower it). */
export const NEBENHER = { ab: TEILUNG_AB };

/** A further input read by a worker: its result is taken over once `vorher` (what one reader reads before it) is done. */
export interface Nebenher {
  leser: Nebenleser;
  vorher: Promise<void>;
}

/**
 * Reads whole further inputs (personen, massnahmen) in a worker, one after the other, while this
 * thread reads `zeitraeume` and `integrationen`: at 4 million persons these files take as long to
 * read as `zeitraeume`. The worker numbers persons in a register of its own; the caller takes its
 * result over when one reader would have read the file, so every person gets the same number.
 */
export class Nebenleser {
  private kette: Promise<unknown> = Promise.resolve();
  private readonly arbeiter = new Set<Worker>();
  private beendet = false;

  /**
   * Whether the worker would read this file: a regular file from NEBENHER.ab bytes, not a workbook,
   * and a built worker to start. Asked before the file is opened, so that one it does not take
   * (standard input, a workbook, a small file) is opened only where one reader opens it.
   */
  async nimmt(datei: string): Promise<boolean> {
    if (datei === STDIN || !skript()) return false;
    try {
      // By its path first: opening a named pipe would take its one reading away.
      const st = await stat(datei);
      if (!st.isFile() || st.size < NEBENHER.ab) return false;
      const f = await open(datei, 'r');
      try {
        const anfang = new Uint8Array(4);
        await f.read(anfang, 0, 4, 0);
        return !istZip(anfang);
      } finally {
        await f.close();
      }
    } catch {
      // Missing or unreadable: one reader says so where it opens the file.
      return false;
    }
  }

  /** A file `nimmt` took, read by the worker; null once the run has ended (`beende`). */
  lies(t: Tabelle, rolle: GanzAuftrag['rolle']): Promise<GanzErgebnis> | null {
    const datei = skript();
    if (!datei || this.beendet) return null;
    const auftrag: GanzAuftrag = { rolle, datei: t.datei, format: t.format, groesse: t.quelle.groesse ?? 0, pruefsumme: t.quelle.pruefsumme !== null };
    // One worker at a time: with two cores, a third busy thread would slow this one down.
    const ergebnis = this.kette.then(() => {
      if (this.beendet) throw new Error('Nebenleser beendet');
      const w = new Worker(datei);
      this.arbeiter.add(w);
      return arbeite<GanzErgebnis>(w, auftrag).finally(() => this.arbeiter.delete(w));
    });
    this.kette = ergebnis.catch(() => undefined);
    return ergebnis;
  }

  /** Ends any worker still reading (a run that failed before it needs their results). */
  beende(): void {
    this.beendet = true;
    for (const w of this.arbeiter) void w.terminate();
    this.arbeiter.clear();
  }
}
