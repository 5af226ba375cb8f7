// Person attributes from the `personen` input, kept in typed arrays by person index, and the
// breakdowns (`--nach`) built on them.

import { tagNummer, tagTeile } from './kalender.js';

export type Geschlecht = 'm' | 'w' | 'd' | 'x';
const GESCHLECHT_CODE: Record<Geschlecht, number> = { m: 1, w: 2, d: 3, x: 4 };
const KEIN_DATUM = -2_147_483_648;

export interface PersonMerkmale {
  geschlecht: Geschlecht | null;
  geburtsdatum: number | null;
  alleinerziehend: boolean | null;
  fluchtkontext: boolean | null;
}

const flag = (b: boolean | null) => (b === null ? 0 : b ? 1 : 2);

/** Attributes by person index in plain arrays, as `Merkmale.zustand` gives them. */
export interface MerkmaleZustand {
  geschlecht: Uint8Array;
  geburt: Int32Array;
  alleinerziehend: Uint8Array;
  flucht: Uint8Array;
  bekannt: Uint8Array;
  spalten: MerkmalSpalte[];
}

/** The attribute columns of `personen`. */
export type MerkmalSpalte = keyof PersonMerkmale;

export class Merkmale {
  /**
   * The attribute columns the input had: a filter or breakdown on a column that is not there would
   * silently treat everybody as unknown.
   */
  readonly spalten = new Set<MerkmalSpalte>();
  private geschlecht = new Uint8Array(0);
  private geburt = new Int32Array(0);
  private alleinerziehend = new Uint8Array(0);
  private flucht = new Uint8Array(0);
  private bekannt = new Uint8Array(0);
  private anzahl = 0;

  private platz(person: number): void {
    if (person < this.geschlecht.length) return;
    const n = Math.max(person + 1, this.geschlecht.length * 2, 1024);
    const groesser = <T extends Uint8Array | Int32Array>(alt: T, neu: T, fuell = 0): T => {
      neu.fill(fuell as never);
      neu.set(alt as never);
      return neu;
    };
    this.geschlecht = groesser(this.geschlecht, new Uint8Array(n));
    this.geburt = groesser(this.geburt, new Int32Array(n), KEIN_DATUM);
    this.alleinerziehend = groesser(this.alleinerziehend, new Uint8Array(n));
    this.flucht = groesser(this.flucht, new Uint8Array(n));
    this.bekannt = groesser(this.bekannt, new Uint8Array(n));
  }

  /** Records a person's attributes; false when the person already had a row. */
  setze(person: number, m: PersonMerkmale): boolean {
    this.platz(person);
    if (this.bekannt[person]) return false;
    this.bekannt[person] = 1;
    this.anzahl++;
    this.geschlecht[person] = m.geschlecht ? GESCHLECHT_CODE[m.geschlecht] : 0;
    this.geburt[person] = m.geburtsdatum ?? KEIN_DATUM;
    this.alleinerziehend[person] = flag(m.alleinerziehend);
    this.flucht[person] = flag(m.fluchtkontext);
    return true;
  }

  get personen(): number {
    return this.anzahl;
  }

  /** The attributes as typed arrays by person index (to send to another thread); of the persons ab ≤ p < bis only, numbered from ab as 0. */
  zustand(ab = 0, bis = this.bekannt.length): MerkmaleZustand {
    const b = Math.min(bis, this.bekannt.length), a = Math.min(ab, b);
    return {
      geschlecht: this.geschlecht.slice(a, b), geburt: this.geburt.slice(a, b), alleinerziehend: this.alleinerziehend.slice(a, b),
      flucht: this.flucht.slice(a, b), bekannt: this.bekannt.slice(a, b), spalten: [...this.spalten],
    };
  }

  /**
   * Takes over the attributes another thread read into an empty `Merkmale`, its person q being
   * `nummer[q]` here (default: q). A person known on both sides would be a second row, which that
   * reading has already reported: taking it over here is a bug.
   */
  uebernimm(z: MerkmaleZustand, nummer?: Int32Array): void {
    for (let q = 0; q < z.bekannt.length; q++) {
      if (!z.bekannt[q]) continue;
      const p = nummer ? nummer[q] : q;
      this.platz(p);
      if (this.bekannt[p]) throw new Error(`Merkmale.uebernimm: Person ${p} hat schon Merkmale`);
      this.bekannt[p] = 1;
      this.anzahl++;
      this.geschlecht[p] = z.geschlecht[q];
      this.geburt[p] = z.geburt[q];
      this.alleinerziehend[p] = z.alleinerziehend[q];
      this.flucht[p] = z.flucht[q];
    }
    for (const s of z.spalten) this.spalten.add(s);
  }

  hat(person: number): boolean {
    return person < this.bekannt.length && this.bekannt[person] === 1;
  }

  geschlechtCode(person: number): number {
    return person < this.geschlecht.length ? this.geschlecht[person] : 0;
  }

  geburtsdatum(person: number): number | null {
    const g = person < this.geburt.length ? this.geburt[person] : KEIN_DATUM;
    return g === KEIN_DATUM ? null : g;
  }

  alleinerziehendCode(person: number): number {
    return person < this.alleinerziehend.length ? this.alleinerziehend[person] : 0;
  }

  fluchtCode(person: number): number {
    return person < this.flucht.length ? this.flucht[person] : 0;
  }
}

export const MERKMALE = ['geschlecht', 'altersgruppe', 'alleinerziehend', 'fluchtkontext'] as const;
export type Merkmal = (typeof MERKMALE)[number];

/** The column each breakdown reads. */
/**
 * Frauen and Männer under every key a group of theirs may have: person-level data's (`w`, `m`) and a
 * Monatswerte file's (`frauen`, `maenner`). The filters of the same name select the same people.
 */
export const GESCHLECHT_SCHLUESSEL: Record<'frauen' | 'maenner', readonly string[]> = { frauen: ['w', 'frauen'], maenner: ['m', 'maenner'] };

export const MERKMAL_SPALTE: Record<Merkmal, MerkmalSpalte> = { geschlecht: 'geschlecht', altersgruppe: 'geburtsdatum', alleinerziehend: 'alleinerziehend', fluchtkontext: 'fluchtkontext' };

/** A breakdown: group labels and, per person and Stichtag, the index of the person's group. */
export interface Gruppierung {
  merkmal: Merkmal;
  gruppen: readonly string[];
  gruppeVon(person: number, stichtagDatum: number): number;
}

/** Age groups of the Arbeitsmarktprogramm's table (docs/vertrag.md §5) (15 bis unter 25, 25 bis unter 55, 55 und älter), at the Stichtag. */
export const ALTERSGRUPPEN = ['unter_15', '15_bis_unter_25', '25_bis_unter_55', '55_und_aelter', 'unbekannt'] as const;

const UNBEKANNT = ALTERSGRUPPEN.indexOf('unbekannt');

export function gruppierung(merkmal: Merkmal, m: Merkmale): Gruppierung {
  switch (merkmal) {
    case 'geschlecht': {
      // codes 1…4 = m, w, d, x; 0 = no row or no value
      const gruppen = ['m', 'w', 'd', 'x', 'unbekannt'];
      return { merkmal, gruppen, gruppeVon: (p) => { const c = m.geschlechtCode(p); return c === 0 ? 4 : c - 1; } };
    }
    case 'altersgruppe': {
      // The group changes on the 15th, 25th and 55th birthday (of one born on 29 Feb: 1 Mar in other years).
      // Callers ask for one person's months in a row, so the last person's three birthdays are all
      // there is to remember: no calendar arithmetic per month and person.
      let letztePerson = -1, bekannt = false, ab15 = 0, ab25 = 0, ab55 = 0;
      return {
        merkmal,
        gruppen: ALTERSGRUPPEN,
        gruppeVon: (p, tag) => {
          if (p !== letztePerson) {
            letztePerson = p;
            const g = m.geburtsdatum(p);
            bekannt = g !== null;
            if (g !== null) {
              const t = tagTeile(g);
              ab15 = tagNummer(t.jahr + 15, t.monat, t.tag);
              ab25 = tagNummer(t.jahr + 25, t.monat, t.tag);
              ab55 = tagNummer(t.jahr + 55, t.monat, t.tag);
            }
          }
          if (!bekannt) return UNBEKANNT;
          return tag < ab15 ? 0 : tag < ab25 ? 1 : tag < ab55 ? 2 : 3;
        },
      };
    }
    case 'alleinerziehend':
    case 'fluchtkontext': {
      const code = merkmal === 'alleinerziehend' ? (p: number) => m.alleinerziehendCode(p) : (p: number) => m.fluchtCode(p);
      // codes 1 = ja, 2 = nein, 0 = unknown
      return { merkmal, gruppen: ['ja', 'nein', 'unbekannt'], gruppeVon: (p) => { const c = code(p); return c === 0 ? 2 : c - 1; } };
    }
  }
}
