// The benchmark's realistic case (issue 13): the same synthetic population as tools/generate.ts
// (same seed, same persons, same periods, so the counts equal the friendly case's), but written the
// way real extracts come. A monthly stock extract lists each month's stock together, so consecutive
// rows belong to unrelated persons; ids are 8-character alphanumeric keys in no particular order;
// the period form comes in the order of `beginn`. Same arguments, same bytes.
//
//   zeitraeume-monate.csv          person_id;monat, month by month, persons shuffled within a month
//   zeitraeume-monate-nach-id.csv  the same rows sorted by id (and month)
//   zeitraeume.csv                 person_id;beginn;ende;status, in the order of beginn (ties shuffled)

import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { isoMonat, isoTag, monatIndex } from '../src/core/kalender.js';
import { Schreiber, type GenOptionen } from './generate.js';
import { synthetischePersonen, zufall } from './synthese.js';

/** The same persons as the friendly case: generate.ts's options. */
export type RealOptionen = GenOptionen;

export interface RealErgebnis {
  personen: number;
  zeilenTage: number;
  zeilenMonate: number;
}

const ZEICHEN = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';

/**
 * The id of person `nummer` (0, 1, …): a keyed 4-round Feistel permutation of 40 bits, written as 8
 * base-36 characters. A permutation, so ids never collide and need no set of those already drawn
 * (4 million strings in a Set would cost more memory than the benchmark's subject).
 */
export function kennungen(seed: number): (nummer: number) => string {
  const r = zufall(seed ^ 0x1d5e7a11);
  const schluessel = [0, 1, 2, 3].map(() => Math.floor(r() * 4294967296) | 0);
  const runde = (x: number, k: number) => {
    // murmur3's finaliser: every input bit reaches every output bit.
    let h = (x ^ k) | 0;
    h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
    h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
    return (h ^ (h >>> 16)) & 0xfffff;
  };
  return (nummer) => {
    let l = Math.floor(nummer / 0x100000) & 0xfffff, rr = nummer & 0xfffff;
    for (const k of schluessel) [l, rr] = [rr, l ^ runde(rr, k)];
    // 2⁴⁰ < 36⁸: every value fits in 8 characters.
    let v = l * 0x100000 + rr, s = '';
    for (let i = 0; i < 8; i++) {
      s = ZEICHEN[v % 36] + s;
      v = Math.floor(v / 36);
    }
    return s;
  };
}

/** Fisher–Yates with the synthetic data's generator, so a seed fixes the order. */
function mische(a: Int32Array, r: () => number): void {
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(r() * (i + 1));
    const t = a[i];
    a[i] = a[j];
    a[j] = t;
  }
}

/** A growable Int32Array: millions of rows as plain arrays of numbers would double the generator's memory. */
class Zahlen {
  daten = new Int32Array(1 << 16);
  laenge = 0;
  push(x: number) {
    if (this.laenge === this.daten.length) {
      const neu = new Int32Array(this.daten.length * 2);
      neu.set(this.daten);
      this.daten = neu;
    }
    this.daten[this.laenge++] = x;
  }
  get werte() {
    return this.daten.subarray(0, this.laenge);
  }
}

export async function generiereRealistisch(o: RealOptionen): Promise<RealErgebnis> {
  const monat = (s: string) => monatIndex(Number(s.slice(0, 4)), Number(s.slice(5, 7)));
  const von = monat(o.von), bis = monat(o.bis);
  const nMonate = bis - von + 1;
  const woerter = Math.ceil(nMonate / 32);
  const mitMonaten = o.form !== 'tage', mitTagen = o.form !== 'monate';
  await mkdir(o.out, { recursive: true });

  // One pass over the population keeps what the files need: a month bitmask per person, and the
  // periods as columns (person, beginn, ende or −1, NEF).
  const masken = mitMonaten ? new Uint32Array(o.personen * woerter) : null;
  const person = new Zahlen(), beginn = new Zahlen(), ende = new Zahlen(), nef = new Zahlen();
  let n = 0;
  for (const p of synthetischePersonen({ personen: o.personen, seed: o.seed, von, bis })) {
    if (masken) for (const m of p.monate) masken[n * woerter + ((m - von) >>> 5)] |= 1 << ((m - von) & 31);
    if (mitTagen) {
      for (const z of p.zeitraeume) {
        person.push(n);
        beginn.push(z.beginn);
        ende.push(z.ende ?? -1);
        nef.push(z.status === 'NEF' ? 1 : 0);
      }
    }
    n++;
  }
  const id = kennungen(o.seed);
  const r = zufall(o.seed ^ 0x2545f491);
  const hat = (p: number, i: number) => (masken![p * woerter + (i >>> 5)] >>> (i & 31)) & 1;

  let zeilenMonate = 0;
  if (masken) {
    const monatsText = Array.from({ length: nMonate }, (_, i) => isoMonat(von + i));
    const ids = Array.from({ length: n }, (_, i) => id(i));
    const w = new Schreiber(join(o.out, 'zeitraeume-monate.csv'), 'person_id;monat');
    const stock = new Int32Array(n);
    for (let i = 0; i < nMonate; i++) {
      let k = 0;
      for (let p = 0; p < n; p++) if (hat(p, i)) stock[k++] = p;
      const bestand = stock.subarray(0, k);
      mische(bestand, r);
      for (const p of bestand) await w.zeile(`${ids[p]};${monatsText[i]}`);
    }
    await w.schliesse();
    zeilenMonate = w.zeilen;

    const nachId = Int32Array.from({ length: n }, (_, i) => i).sort((a, b) => (ids[a] < ids[b] ? -1 : ids[a] > ids[b] ? 1 : 0));
    const s = new Schreiber(join(o.out, 'zeitraeume-monate-nach-id.csv'), 'person_id;monat');
    for (const p of nachId) for (let i = 0; i < nMonate; i++) if (hat(p, i)) await s.zeile(`${ids[p]};${monatsText[i]}`);
    await s.schliesse();
  }

  let zeilenTage = 0;
  if (mitTagen) {
    // Shuffle, then a stable counting sort by beginn: the order of beginn, and no order among rows
    // that begin on the same day (which would otherwise follow the persons' numbers).
    const zeilen = Int32Array.from({ length: person.laenge }, (_, i) => i);
    mische(zeilen, r);
    const b = beginn.werte;
    let min = Infinity, max = -Infinity;
    for (const x of b) {
      if (x < min) min = x;
      if (x > max) max = x;
    }
    const start = new Int32Array(max - min + 2);
    for (const x of b) start[x - min + 1]++;
    for (let i = 1; i < start.length; i++) start[i] += start[i - 1];
    const sortiert = new Int32Array(zeilen.length);
    for (const z of zeilen) sortiert[start[b[z] - min]++] = z;
    const w = new Schreiber(join(o.out, 'zeitraeume.csv'), 'person_id;beginn;ende;status');
    const [pp, e, f] = [person.werte, ende.werte, nef.werte];
    for (const z of sortiert) await w.zeile(`${id(pp[z])};${isoTag(b[z])};${e[z] < 0 ? '' : isoTag(e[z])};${f[z] ? 'NEF' : 'ELB'}`);
    await w.schliesse();
    zeilenTage = w.zeilen;
  }
  return { personen: n, zeilenTage, zeilenMonate };
}
