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
 */
export class PersonRegister {
  private arena = new Uint8Array(1 << 16);
  private belegt = 0;
  private anfang = new Int32Array(1024);
  private ende = new Int32Array(1024);
  private streu = new Int32Array(1024);
  private tabelle = new Int32Array(2048).fill(-1);
  private n = 0;
  private puffer = new Uint8Array(256);

  get anzahl(): number {
    return this.n;
  }

  /** The index of the id in bytes[von, bis), registering it on first sight. */
  nummerBytes(bytes: Uint8Array, von: number, bis: number): number {
    let h = 0x811c9dc5;
    for (let i = von; i < bis; i++) h = Math.imul(h ^ bytes[i], 0x01000193);
    const p = this.suche(bytes, von, bis, h);
    return p >= 0 ? p : this.neu(bytes, von, bis, h);
  }

  /** The index of an id that was registered, or −1; registers nothing. */
  finde(id: string): number {
    const bytes = utf8.encode(id);
    let h = 0x811c9dc5;
    for (let i = 0; i < bytes.length; i++) h = Math.imul(h ^ bytes[i], 0x01000193);
    return this.suche(bytes, 0, bytes.length, h);
  }

  /** The lengths (in bytes) the registered ids have. */
  laengen(): number[] {
    const l = new Set<number>();
    for (let p = 0; p < this.n; p++) l.add(this.ende[p] - this.anfang[p]);
    return [...l].sort((a, b) => a - b);
  }

  private suche(bytes: Uint8Array, von: number, bis: number, h: number): number {
    const maske = this.tabelle.length - 1;
    const laenge = bis - von;
    for (let slot = h & maske; ; slot = (slot + 1) & maske) {
      const p = this.tabelle[slot];
      if (p < 0) break;
      if (this.streu[p] !== h || this.ende[p] - this.anfang[p] !== laenge) continue;
      let gleich = true;
      for (let a = this.anfang[p], i = von; i < bis; i++, a++) {
        if (this.arena[a] !== bytes[i]) {
          gleich = false;
          break;
        }
      }
      if (gleich) return p;
    }
    return -1;
  }

  private neu(bytes: Uint8Array, von: number, bis: number, h: number): number {
    const p = this.n++;
    if (p === this.anfang.length) {
      this.anfang = wachse(this.anfang, p + 1);
      this.ende = wachse(this.ende, p + 1);
      this.streu = wachse(this.streu, p + 1);
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
    this.streu[p] = h;
    // Keep the table at most half full.
    if (this.n * 2 > this.tabelle.length) {
      const tabelle = new Int32Array(this.tabelle.length * 2).fill(-1);
      const maske = tabelle.length - 1;
      for (let q = 0; q < this.n; q++) {
        let slot = this.streu[q] & maske;
        while (tabelle[slot] >= 0) slot = (slot + 1) & maske;
        tabelle[slot] = q;
      }
      this.tabelle = tabelle;
    } else {
      const maske = this.tabelle.length - 1;
      let slot = h & maske;
      while (this.tabelle[slot] >= 0) slot = (slot + 1) & maske;
      this.tabelle[slot] = p;
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
