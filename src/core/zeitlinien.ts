// Person timelines: for every person, the merged ELB periods as sorted, disjoint runs of units
// (days for day-exact periods, months for the monthly form). Runs live in typed arrays linked per
// person, so memory grows with persons and their merged periods, never with input rows: a person's
// 36 month rows become one run when they are contiguous. Beside them the person register, the
// month bits a monthly stock is first collected in, and the batch that registers rows in the
// register's order (issue 13: rows of real extracts come in no order of persons).

import { OFFEN } from './kalender.js';

const utf8 = new TextEncoder();
const utf8Text = new TextDecoder();

/** An id of at most eight bytes from its key (`schluessel`): its bytes into ziel from `ab`. */
function schreibeSchluessel(ziel: Uint8Array, ab: number, k0: number, k1: number, laenge: number): void {
  for (let j = 0; j < laenge; j++) ziel[ab + j] = (j < 4 ? k0 >>> (j << 3) : k1 >>> ((j - 4) << 3)) & 0xff;
}

/**
 * External person ids ↔ dense indexes 0…n−1, shared by timelines and person attributes. Ids are
 * kept as UTF-8 bytes in an open-addressing hash table, so a reader can look up an id straight from
 * the bytes of a file without making a string per row; millions of ids cost a few bytes each
 * instead of a JavaScript string and a Map entry.
 *
 * Rows of real extracts come in no order of persons, so every lookup lands somewhere else in
 * memory. A slot therefore holds the index, the length and the first eight bytes of its id: an id
 * of up to eight bytes (the usual 8-character Kundennummer) lives in its slot alone and is found or
 * refused there, one cache miss per row; a longer one is kept whole in an arena besides.
 */
export class PersonRegister {
  /** SLOT ints per slot: index | min(length, 15) << 27 (−1: empty), bytes 0–3, bytes 4–7 (little-endian, zero-padded). */
  private tabelle = leereTabelle(2048);
  /** A slot is the top bits of the mixed hash: ids sorted by those bits (`Personenstapel`) meet the table front to back. */
  private schiebe = 32 - 11;
  /**
   * Per person: the offset of its slot, where an id of up to eight bytes is kept whole; or, for a
   * longer id, −1 − its offset in the arena (four bytes of length, then the id).
   */
  private ort = new Int32Array(1024);
  private arena = new Uint8Array(1 << 12);
  private belegt = 0;
  private n = 0;
  private puffer = new Uint8Array(256);
  /** The lengths seen, noted as ids come: below 32 as bits, longer ones in a set. */
  private kurzeLaengen = 0;
  private readonly langeLaengen = new Set<number>();

  get anzahl(): number {
    return this.n;
  }

  /** The index of the id in bytes[von, bis), registering it on first sight. */
  nummerBytes(bytes: Uint8Array, von: number, bis: number): number {
    schluessel(bytes, von, bis);
    const k0 = SCHLUESSEL[1], k1 = SCHLUESSEL[2];
    const r = this.suche(SCHLUESSEL[0], k0, k1, bis - von, bytes, von);
    return r >= 0 ? r : this.neu(bytes, von, bis, -1 - r, k0, k1);
  }

  /** The index of an id of at most eight bytes given by its key (`schluessel`), registering it on first sight. */
  nummerSchluessel(h: number, k0: number, k1: number, laenge: number): number {
    const r = this.suche(h, k0, k1, laenge, this.puffer, 0);
    return r >= 0 ? r : this.neu(this.puffer, 0, laenge, -1 - r, k0, k1);
  }

  /** The index of an id of at most eight bytes given by its key (`schluessel`) if it was registered, or −1; registers nothing. */
  findeSchluessel(h: number, k0: number, k1: number, laenge: number): number {
    return Math.max(-1, this.suche(h, k0, k1, laenge, this.puffer, 0));
  }

  /** The index of an id that was registered, or −1; registers nothing. */
  finde(id: string): number {
    const bytes = utf8.encode(id);
    return this.findeBytes(bytes, 0, bytes.length);
  }

  /** The index of the id in bytes[von, bis) if it was registered, or −1; registers nothing. */
  findeBytes(bytes: Uint8Array, von: number, bis: number): number {
    schluessel(bytes, von, bis);
    return Math.max(-1, this.suche(SCHLUESSEL[0], SCHLUESSEL[1], SCHLUESSEL[2], bis - von, bytes, von));
  }

  /** The lengths (in bytes) the registered ids have. */
  laengen(): number[] {
    const l = [...this.langeLaengen];
    for (let k = 0; k < 32; k++) if (this.kurzeLaengen & (1 << k)) l.push(k);
    return l.sort((a, b) => a - b);
  }

  private laenge(p: number): number {
    const o = this.ort[p];
    if (o >= 0) return this.tabelle[o] >>> 27;
    return this.langeLaenge(-1 - o);
  }

  /** The length before a long id in the arena (little-endian, four bytes). */
  private langeLaenge(a: number): number {
    const r = this.arena;
    return r[a] | (r[a + 1] << 8) | (r[a + 2] << 16) | (r[a + 3] << 24);
  }

  /**
   * The index of the id with key h, k0, k1 and this length, or −1 − the offset of the empty slot
   * where it would go. Its bytes (from `von`) are read only beyond the eighth.
   */
  private suche(h: number, k0: number, k1: number, laenge: number, bytes: Uint8Array, von: number): number {
    const lk = (laenge < 15 ? laenge : 15) << 27;
    const t = this.tabelle;
    const maske = t.length / SLOT - 1;
    for (let slot = mische(h) >>> this.schiebe; ; slot = (slot + 1) & maske) {
      const o = slot * SLOT;
      const info = t[o];
      if (info < 0) return -1 - o;
      if ((info & ~INDEX) !== lk || t[o + 1] !== k0 || t[o + 2] !== k1) continue;
      const p = info & INDEX;
      if (laenge <= 8 || this.restGleich(p, bytes, von, von + laenge)) return p;
    }
  }

  /** A long id against the arena, bytes 8… (its first eight matched in the slot). */
  private restGleich(p: number, bytes: Uint8Array, von: number, bis: number): boolean {
    const a = -1 - this.ort[p];
    if (this.langeLaenge(a) !== bis - von) return false;
    for (let i = von + 8, b = a + 4 + 8; i < bis; i++, b++) if (this.arena[b] !== bytes[i]) return false;
    return true;
  }

  private neu(bytes: Uint8Array, von: number, bis: number, o: number, k0: number, k1: number): number {
    const p = this.n++;
    if (p > INDEX) throw new RangeError(`mehr als ${INDEX + 1} Personen`);
    const laenge = bis - von;
    if (laenge < 32) this.kurzeLaengen |= 1 << laenge;
    else this.langeLaengen.add(laenge);
    if (p === this.ort.length) this.ort = wachse(this.ort, p + 1);
    if (laenge > 8) {
      if (this.belegt + laenge + 4 > this.arena.length) {
        const groesser = new Uint8Array(Math.max(this.arena.length * 2, this.belegt + laenge + 4));
        groesser.set(this.arena.subarray(0, this.belegt));
        this.arena = groesser;
      }
      for (let j = 0; j < 4; j++) this.arena[this.belegt + j] = (laenge >>> (j << 3)) & 0xff;
      this.arena.set(bytes.subarray(von, bis), this.belegt + 4);
      this.ort[p] = -1 - this.belegt;
      this.belegt += laenge + 4;
    } else {
      this.ort[p] = o;
    }
    const t = this.tabelle;
    t[o] = p | ((laenge < 15 ? laenge : 15) << 27);
    t[o + 1] = k0;
    t[o + 2] = k1;
    // Keep the table at most 70 % full: linear probing stays short (batches meet it in order), and
    // 300,000 persons fit half a million slots (6 MB) rather than a million.
    if (this.n * 10 > (t.length / SLOT) * 7) this.verdopple();
    return p;
  }

  /**
   * Room for `anzahl` persons at most 70 % full, made before a batch registers many at once: a
   * batch sweeps the table in order, and a table doubled in the middle of a sweep would hold every
   * id so far in its first part, full there and slow to probe.
   */
  reserviere(anzahl: number): void {
    while (anzahl * 10 > (this.tabelle.length / SLOT) * 7) this.verdopple();
  }

  /** A table twice as big: the slots moved in their order (read front to back), each person told its new place. */
  private verdopple(): void {
    const t = this.tabelle;
    const neu = leereTabelle((t.length / SLOT) * 2);
    const maske = neu.length / SLOT - 1;
    const schiebe = this.schiebe - 1;
    for (let q = 0; q < t.length; q += SLOT) {
      const info = t[q];
      if (info < 0) continue;
      const p = info & INDEX;
      const o = this.ort[p];
      const bytes = o >= 0 ? this.ausSchluessel(t[q + 1], t[q + 2], info >>> 27) : this.arena;
      const von = o >= 0 ? 0 : -1 - o + 4;
      schluessel(bytes, von, von + (o >= 0 ? info >>> 27 : this.laenge(p)));
      let slot = mische(SCHLUESSEL[0]) >>> schiebe;
      while (neu[slot * SLOT] >= 0) slot = (slot + 1) & maske;
      const z = slot * SLOT;
      neu[z] = info;
      neu[z + 1] = t[q + 1];
      neu[z + 2] = t[q + 2];
      if (o >= 0) this.ort[p] = z;
    }
    this.tabelle = neu;
    this.schiebe = schiebe;
  }

  /** The bytes of an id of at most eight bytes, from its key (in a buffer the next call reuses). */
  private ausSchluessel(k0: number, k1: number, laenge: number): Uint8Array {
    schreibeSchluessel(this.puffer, 0, k0, k1, laenge);
    return this.puffer;
  }

  /** The index of an id, registering it on first sight. */
  nummer(id: string): number {
    if (id.length * 3 > this.puffer.length) this.puffer = new Uint8Array(id.length * 3);
    const { written } = utf8.encodeInto(id, this.puffer);
    return this.nummerBytes(this.puffer, 0, written);
  }

  /** The id's bytes: a view valid until the next call. */
  private bytesVon(p: number): Uint8Array {
    const o = this.ort[p];
    if (o >= 0) return this.ausSchluessel(this.tabelle[o + 1], this.tabelle[o + 2], this.tabelle[o] >>> 27).subarray(0, this.tabelle[o] >>> 27);
    const a = -1 - o;
    return this.arena.subarray(a + 4, a + 4 + this.laenge(p));
  }

  id(nummer: number): string {
    return utf8Text.decode(this.bytesVon(nummer));
  }

  /**
   * All ids in index order as one byte array and their end offsets (to send to another thread).
   * The slots are read front to back and their keys put in person order first: millions of ids
   * cost no cache miss and no object each.
   */
  alleIds(): { bytes: Uint8Array; enden: Int32Array } {
    const n = this.n, t = this.tabelle;
    const k0 = new Int32Array(n), k1 = new Int32Array(n), laengen = new Uint8Array(n);
    for (let o = 0; o < t.length; o += SLOT) {
      const info = t[o];
      if (info < 0) continue;
      const p = info & INDEX;
      k0[p] = t[o + 1];
      k1[p] = t[o + 2];
      laengen[p] = info >>> 27;
    }
    const bytes = new Uint8Array(n * 8 + this.belegt);
    const enden = new Int32Array(n);
    let e = 0;
    for (let p = 0; p < n; p++) {
      const o = this.ort[p];
      if (o >= 0) {
        schreibeSchluessel(bytes, e, k0[p], k1[p], laengen[p]);
        e += laengen[p];
      } else {
        const a = -1 - o, laenge = this.langeLaenge(a);
        bytes.set(this.arena.subarray(a + 4, a + 4 + laenge), e);
        e += laenge;
      }
      enden[p] = e;
    }
    return { bytes: bytes.subarray(0, e), enden };
  }
}

/** Ints per slot of the register's table. */
const SLOT = 3;
/** The index bits of a slot's first int; the four above hold the id's length (15: fifteen or more). */
const INDEX = (1 << 27) - 1;

/** `schluessel`'s result: the id's FNV-1a hash and its first eight bytes as two little-endian ints. */
export const SCHLUESSEL = new Int32Array(3);

export function schluessel(bytes: Uint8Array, von: number, bis: number): void {
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
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}

/** The array itself when it holds `mindestens`, else a copy at least twice as long (new slots `fuell`, or 0). */
export function wachse(a: Int32Array<ArrayBuffer>, mindestens: number, fuell?: number): Int32Array<ArrayBuffer> {
  if (a.length >= mindestens) return a;
  const neu = new Int32Array(Math.max(mindestens, a.length * 2));
  neu.set(a);
  if (fuell !== undefined) neu.fill(fuell, a.length);
  return neu;
}

const KEIN = -1;

/** A person's runs, copied out for fast repeated use (see `Zeitlinien.kopiere`). */
/** Where counting takes a person's runs from: the timelines, or a part of them read in place (`Laufliste`). */
export type Laufquelle = Pick<Zeitlinien, 'anzahlPersonen' | 'kopiere'>;

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
    return this.laeufeVon(0, this.personen);
  }

  /** The runs of the persons ab ≤ p < bis. */
  private laeufeVon(ab: number, bis: number): number {
    let n = 0;
    for (let p = ab; p < bis; p++) for (let r = this.kopf[p]; r !== KEIN; r = this.naechster[r]) n++;
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

  /**
   * Every run as (person, von, bis) triples, persons in index order (to send to another thread);
   * of the persons ab ≤ p < bis only, numbered from ab as 0.
   */
  alleLaeufe(ab = 0, bis = this.personen): Int32Array {
    const ende = Math.min(bis, this.personen);
    const aus = new Int32Array(this.laeufeVon(ab, ende) * 3);
    let i = 0;
    for (let p = ab; p < ende; p++) {
      for (let r = this.kopf[p]; r !== KEIN; r = this.naechster[r]) {
        aus[i++] = p - ab;
        aus[i++] = this.von[r];
        aus[i++] = this.bis[r];
      }
    }
    return aus;
  }

  /** Adds the runs `alleLaeufe` gave, its person q being `nummer[q]` here (default: q). */
  uebernimm(laeufe: Int32Array, nummer?: Int32Array): void {
    for (let i = 0; i < laeufe.length; i += 3) this.hinzu(nummer ? nummer[laeufe[i]] : laeufe[i], laeufe[i + 1], laeufe[i + 2]);
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

/** Rows a batch of `Personenstapel` holds. */
const STAPEL = 1 << 16;
/** Buckets of the batch's sort: the top bits of the mixed hash (a bucket's part of the table stays in cache). */
const FAECHER_BITS = 8;
/** Ints per row of a batch: mixed hash, bytes 0–3, bytes 4–7, length, von, bis. */
const ZEILE = 6;
/** A row's `von` that registers its person only (a row that is not ELB). */
export const NUR_PERSON = -0x80000000;

/**
 * Rows wait here until a batch is full, then meet the register in the order of its table, so that
 * a file in no order of persons costs no cache miss per row. `registriere` false only looks persons
 * up (−1 for an id not registered) and hands on every row.
 */
export class Personenstapel {
  // Grown up to STAPEL rows as rows come: a small file's batch stays small.
  private daten = new Int32Array(1024 * ZEILE);
  private sortiert = new Int32Array(0);
  private readonly faecher = new Int32Array((1 << FAECHER_BITS) + 1);
  private n = 0;
  /** The share of new persons among the last batch's rows: what the next batch likely brings. */
  private neuAnteil = 1;

  constructor(
    private readonly register: PersonRegister,
    private readonly ziel: (person: number, von: number, bis: number) => void,
    private readonly registriere = true,
  ) {}

  /** A row whose id is bytes[von, bis), at most eight bytes; `einheitVon` NUR_PERSON registers only. */
  hinzu(bytes: Uint8Array, von: number, bis: number, einheitVon: number, einheitBis: number): void {
    schluessel(bytes, von, bis);
    const o = this.n * ZEILE, d = this.daten;
    d[o] = SCHLUESSEL[0];
    d[o + 1] = SCHLUESSEL[1];
    d[o + 2] = SCHLUESSEL[2];
    d[o + 3] = bis - von;
    d[o + 4] = einheitVon;
    d[o + 5] = einheitBis;
    if (++this.n * ZEILE < d.length) return;
    if (this.n === STAPEL) this.leere();
    else this.daten = wachse(d, d.length + 1);
  }

  /**
   * Registers and hands on every row held, bucket by bucket: the rows are copied whole into their
   * bucket's place (each row read and written once, in order), then read front to back.
   */
  leere(): void {
    if (this.sortiert.length < this.daten.length) this.sortiert = new Int32Array(this.daten.length);
    const n = this.n, f = this.faecher, d = this.daten, z = this.sortiert, schiebe = 32 - FAECHER_BITS;
    f.fill(0);
    for (let o = 0; o < n * ZEILE; o += ZEILE) f[(mische(d[o]) >>> schiebe) + 1]++;
    for (let k = 1; k < f.length; k++) f[k] += f[k - 1];
    for (let o = 0; o < n * ZEILE; o += ZEILE) {
      const q = f[mische(d[o]) >>> schiebe]++ * ZEILE;
      z[q] = d[o];
      z[q + 1] = d[o + 1];
      z[q + 2] = d[o + 2];
      z[q + 3] = d[o + 3];
      z[q + 4] = d[o + 4];
      z[q + 5] = d[o + 5];
    }
    if (!this.registriere) {
      for (let q = 0; q < n * ZEILE; q += ZEILE) this.ziel(this.register.findeSchluessel(z[q], z[q + 1], z[q + 2], z[q + 3]), z[q + 4], z[q + 5]);
      this.n = 0;
      return;
    }
    // Room for the new persons the batch likely brings (a monthly stock's later months bring few),
    // with a margin: reserving for every row would double the table once too often near a power of
    // two, and a table doubled in the sweep is slow but never wrong.
    const vorher = this.register.anzahl;
    this.register.reserviere(vorher + Math.min(n, Math.ceil(n * this.neuAnteil * 1.25) + 1024));
    for (let q = 0; q < n * ZEILE; q += ZEILE) {
      const p = this.register.nummerSchluessel(z[q], z[q + 1], z[q + 2], z[q + 3]);
      if (z[q + 4] !== NUR_PERSON) this.ziel(p, z[q + 4], z[q + 5]);
    }
    this.neuAnteil = n ? (this.register.anzahl - vorher) / n : 1;
    this.n = 0;
  }
}

/**
 * From how many registered persons on ids are looked up ahead (`Personenvorschau`). Measured: at
 * 4 million persons (a table of 100 MB, a cache miss per lookup) it saved 1.2 of 11.3 s of a
 * `report`; at 300,000 (6 MB) it cost 5 %. Tests set it to 1, so that small files take the same way.
 */
export const VORAUSSCHAU = { ab: 1_000_000 };

/**
 * The persons of many ids looked up ahead of their rows (a chunk's, see `Vorausleser`), in
 * the register's order rather than the file's: a later file (`personen`, `integrationen`, …) in no
 * order of persons then costs no cache miss per row. Only looks up, registers nothing: a row
 * registers its person itself if it needs to, so a line that is no data registers no one.
 */
export class Personenvorschau {
  private puffer: Uint8Array | null = null;
  private von = new Int32Array(0);
  private bis = new Int32Array(0);
  private person = new Int32Array(0);
  private n = 0;
  private zeiger = 0;
  private stapel: Personenstapel | null = null;

  constructor(private readonly register: PersonRegister) {}

  /**
   * A small register's table answers a lookup about as fast as the batch (see VORAUSSCHAU), and an
   * empty one (`check` reads each file on its own) finds nobody.
   */
  lohnt(): boolean {
    return this.register.anzahl >= VORAUSSCHAU.ab;
  }

  /**
   * Ids in bytes[von[i], bis[i]), in the order their rows will ask (`nimm`); replaces what was
   * held. None (n = 0) lets go of the arrays, for the end of a file.
   */
  fuelle(bytes: Uint8Array, von: Int32Array, bis: Int32Array, n: number): void {
    if (n === 0) {
      [this.puffer, this.n, this.stapel] = [null, 0, null];
      this.von = this.bis = this.person = new Int32Array(0);
      return;
    }
    if (!this.lohnt()) n = 0;
    if (this.person.length < n) {
      const platz = Math.max(n, this.person.length * 2);
      this.von = new Int32Array(platz);
      this.bis = new Int32Array(platz);
      this.person = new Int32Array(platz);
    }
    this.von.set(von.subarray(0, n));
    this.bis.set(bis.subarray(0, n));
    this.person.fill(-1, 0, n);
    const stapel = (this.stapel ??= new Personenstapel(this.register, (p, i) => (this.person[i] = p), false));
    for (let i = 0; i < n; i++) {
      const a = von[i], e = bis[i];
      // The batch takes ids of up to eight bytes (kept whole in the register's slot).
      if (e > a && e - a <= 8) stapel.hinzu(bytes, a, e, i, 0);
    }
    stapel.leere();
    [this.puffer, this.n, this.zeiger] = [bytes, n, 0];
  }

  /** The person of the id in bytes[von, bis) if it was looked up ahead and registered, else −1. */
  nimm(bytes: Uint8Array, von: number, bis: number): number {
    if (bytes !== this.puffer) return -1;
    let z = this.zeiger;
    while (z < this.n && this.von[z] < von) z++;
    this.zeiger = z;
    return z < this.n && this.von[z] === von && this.bis[z] === bis ? this.person[z] : -1;
  }
}
