// The one place where a data row is judged: empty or not, the field count, cells under a column
// without a name, every cell by its column's schema, the caller's own check, and the problems all
// these find. Both engines feed it (the byte scanner as byte ranges, csv-parse as strings), and a
// role's whole-row fast path reads its cells through it, so a rule written here holds for all three.

import type { Problem } from '../fehler.js';
import { type TabellenFormat } from './format.js';
import { TRENNZEICHEN_NAMEN } from '../core/modell.js';
import type { KopfErgebnis } from './spalten.js';
import { wachse } from '../core/zeitlinien.js';
import { datenUnterFussnoten, gehoertZuFussnoten, istFussnote } from './balayout.js';
import { istLeerzeichen, UNGELESEN, type Zelle } from './zellen.js';

export interface Spalte<T> {
  pflicht: boolean;
  lese: (roh: string) => Zelle<T>;
  /**
   * Reads the cell straight from the file's bytes on the fast path and returns the value itself
   * (no result object per cell); UNGELESEN hands the cell to `lese` as text, which then also words
   * any error, so both paths accept and reject alike.
   */
  leseBytes?: (bytes: Uint8Array, von: number, bis: number) => T | typeof UNGELESEN;
  /** A reader that takes the column's cells of a whole chunk ahead of their rows (`Vorausleser`). */
  voraus?: Vorausleser;
}

/**
 * For a column whose cost is a random memory access per cell (the person register): it gets the
 * cells of many rows (a chunk's), bytes von[i] … bis[i]−1 of `bytes`, before their rows, and does
 * that work for all of them at once, in its own order. What `leseBytes` then returns for a cell
 * must be what it would return without.
 */
export interface Vorausleser {
  /** Whether it pays for this reading; asked once, when the reading begins. */
  lohnt(): boolean;
  /** The cells of a chunk; n = 0 after the last row: what was held may go. */
  fuelle(bytes: Uint8Array, von: Int32Array, bis: Int32Array, n: number): void;
}

export type Spalten = Record<string, Spalte<any>>;
export interface Schema<S extends Spalten> {
  rolle: string;
  spalten: S;
  /**
   * Only Monatswerte are open: columns beyond `spalten` are not read and not an error, unless one
   * is spelt like a missing column of `bekannt`. Every other role's columns are a closed contract.
   */
  offen?: { bekannt: readonly string[] };
}
type WertVon<X> = X extends Spalte<infer T> ? T : never;
/** One row, typed: the value of every schema column (absent optional columns read as an empty cell). */
export type Zeile<S extends Spalten> = { -readonly [K in keyof S]: WertVon<S[K]> };

/** A problem the caller finds in a row that parsed cell by cell (e.g. an end before the start). */
export interface ZeilenProblem {
  spalte: string;
  meldung: string;
}

/** One column of the current byte row, read as the schema reads it; UNGELESEN where only the text path can. */
export type Bytezelle<T> = (bytes: Uint8Array, grenzen: Int32Array) => T | typeof UNGELESEN;

/**
 * An optional handler for whole rows of the byte scanner, made once per file from its columns
 * (`zelle`). It handles a row whose cells are all in their plain form and returns true; for anything
 * else it returns false without side effects worth undoing, and the row goes the general way, with
 * its checks and messages. It is asked only for rows with the header's field count.
 */
export type SchnelleZeile<S extends Spalten> = (
  zelle: <K extends keyof S & string>(name: K) => Bytezelle<WertVon<S[K]>>,
  /**
   * The field of a column whose bytes its own reader reads (not one with mapped values, which only
   * the text path reads), or −1: a handler may take such a cell's bytes itself (bounds at 2i, 2i+1).
   */
  feld: (name: keyof S & string) => number,
  /**
   * For a role whose rows have one plain layout: a reader of a whole line's bytes (von … bis−1,
   * without its line end), asked before the line is split into fields. It handles a line it fully
   * understands and returns true, as a fast row handler does; anything else goes the usual way.
   */
  zeilenleser: (leser: (bytes: Uint8Array, von: number, bis: number) => boolean) => void,
) => (bytes: Uint8Array, grenzen: Int32Array) => boolean;

/**
 * Values found where none may stand (a column without a heading, right of the header), per column:
 * where the first was and how many there are, so a column is one problem, not one per row.
 */
export class Spaltenfunde {
  private readonly funde = new Map<number, { zeile: number; text: string; anzahl: number }>();

  merke(spalte: number, zeile: number, text: string): void {
    const f = this.funde.get(spalte);
    if (f) f.anzahl++;
    else this.funde.set(spalte, { zeile, text, anzahl: 1 });
  }

  [Symbol.iterator]() {
    return this.funde[Symbol.iterator]();
  }
}

/** The problems of one reading, up to `maxProbleme`; one more means reading stops. */
export class Problemliste {
  readonly probleme: Problem[] = [];
  /** More problems than `maxProbleme`: reading stopped early. */
  abgebrochen = false;

  constructor(private readonly maxProbleme: number) {}

  melde(p: Problem): void {
    if (this.probleme.length < this.maxProbleme) this.probleme.push(p);
    else this.abgebrochen = true;
  }
}

/**
 * First characters (as a byte or UTF-16 unit below 256) that no footnote or source line starts
 * with: every letter and digit but those of src/input/balayout.ts's beginnings (©, (c), Quelle,
 * Hinweis, Erstellungsdatum, Stand:, Fußnote, Anmerkung, 1)…9), * text), and a `0`.
 */
const KEIN_FUSSNOTENANFANG: readonly boolean[] = Array.from({ length: 256 }, (_, b) => {
  const z = String.fromCharCode(b).toLowerCase();
  return /[a-z0]/.test(z) && !'qhesfac'.includes(z);
});

interface GeleseneSpalte<S extends Spalten> {
  name: keyof S & string;
  i: number;
  lese: Spalte<unknown>['lese'];
  leseBytes: Spalte<unknown>['leseBytes'];
  voraus: Spalte<unknown>['voraus'];
}

/**
 * The row validator of one reading. It holds the current row (either csv-parse's strings or a
 * buffer with field bounds) and the counts; the engine that feeds it keeps only its own state.
 */
export class Zeilenpruefung<S extends Spalten> extends Problemliste {
  /** Data rows that are not empty, read or refused. */
  zeilen = 0;
  /** Rows whose every field is empty (a spreadsheet's formatted but unused rows): skipped. */
  leereZeilen = 0;
  /** The line of the first footnote or source line below the data (a BA table's), and of the last line of that block. */
  fussnotenAb: number | null = null;
  fussnotenBis = 0;
  readonly spaltenzahl: number;

  private readonly datei: string;
  private readonly trennzeichen: TabellenFormat['trennzeichen'];
  private readonly trenner: number;
  private readonly kopfzeile: number;
  private readonly position: ReadonlyMap<string, number>;
  private readonly namenlos: readonly number[];
  private readonly gelesen: GeleseneSpalte<S>[];
  /** Absent optional columns read as an empty cell: their values, found once. */
  private readonly fehlende: [keyof S & string, unknown][] = [];
  private readonly zeile = {} as Zeile<S>;
  private readonly schnell: ((bytes: Uint8Array, grenzen: Int32Array) => boolean) | undefined;
  private zeilenleser: ((bytes: Uint8Array, von: number, bis: number) => boolean) | undefined;
  /** The column read ahead (`Spalte.voraus`, where it pays), its field, and the bounds of its cells in a chunk. */
  private readonly voraus: { i: number; leser: Vorausleser; von: Int32Array<ArrayBuffer>; bis: Int32Array<ArrayBuffer> } | null;
  /** Values in columns without a header: one problem per column, at its first line, not one per row. */
  private readonly namenlosGefuellt = new Spaltenfunde();

  // The current row: csv-parse's strings, or else a buffer with field bounds.
  private rec: string[] | null = null;
  private puffer: Buffer = Buffer.alloc(0);
  private grenzen: Int32Array = new Int32Array(0);
  private zeileVon = 0;
  private zeileBis = 0;

  /** `kopf` is the header's check, already passed (no problems). */
  constructor(
    datei: string,
    f: TabellenFormat,
    private readonly schema: Schema<S>,
    kopf: KopfErgebnis,
    private readonly verarbeite: (zeile: Zeile<S>, nr: number) => ZeilenProblem | void,
    schnell?: SchnelleZeile<S>,
  ) {
    super(f.maxProbleme);
    this.datei = datei;
    this.trennzeichen = f.trennzeichen;
    this.trenner = f.trennzeichen.charCodeAt(0);
    this.spaltenzahl = f.kopf.length;
    this.kopfzeile = f.kopfzeile;
    this.position = kopf.position;
    this.namenlos = kopf.namenlos;
    const namen = Object.keys(schema.spalten) as (keyof S & string)[];
    for (const name of namen) {
      if (this.position.has(name)) continue;
      const z = schema.spalten[name].lese('');
      if (!z.ok) throw new Error(`Schema ${schema.rolle}: optionale Spalte ${name} hat keinen Leerwert`);
      this.fehlende.push([name, z.wert]);
    }
    this.gelesen = namen
      .filter((n) => this.position.has(n))
      .map((n) => ({ name: n, i: this.position.get(n)!, lese: schema.spalten[n].lese, leseBytes: schema.spalten[n].leseBytes, voraus: schema.spalten[n].voraus }));
    const v = this.gelesen.find((s) => s.voraus?.lohnt());
    this.voraus = v ? { i: v.i, leser: v.voraus!, von: new Int32Array(1024), bis: new Int32Array(1024) } : null;
    this.schnell = this.namenlos.length
      ? undefined
      : schnell?.(this.bytezelle, (name) => (this.schema.spalten[name].leseBytes ? this.position.get(name) ?? -1 : -1), (leser) => (this.zeilenleser = leser));
  }

  /** A row from csv-parse. */
  textZeile(nr: number, felder: string[]): void {
    this.rec = felder;
    this.lies(nr, felder.length);
  }

  /** A whole line for the role's line reader (asked only where a fast row handler would be); true: read and counted. */
  roheZeile(bytes: Uint8Array, von: number, bis: number): boolean {
    if (this.zeilenleser === undefined || this.fussnotenAb !== null || this.abgebrochen || !this.zeilenleser(bytes, von, bis)) return false;
    this.zeilen++;
    return true;
  }

  /**
   * The whole lines in bytes von … bis−1 of a chunk of the byte scanner (each ending in LF, CR LF
   * with `cr` 1), before they come one by one: the column read ahead gets its cells, bounded as
   * the scanner bounds them. Lines that are no data (the header, a footnote) only cost a lookup.
   */
  vorausZeilen(puffer: Buffer, von: number, bis: number, cr: number): void {
    const v = this.voraus;
    if (v === null || this.abgebrochen) return;
    const t = this.trenner, feld = v.i;
    let n = 0;
    for (let a = von; a < bis; ) {
      const nl = puffer.indexOf(0x0a, a);
      const ende = nl - cr;
      // Field `feld` of the line: after `feld` delimiters, up to the next one or the line's end.
      let f = a, k = 0;
      while (k < feld && f < ende) if (puffer[f++] === t) k++;
      if (k === feld) {
        let e = f;
        while (e < ende && puffer[e] !== t) e++;
        v.von = wachse(v.von, n + 1);
        v.bis = wachse(v.bis, n + 1);
        v.von[n] = f;
        v.bis[n++] = e;
      }
      a = nl + 1;
    }
    v.leser.fuelle(puffer, v.von, v.bis, n);
  }

  /** A row of the byte scanner: bytes von … bis−1 of `puffer`, n fields, bounds of the first `spaltenzahl` in `grenzen`. */
  byteZeile(nr: number, puffer: Buffer, von: number, bis: number, grenzen: Int32Array, n: number): void {
    // Below the footnotes every row goes the general way, so data there cannot slip through.
    if (n === this.spaltenzahl && this.schnell !== undefined && this.fussnotenAb === null && this.schnell(puffer, grenzen)) {
      this.zeilen++;
      return;
    }
    this.rec = null;
    this.puffer = puffer;
    this.grenzen = grenzen;
    this.zeileVon = von;
    this.zeileBis = bis;
    this.lies(nr, n);
  }

  /** After the last row: what only the whole file shows. */
  ende(): void {
    // The column read ahead lets go of the last chunk and its arrays now, not when it is collected.
    this.voraus?.leser.fuelle(LEER, LEER_GRENZEN, LEER_GRENZEN, 0);
    for (const [i, f] of this.namenlosGefuellt) {
      this.melde({
        datei: this.datei, zeile: f.zeile, spalte: i + 1, wert: f.text, erwartet: 'eine leere Zelle (die Spalte hat keine Überschrift)',
        meldung: `Spalte ${i + 1} hat keine Überschrift, enthält aber ${f.anzahl === 1 ? 'einen Wert' : `in ${f.anzahl} Zeilen Werte`}, zuerst „${f.text}“; erwartet wird eine Überschrift in Zeile ${this.kopfzeile} (und eine Zuordnung in der Konfiguration, wenn sie nicht kanonisch ist).`,
      });
    }
  }

  /** The fast path's reader of a column; an arrow, so a role's handler may keep it. */
  private readonly bytezelle = <K extends keyof S & string>(name: K): Bytezelle<WertVon<S[K]>> => {
    const i = this.position.get(name);
    if (i === undefined) {
      const leer = this.fehlende.find(([n]) => n === name)![1] as WertVon<S[K]>;
      return () => leer;
    }
    const leseBytes = this.schema.spalten[name].leseBytes;
    if (!leseBytes) return () => UNGELESEN;
    return (b, g) => leseBytes(b, g[2 * i], g[2 * i + 1]);
  };

  /** One data row with n fields: the same checks and messages whichever engine read it. */
  private lies(nr: number, n: number): void {
    const datei = this.datei;
    // A BA table's footnotes and sources end its data; only rows the fast path refused are asked,
    // so ordinary rows pay nothing for it.
    if (this.fussnotenAb !== null) {
      const felder = this.felder(n);
      if (gehoertZuFussnoten(felder)) {
        this.fussnotenBis = nr;
        return;
      }
      this.zeilen++;
      this.melde(datenUnterFussnoten(datei, nr, this.fussnotenAb, this.zeilentext()));
      return;
    }
    if (this.istLeer()) {
      this.leereZeilen++;
      return;
    }
    if (this.vielleichtFussnote() && istFussnote(this.roh(0).trim() ? [this.roh(0)] : this.felder(n))) {
      this.fussnotenAb = this.fussnotenBis = nr;
      return;
    }
    this.zeilen++;
    if (n !== this.spaltenzahl) {
      const spaltenzahl = this.spaltenzahl;
      this.melde({ datei, zeile: nr, wert: this.zeilentext(), meldung: `${n} Felder statt ${spaltenzahl} wie in der Kopfzeile (Trennzeichen ${TRENNZEICHEN_NAMEN[this.trennzeichen][0]}).`, erwartet: `${spaltenzahl} Felder` });
      return;
    }
    let gut = true;
    // A column without a name (a spreadsheet's trailing delimiter) may only be empty: a value
    // there is data nobody said how to read.
    for (const i of this.namenlos) {
      const text = this.roh(i);
      if (text.trim() === '') continue;
      gut = false;
      this.namenlosGefuellt.merke(i, nr, text);
    }
    const zeile = this.zeile as Record<string, unknown>;
    for (const s of this.gelesen) {
      if (!this.rec && s.leseBytes) {
        const w = s.leseBytes(this.puffer, this.grenzen[2 * s.i], this.grenzen[2 * s.i + 1]);
        if (w !== UNGELESEN) {
          zeile[s.name] = w;
          continue;
        }
      }
      const text = this.roh(s.i);
      const z = s.lese(text);
      if (z.ok) zeile[s.name] = z.wert;
      else {
        gut = false;
        this.melde({ datei, zeile: nr, spalte: s.i + 1, spaltenname: s.name, wert: text, erwartet: z.erwartet, meldung: `Spalte „${s.name}“: „${text}“ ist ungültig; erwartet ${z.erwartet}.` });
      }
    }
    if (!gut) return;
    for (const [name, wert] of this.fehlende) zeile[name] = wert;
    const p = this.verarbeite(this.zeile, nr);
    if (p) {
      const i = this.position.get(p.spalte);
      this.melde({ datei, zeile: nr, spalte: i === undefined ? undefined : i + 1, spaltenname: p.spalte, wert: i === undefined ? undefined : this.roh(i), meldung: p.meldung });
    }
  }

  private istLeer(): boolean {
    if (this.rec) return this.rec.every((feld) => feld.trim() === '');
    const b = this.puffer;
    for (let i = this.zeileVon; i < this.zeileBis; i++) if (b[i] !== this.trenner && !istLeerzeichen(b[i])) return false;
    return true;
  }

  private zeilentext(): string {
    return this.rec ? this.rec.join(this.trennzeichen) : this.puffer.toString('utf8', this.zeileVon, this.zeileBis);
  }

  /**
   * Whether the row may start a footnote, from the first byte of its first cell: most rows that
   * take the general way (every row of a role without a fast path) are ruled out without making a
   * string, so the footnote rule costs ordinary files nothing measurable.
   */
  private vielleichtFussnote(): boolean {
    const text = this.rec ? this.rec[0] : null;
    let b: number;
    if (text !== null) {
      const t = text.trimStart();
      if (t === '') return true;
      b = t.charCodeAt(0);
    } else {
      let i = this.grenzen[0];
      const bis = this.grenzen[1];
      while (i < bis && istLeerzeichen(this.puffer[i])) i++;
      if (i === bis) return true;
      b = this.puffer[i];
    }
    return !KEIN_FUSSNOTENANFANG[b];
  }

  /** The row's cells as text, as far as the header has columns (the scanner bounds no more). */
  private felder(n: number): string[] {
    return Array.from({ length: Math.min(n, this.spaltenzahl) }, (_, i) => this.roh(i));
  }

  private roh(i: number): string {
    return this.rec ? this.rec[i] : this.puffer.toString('utf8', this.grenzen[2 * i], this.grenzen[2 * i + 1]);
  }
}

const LEER = new Uint8Array(0);
const LEER_GRENZEN = new Int32Array(0);
