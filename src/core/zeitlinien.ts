// Person timelines: for every person, the merged ELB periods as sorted, disjoint runs of units
// (days for day-exact periods, months for the monthly form). Runs live in typed arrays linked per
// person, so memory grows with persons and their merged periods, never with input rows: a person's
// 36 month rows become one run when they are contiguous.

/** External person ids ↔ dense indexes 0…n−1, shared by timelines and person attributes. */
export class PersonRegister {
  private readonly index = new Map<string, number>();
  private readonly ids: string[] = [];

  /** The index of an id, registering it on first sight. */
  nummer(id: string): number {
    let n = this.index.get(id);
    if (n === undefined) {
      n = this.ids.length;
      this.index.set(id, n);
      this.ids.push(id);
    }
    return n;
  }

  id(nummer: number): string {
    return this.ids[nummer];
  }

  get anzahl(): number {
    return this.ids.length;
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

  /** Number of stored runs: equals the number of merged periods over all persons. */
  get anzahlLaeufe(): number {
    let n = 0;
    for (let p = 0; p < this.personen; p++) for (let r = this.kopf[p]; r !== KEIN; r = this.naechster[r]) n++;
    return n;
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

  /** Has the person any period of receipt at all? */
  hatBezug(person: number): boolean {
    return person < this.personen && this.kopf[person] !== KEIN;
  }

  /** Is the person in receipt on unit t? */
  enthaelt(person: number, t: number): boolean {
    if (person >= this.personen) return false;
    for (let r = this.kopf[person]; r !== KEIN && this.von[r] <= t; r = this.naechster[r]) {
      if (this.bis[r] >= t) return true;
    }
    return false;
  }

  /** Units of receipt in a..b (inclusive). */
  einheitenIn(person: number, a: number, b: number): number {
    let summe = 0;
    if (person >= this.personen) return 0;
    for (let r = this.kopf[person]; r !== KEIN; r = this.naechster[r]) {
      const v = this.von[r];
      if (v > b) break;
      const e = this.bis[r];
      if (e < a) continue;
      summe += (e < b ? e : b) - (v > a ? v : a) + 1;
    }
    return summe;
  }
}
