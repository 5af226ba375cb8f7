// Integrations and entries (docs/vertrag.md §3 `integrationen`) per person, in typed arrays. Rows may come in
// any order; `ordne()` sorts them once by person and date, after which a person's events are a
// contiguous, date-ordered slice.

export const ARTEN = ['SVB', 'AUSB', 'SELB', 'GERING', 'OEFG'] as const;
export type Art = (typeof ARTEN)[number];

/** What an event counts as: an integration (K2), an entry into minor (K2E1) or publicly funded employment (K2E2). */
export type Ereignisklasse = 'integration' | 'geringfuegig' | 'oeffentlich';
export const KLASSE: Record<Art, Ereignisklasse> = { SVB: 'integration', AUSB: 'integration', SELB: 'integration', GERING: 'geringfuegig', OEFG: 'oeffentlich' };
export const KLASSEN_CODE: Record<Ereignisklasse, number> = { integration: 0, geringfuegig: 1, oeffentlich: 2 };

const KONTINUIERLICH = 4, BEDARFSDECKEND = 8, KONTINUIERLICH_OFFEN = 16;

/** Days from … to, both included. */
export interface Spanne {
  von: number;
  bis: number;
}

/** Ordered events of a range of persons, as `Ereignisse.teil` gives them. */
export interface EreignisseTeil {
  /** Per person (from 0) the index of its first event, and one past the last. */
  start: Int32Array<ArrayBuffer>;
  tag: Int32Array<ArrayBuffer>;
  merkmal: Uint8Array<ArrayBuffer>;
}

export class Ereignisse {
  private person = new Int32Array(1024);
  private tag = new Int32Array(1024);
  /** bits 0–1: class code; bit 2: kontinuierlich; bit 3: bedarfsdeckend */
  private merkmal = new Uint8Array(1024);
  private n = 0;
  private start: Int32Array | null = null;
  private fruehester = Infinity;
  private spaetester = -Infinity;

  /** The earliest and latest event date: the period the input observes. */
  get spanne(): Spanne | null {
    return this.n ? { von: this.fruehester, bis: this.spaetester } : null;
  }

  get anzahl(): number {
    return this.n;
  }

  /** `kontinuierlich` null: not known yet (it shows only a year after the integration). */
  hinzu(person: number, tag: number, art: Art, kontinuierlich: boolean | null, bedarfsdeckend: boolean): void {
    if (this.n === this.person.length) {
      const groesser = <T extends Int32Array | Uint8Array>(a: T, neu: T): T => (neu.set(a), neu);
      const platz = Math.max(1024, this.n * 2);
      this.person = groesser(this.person, new Int32Array(platz));
      this.tag = groesser(this.tag, new Int32Array(platz));
      this.merkmal = groesser(this.merkmal, new Uint8Array(platz));
    }
    this.person[this.n] = person;
    this.tag[this.n] = tag;
    if (tag < this.fruehester) this.fruehester = tag;
    if (tag > this.spaetester) this.spaetester = tag;
    this.merkmal[this.n] = KLASSEN_CODE[KLASSE[art]] | (kontinuierlich ? KONTINUIERLICH : 0) | (kontinuierlich === null ? KONTINUIERLICH_OFFEN : 0) | (bedarfsdeckend ? BEDARFSDECKEND : 0);
    this.n++;
    this.start = null;
  }

  /**
   * Puts the events in person and date order, in place of the file order, once after reading: a
   * person's events then lie side by side in memory, which a pass over millions of persons needs.
   * Events of one day keep their file order.
   */
  ordne(personen: number): void {
    const n = this.n;
    const start = new Int32Array(personen + 1);
    for (let i = 0; i < n; i++) start[this.person[i] + 1]++;
    for (let p = 0; p < personen; p++) start[p + 1] += start[p];
    // Counting sort by person (stable), then insertion sort by date within each person's few events.
    const frei = start.slice(0, personen);
    const person = new Int32Array(n), tag = new Int32Array(n), merkmal = new Uint8Array(n);
    for (let i = 0; i < n; i++) {
      const k = frei[this.person[i]]++;
      person[k] = this.person[i];
      tag[k] = this.tag[i];
      merkmal[k] = this.merkmal[i];
    }
    for (let p = 0; p < personen; p++) {
      for (let k = start[p] + 1; k < start[p + 1]; k++) {
        const t = tag[k], m = merkmal[k];
        let j = k - 1;
        for (; j >= start[p] && tag[j] > t; j--) {
          tag[j + 1] = tag[j];
          merkmal[j + 1] = merkmal[j];
        }
        tag[j + 1] = t;
        merkmal[j + 1] = m;
      }
    }
    this.person = person;
    this.tag = tag;
    this.merkmal = merkmal;
    this.start = start;
  }

  /**
   * The person's first event of a class with a start date in von < d ≤ bis, as an index for the
   * accessors below, or -1. "At most one per person and month" (docs/vertrag.md §4.2): the earliest counts.
   */
  erstes(person: number, klasse: Ereignisklasse, von: number, bis: number): number {
    if (!this.start) throw new Error('Ereignisse.ordne() fehlt');
    if (person + 1 >= this.start.length) return -1;
    const code = KLASSEN_CODE[klasse];
    for (let k = this.start[person]; k < this.start[person + 1]; k++) {
      const d = this.tag[k];
      if (d > bis) break;
      if (d > von && (this.merkmal[k] & 3) === code) return k;
    }
    return -1;
  }

  /**
   * The events of the persons ab ≤ p < bis, ordered (after `ordne`) and numbered from ab as 0, in
   * plain arrays (to send to another thread, which counts them as `ausTeil` gives them back).
   */
  teil(ab: number, bis: number): EreignisseTeil {
    if (!this.start) throw new Error('Ereignisse.ordne() fehlt');
    const b = Math.min(bis, this.start.length - 1), a = Math.min(ab, b);
    const von = this.start[a], start = this.start.slice(a, b + 1);
    for (let i = 0; i < start.length; i++) start[i] -= von;
    return { start, tag: this.tag.slice(von, this.start[b]), merkmal: this.merkmal.slice(von, this.start[b]) };
  }

  static ausTeil(t: EreignisseTeil): Ereignisse {
    const e = new Ereignisse();
    e.start = t.start;
    e.tag = t.tag;
    e.merkmal = t.merkmal;
    e.person = new Int32Array(0);
    e.n = t.tag.length;
    for (const d of t.tag) {
      if (d < e.fruehester) e.fruehester = d;
      if (d > e.spaetester) e.spaetester = d;
    }
    return e;
  }

  /** The person's events are the indices anfang(person) ≤ k < ende(person), in date order (after `ordne`). */
  anfang(person: number): number {
    return this.start && person + 1 < this.start.length ? this.start[person] : 0;
  }

  ende(person: number): number {
    return this.start && person + 1 < this.start.length ? this.start[person + 1] : 0;
  }

  tagVon(k: number): number {
    return this.tag[k];
  }

  /** KLASSEN_CODE of event k. */
  klasseVon(k: number): number {
    return this.merkmal[k] & 3;
  }

  hatEreignisse(person: number): boolean {
    return !!this.start && person + 1 < this.start.length && this.start[person + 1] > this.start[person];
  }

  kontinuierlich(i: number): boolean {
    return (this.merkmal[i] & KONTINUIERLICH) !== 0;
  }

  /** Whether continuity is still open for event i (an empty cell). */
  kontinuierlichOffen(i: number): boolean {
    return (this.merkmal[i] & KONTINUIERLICH_OFFEN) !== 0;
  }

  bedarfsdeckend(i: number): boolean {
    return (this.merkmal[i] & BEDARFSDECKEND) !== 0;
  }
}
