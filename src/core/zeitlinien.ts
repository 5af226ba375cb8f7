// Person timelines: for every person, the merged ELB periods as sorted, disjoint runs of units
// (days for day-exact periods, months for the monthly form). Runs live in typed arrays linked per
// person, so memory grows with persons and their merged periods, never with input rows: a person's
// 36 month rows become one run when they are contiguous.

import { OFFEN } from './kalender.js';

const utf8 = new TextEncoder();
const utf8Text = new TextDecoder();

/**
 * External person ids ↔ dense indexes 0…n−1, shared by timelines and person attributes. Ids are
 * kept as UTF-8 bytes in one arena and found through an open-addressing hash table, so a reader can
 * look up an id straight from the bytes of a file without making a string per row; millions of
 * ids cost a few bytes each instead of a JavaScript string and a Map entry.
 *
 * Rows of a monthly stock come in no order of persons, so every lookup lands somewhere else in
 * memory. A slot therefore holds the index, the length and the first eight bytes of its id: an id
 * of up to eight bytes (the usual 8-character Kundennummer) is found or refused in its slot alone,
 * one cache miss per row instead of one each in table, hashes, offsets and arena.
 */
export class PersonRegister {
  private arena = new Uint8Array(1 << 16);
  private belegt = 0;
  private anfang = new Int32Array(1024);
  private ende = new Int32Array(1024);
  /** SLOT ints per slot: index | min(length, 15) << 27 (−1: empty), bytes 0–3, bytes 4–7 (little-endian, zero-padded). */
  private tabelle = leereTabelle(2048);
  private n = 0;
  private puffer = new Uint8Array(256);

  get anzahl(): number {
    return this.n;
  }

  /** The index of the id in bytes[von, bis), registering it on first sight. */
  nummerBytes(bytes: Uint8Array, von: number, bis: number): number {
    return this.suche(bytes, von, bis, true);
  }

  /** The index of an id that was registered, or −1; registers nothing. */
  finde(id: string): number {
    const bytes = utf8.encode(id);
    return this.suche(bytes, 0, bytes.length, false);
  }

  /** The lengths (in bytes) the registered ids have. */
  laengen(): number[] {
    const l = new Set<number>();
    for (let p = 0; p < this.n; p++) l.add(this.ende[p] - this.anfang[p]);
    return [...l].sort((a, b) => a - b);
  }

  private suche(bytes: Uint8Array, von: number, bis: number, eintragen: boolean): number {
    const laenge = bis - von;
    schluessel(bytes, von, bis);
    const h = SCHLUESSEL[0], k0 = SCHLUESSEL[1], k1 = SCHLUESSEL[2];
    const lk = (laenge < 15 ? laenge : 15) << 27;
    const t = this.tabelle;
    const maske = t.length / SLOT - 1;
    for (let slot = mische(h) & maske; ; slot = (slot + 1) & maske) {
      const o = slot * SLOT;
      const info = t[o];
      if (info < 0) return eintragen ? this.neu(bytes, von, bis, o, lk, k0, k1) : -1;
      if ((info & ~INDEX) !== lk || t[o + 1] !== k0 || t[o + 2] !== k1) continue;
      const p = info & INDEX;
      if (laenge <= 8 || this.restGleich(p, bytes, von, bis)) return p;
    }
  }

  /** Bytes 8… of a long id against the arena (its first eight bytes matched in the slot). */
  private restGleich(p: number, bytes: Uint8Array, von: number, bis: number): boolean {
    if (this.ende[p] - this.anfang[p] !== bis - von) return false;
    for (let a = this.anfang[p] + 8, i = von + 8; i < bis; i++, a++) if (this.arena[a] !== bytes[i]) return false;
    return true;
  }

  private neu(bytes: Uint8Array, von: number, bis: number, o: number, lk: number, k0: number, k1: number): number {
    const p = this.n++;
    if (p > INDEX) throw new RangeError(`mehr als ${INDEX + 1} Personen`);
    if (p === this.anfang.length) {
      this.anfang = wachse(this.anfang, p + 1);
      this.ende = wachse(this.ende, p + 1);
    }
    if (this.belegt + (bis - von) > this.arena.length) {
      const groesser = new Uint8Array(Math.max(this.arena.length * 2, this.belegt + (bis - von)));
      groesser.set(this.arena.subarray(0, this.belegt));
      this.arena = groesser;
    }
    this.arena.set(bytes.subarray(von, bis), this.belegt);
    this.anfang[p] = this.belegt;
    this.belegt += bis - von;
    this.ende[p] = this.belegt;
    const t = this.tabelle;
    t[o] = p | lk;
    t[o + 1] = k0;
    t[o + 2] = k1;
    // Keep the table at most half full. The bigger one is filled from the ids in index order, which
    // reads the arena front to back instead of hopping through it slot by slot.
    if (this.n * 2 > t.length / SLOT) {
      const neu = leereTabelle((t.length / SLOT) * 2);
      const maske = neu.length / SLOT - 1;
      const arena = this.arena;
      for (let r = 0; r < this.n; r++) {
        const a0 = this.anfang[r], a1 = this.ende[r];
        schluessel(arena, a0, a1);
        let slot = mische(SCHLUESSEL[0]) & maske;
        while (neu[slot * SLOT] >= 0) slot = (slot + 1) & maske;
        const q = slot * SLOT;
        neu[q] = r | ((a1 - a0 < 15 ? a1 - a0 : 15) << 27);
        neu[q + 1] = SCHLUESSEL[1];
        neu[q + 2] = SCHLUESSEL[2];
      }
      this.tabelle = neu;
    }
    return p;
  }
  /** The index of an id, registering it on first sight. */
  nummer(id: string): number {
    if (id.length * 3 > this.puffer.length) this.puffer = new Uint8Array(id.length * 3);
    const { written } = utf8.encodeInto(id, this.puffer);
    return this.nummerBytes(this.puffer, 0, written);
  }

  id(nummer: number): string {
    return utf8Text.decode(this.arena.subarray(this.anfang[nummer], this.ende[nummer]));
  }

  /** All ids in index order as one byte array and their end offsets (to send to another thread). */
  alleIds(): { bytes: Uint8Array; enden: Int32Array } {
    return { bytes: this.arena.slice(0, this.belegt), enden: this.ende.slice(0, this.n) };
  }
}

/** Ints per slot of the register's table. */
const SLOT = 3;
/** The index bits of a slot's first int; the four above hold the id's length (15: fifteen or more). */
const INDEX = (1 << 27) - 1;

/** `schluessel`'s result: the id's FNV-1a hash and its first eight bytes as two little-endian ints. */
const SCHLUESSEL = new Int32Array(3);

function schluessel(bytes: Uint8Array, von: number, bis: number): void {
  let h = 0x811c9dc5, k0 = 0, k1 = 0;
  for (let i = von; i < bis; i++) {
    const b = bytes[i];
    h = Math.imul(h ^ b, 0x01000193);
    const j = i - von;
    if (j < 4) k0 |= b << (j << 3);
    else if (j < 8) k1 |= b << ((j - 4) << 3);
  }
  SCHLUESSEL[0] = h;
  SCHLUESSEL[1] = k0;
  SCHLUESSEL[2] = k1;
}

const leereTabelle = (slots: number) => new Int32Array(slots * SLOT).fill(-1);

/** FNV-1a's low bits are poor for 8-character ids that differ in their last byte; a final mix spreads them. */
function mische(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  return h ^ (h >>> 13);
}

function wachse(a: Int32Array<ArrayBuffer>, mindestens: number, fuell?: number): Int32Array<ArrayBuffer> {
  if (a.length >= mindestens) return a;
  const neu = new Int32Array(Math.max(mindestens, a.length * 2));
  neu.set(a);
  if (fuell !== undefined) neu.fill(fuell, a.length);
  return neu;
}

const KEIN = -1;

/** A person's runs, copied out for fast repeated use (see `Zeitlinien.kopiere`). */
export interface Laeufe {
  von: Int32Array<ArrayBuffer>;
  bis: Int32Array<ArrayBuffer>;
}

export const neueLaeufe = (): Laeufe => ({ von: new Int32Array(16), bis: new Int32Array(16) });

/** Units of receipt in a..b (inclusive) over k sorted, disjoint runs. */
export function einheitenIn(l: Laeufe, k: number, a: number, b: number): number {
  let summe = 0;
  for (let i = 0; i < k; i++) {
    const v = l.von[i];
    if (v > b) break;
    const e = l.bis[i];
    if (e < a) continue;
    summe += (e < b ? e : b) - (v > a ? v : a) + 1;
  }
  return summe;
}

/** Is unit t inside one of the k runs? */
export function enthaelt(l: Laeufe, k: number, t: number): boolean {
  for (let i = 0; i < k; i++) {
    if (l.von[i] > t) return false;
    if (l.bis[i] >= t) return true;
  }
  return false;
}

export class Zeitlinien {
  private kopf = new Int32Array(1024).fill(KEIN);
  private ende = new Int32Array(1024).fill(KEIN);
  private von = new Int32Array(4096);
  private bis = new Int32Array(4096);
  private naechster = new Int32Array(4096);
  private belegt = 0;
  private frei = KEIN;
  private personen = 0;

  /** Number of person slots (the highest person index + 1 seen so far). */
  get anzahlPersonen(): number {
    return this.personen;
  }

  /** Number of persons with at least one period. */
  get personenMitBezug(): number {
    let n = 0;
    for (let p = 0; p < this.personen; p++) if (this.kopf[p] !== KEIN) n++;
    return n;
  }

  /** Number of stored runs: equals the number of merged periods over all persons. */
  get anzahlLaeufe(): number {
    let n = 0;
    for (let p = 0; p < this.personen; p++) for (let r = this.kopf[p]; r !== KEIN; r = this.naechster[r]) n++;
    return n;
  }

  /**
   * Persons whose receipt is written to end after `tag` (planned ends of a Bewilligungszeitraum,
   * open ends not counted), and the latest such end; null when there is none.
   */
  endenNach(tag: number): { personen: number; spaetestes: number } | null {
    let personen = 0, spaetestes = -Infinity;
    for (let p = 0; p < this.personen; p++) {
      let gefunden = false;
      for (let r = this.kopf[p]; r !== KEIN; r = this.naechster[r]) {
        const bis = this.bis[r];
        if (bis > tag && bis !== OFFEN) {
          gefunden = true;
          if (bis > spaetestes) spaetestes = bis;
        }
      }
      if (gefunden) personen++;
    }
    return personen ? { personen, spaetestes } : null;
  }

  private neuerLauf(von: number, bis: number, naechster: number): number {
    let r: number;
    if (this.frei !== KEIN) {
      r = this.frei;
      this.frei = this.naechster[r];
    } else {
      r = this.belegt++;
      this.von = wachse(this.von, this.belegt);
      this.bis = wachse(this.bis, this.belegt);
      this.naechster = wachse(this.naechster, this.belegt);
    }
    this.von[r] = von;
    this.bis[r] = bis;
    this.naechster[r] = naechster;
    return r;
  }

  /**
   * Adds the period von…bis (inclusive; `bis` may be OFFEN) to a person. Overlapping and adjacent
   * periods merge. Rows in time order per person (the usual export order) take the first two
   * branches and cost O(1).
   */
  hinzu(person: number, von: number, bis: number): void {
    if (person >= this.personen) {
      this.personen = person + 1;
      this.kopf = wachse(this.kopf, this.personen, KEIN);
      this.ende = wachse(this.ende, this.personen, KEIN);
    }
    const letzter = this.ende[person];
    if (letzter === KEIN) {
      const r = this.neuerLauf(von, bis, KEIN);
      this.kopf[person] = this.ende[person] = r;
      return;
    }
    if (von > this.bis[letzter] + 1) {
      const r = this.neuerLauf(von, bis, KEIN);
      this.naechster[letzter] = r;
      this.ende[person] = r;
      return;
    }
    if (von >= this.von[letzter]) {
      if (bis > this.bis[letzter]) this.bis[letzter] = bis;
      return;
    }
    // Out of order: find the first run that ends at or after von − 1.
    let vorher = KEIN;
    let r = this.kopf[person];
    while (this.bis[r] + 1 < von) {
      vorher = r;
      r = this.naechster[r];
    }
    if (bis + 1 < this.von[r]) {
      const neu = this.neuerLauf(von, bis, r);
      if (vorher === KEIN) this.kopf[person] = neu;
      else this.naechster[vorher] = neu;
      return;
    }
    if (von < this.von[r]) this.von[r] = von;
    if (bis > this.bis[r]) this.bis[r] = bis;
    // The widened run may now reach the runs after it: absorb them.
    let n = this.naechster[r];
    while (n !== KEIN && this.von[n] <= this.bis[r] + 1) {
      if (this.bis[n] > this.bis[r]) this.bis[r] = this.bis[n];
      const weiter = this.naechster[n];
      this.naechster[n] = this.frei;
      this.frei = n;
      n = weiter;
    }
    this.naechster[r] = n;
    if (n === KEIN) this.ende[person] = r;
  }

  /** The person's runs as [von, bis] pairs in time order (for tests and lists; the hot path uses the methods below). */
  laeufe(person: number): [number, number][] {
    const aus: [number, number][] = [];
    if (person >= this.personen) return aus;
    for (let r = this.kopf[person]; r !== KEIN; r = this.naechster[r]) aus.push([this.von[r], this.bis[r]]);
    return aus;
  }

  /** Every run as (person, von, bis) triples, persons in index order (to send to another thread). */
  alleLaeufe(): Int32Array {
    const aus = new Int32Array(this.anzahlLaeufe * 3);
    let i = 0;
    for (let p = 0; p < this.personen; p++) {
      for (let r = this.kopf[p]; r !== KEIN; r = this.naechster[r]) {
        aus[i++] = p;
        aus[i++] = this.von[r];
        aus[i++] = this.bis[r];
      }
    }
    return aus;
  }

  /** Has the person any period of receipt at all? */
  hatBezug(person: number): boolean {
    return person < this.personen && this.kopf[person] !== KEIN;
  }

  /**
   * Copies the person's runs into the caller's arrays (grown when too short) and returns how many
   * there are: classification then works on a few local numbers instead of the linked lists.
   */
  kopiere(person: number, ziel: Laeufe): number {
    let k = 0;
    if (person >= this.personen) return 0;
    for (let r = this.kopf[person]; r !== KEIN; r = this.naechster[r]) {
      if (k === ziel.von.length) {
        ziel.von = wachse(ziel.von, k + 1);
        ziel.bis = wachse(ziel.bis, k + 1);
      }
      ziel.von[k] = this.von[r];
      ziel.bis[k] = this.bis[r];
      k++;
    }
    return k;
  }

  /** Is the person in receipt on unit t? */
  enthaelt(person: number, t: number): boolean {
    if (person >= this.personen) return false;
    for (let r = this.kopf[person]; r !== KEIN && this.von[r] <= t; r = this.naechster[r]) {
      if (this.bis[r] >= t) return true;
    }
    return false;
  }
}

/** The widest span of months kept as bits (21 years); a wider one is most likely a typo and goes to the runs directly. */
const MAX_WOERTER = 8;

/**
 * Months of receipt per person as bits, for a monthly stock read in month order: each row sets one
 * bit in a few bytes per person, where `Zeitlinien.hinzu` would follow a person's linked runs in
 * five arrays. `uebertrage` then hands each person's months to the timelines as runs, in time
 * order, which is their fast path. A month outside the span widens it; a span wider than
 * MAX_WOERTER × 32 months stops the bits and passes every month on as it comes.
 */
export class Monatsbits {
  private basis = 0;
  private woerter = 0;
  private bits = new Uint32Array(0);
  private personen = 0;
  private direkt = false;

  constructor(private readonly zeitlinien: Zeitlinien) {}

  setze(person: number, monat: number): void {
    if (this.direkt) return this.zeitlinien.hinzu(person, monat, monat);
    let i = monat - this.basis;
    if (this.woerter === 0 || i < 0 || i >= this.woerter * 32) {
      if (!this.erweitere(monat)) return this.zeitlinien.hinzu(person, monat, monat);
      i = monat - this.basis;
    }
    if (person >= this.personen) this.platz(person);
    this.bits[person * this.woerter + (i >>> 5)] |= 1 << (i & 31);
  }

  private platz(person: number): void {
    const n = Math.max(person + 1, this.personen * 2, 1024);
    const neu = new Uint32Array(n * this.woerter);
    neu.set(this.bits);
    this.bits = neu;
    this.personen = n;
  }

  /** A span that holds `monat`, keeping every bit set; false when it would be too wide (bits handed on, direct from now on). */
  private erweitere(monat: number): boolean {
    if (this.woerter === 0) {
      // Start a year before the first month seen: extracts run back from their first row as often as forward.
      this.basis = monat - 12;
      this.woerter = 2;
      this.bits = new Uint32Array(this.personen * this.woerter);
      return true;
    }
    const von = Math.min(this.basis, monat), bis = Math.max(this.basis + this.woerter * 32 - 1, monat);
    // Whole words to the left, so that every person's bits move by a multiple of 32.
    const links = Math.ceil((this.basis - von) / 32);
    const woerter = links + Math.ceil((bis - (this.basis - links * 32) + 1) / 32);
    if (woerter > MAX_WOERTER) {
      this.uebertrage();
      this.direkt = true;
      return false;
    }
    const neu = new Uint32Array(this.personen * woerter);
    for (let p = 0; p < this.personen; p++) neu.set(this.bits.subarray(p * this.woerter, (p + 1) * this.woerter), p * woerter + links);
    this.bits = neu;
    this.basis -= links * 32;
    this.woerter = woerter;
    return true;
  }

  /** Each person's months as runs into the timelines (and no bits left). */
  uebertrage(): void {
    const w = this.woerter;
    for (let p = 0; p < this.personen; p++) {
      let beginn = -1;
      for (let k = 0; k < w; k++) {
        const wort = this.bits[p * w + k];
        if (wort === 0 && beginn < 0) continue;
        for (let b = 0; b < 32; b++) {
          const an = (wort >>> b) & 1;
          if (an && beginn < 0) beginn = k * 32 + b;
          else if (!an && beginn >= 0) {
            this.zeitlinien.hinzu(p, this.basis + beginn, this.basis + k * 32 + b - 1);
            beginn = -1;
          }
        }
      }
      if (beginn >= 0) this.zeitlinien.hinzu(p, this.basis + beginn, this.basis + w * 32 - 1);
    }
    this.bits.fill(0);
  }
}
