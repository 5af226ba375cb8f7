// A range of persons' data in plain arrays, for another thread to count (docs/vertrag.md §4.2: the
// counts are sums over persons, so the counts of two ranges add up to those of all).

import { Ereignisse, type EreignisseTeil } from './ereignisse.js';
import { monatsRegel, tagesRegel, type Einheit, type LzbEinstellungen } from './lzb/regel.js';
import type { Abdeckung } from './lzb/stichtage.js';
import { gruppierung, Merkmale, type Merkmal, type MerkmaleZustand } from './merkmale.js';
import type { Filter } from './filter.js';
import type { Sicht, ZaehlDaten } from './monatswerte/aggregation.js';
import type { PersonenDaten } from './modell.js';
import { wachse, Zeitlinien, type Laeufe } from './zeitlinien.js';

/** The persons ab ≤ p < bis of `PersonenDaten`, numbered from ab as 0; everything typed arrays or plain values. */
export interface PersonenTeil {
  einheit: Einheit;
  einstellungen: LzbEinstellungen;
  abdeckung: Abdeckung;
  /** Runs of receipt and of measures as (person, von, bis) triples. */
  laeufe: Int32Array;
  massnahmen: Int32Array | null;
  merkmale: MerkmaleZustand | null;
  ereignisse: EreignisseTeil | null;
  kontinuierlichBekannt: boolean;
}

export function personenTeil(d: PersonenDaten, ab: number, bis: number): PersonenTeil {
  return {
    einheit: d.regel.einheit,
    einstellungen: d.regel.einstellungen,
    abdeckung: d.abdeckung,
    laeufe: d.zeitlinien.alleLaeufe(ab, bis),
    massnahmen: d.massnahmen?.alleLaeufe(ab, bis) ?? null,
    merkmale: d.merkmale?.zustand(ab, bis) ?? null,
    ereignisse: d.ereignisse?.teil(ab, bis) ?? null,
    kontinuierlichBekannt: d.kontinuierlichBekannt,
  };
}

/** The buffers of a part, to hand over to another thread without copying them. */
export function teilPuffer(t: PersonenTeil): ArrayBuffer[] {
  const m = t.merkmale, e = t.ereignisse;
  const arrays = [t.laeufe, t.massnahmen, m?.geschlecht, m?.geburt, m?.alleinerziehend, m?.flucht, m?.bekannt, e?.start, e?.tag, e?.merkmal];
  return arrays.flatMap((a) => (a ? [a.buffer as ArrayBuffer] : []));
}

/**
 * A part as counting reads it (benefit sums belong to no person and stay with the whole): the runs
 * read in place (`Laufliste`), no timelines built.
 */
export function ausPersonenTeil(t: PersonenTeil): ZaehlDaten {
  let massnahmen: Zeitlinien | null = null;
  if (t.massnahmen) (massnahmen = new Zeitlinien()).uebernimm(t.massnahmen);
  let merkmale: Merkmale | null = null;
  if (t.merkmale) (merkmale = new Merkmale()).uebernimm(t.merkmale);
  return {
    regel: t.einheit === 'tag' ? tagesRegel(t.einstellungen) : monatsRegel(t.einstellungen),
    abdeckung: t.abdeckung,
    zeitlinien: new Laufliste(t.laeufe),
    merkmale,
    ereignisse: t.ereignisse ? Ereignisse.ausTeil(t.ereignisse) : null,
    kontinuierlichBekannt: t.kontinuierlichBekannt,
    massnahmen,
    leistungen: null,
  };
}

/** A view as another thread rebuilds it on its part: the filter, and the attribute it is broken down by. */
export interface SichtAngabe {
  filter: Filter | null;
  nach: Merkmal | null;
}

export const sichtAngabe = (v: Sicht): SichtAngabe => ({ filter: v.filter, nach: v.gruppierung?.merkmal ?? null });

export const sichtAus = (a: SichtAngabe, d: Pick<PersonenDaten, 'merkmale'>): Sicht => ({ filter: a.filter, gruppierung: a.nach && d.merkmale ? gruppierung(a.nach, d.merkmale) : undefined });

/**
 * The runs of a part as `alleLaeufe` gives them ((person, von, bis), persons in order), read in
 * place: the classification of a part needs nothing else, and no timelines are built for it.
 */
export class Laufliste {
  /** Per person the index of its first triple, and one past the last. */
  private readonly start: Int32Array;
  /** Persons up to the last with runs, as in Zeitlinien: later ones have none to copy. */
  readonly anzahlPersonen: number;

  constructor(private readonly laeufe: Int32Array) {
    const n = laeufe.length ? laeufe[laeufe.length - 3] + 1 : 0;
    this.anzahlPersonen = n;
    this.start = new Int32Array(n + 1);
    for (let i = 0; i < laeufe.length; i += 3) this.start[laeufe[i] + 1]++;
    for (let p = 0; p < n; p++) this.start[p + 1] += this.start[p];
  }

  kopiere(person: number, ziel: Laeufe): number {
    if (person >= this.anzahlPersonen) return 0;
    const a = this.start[person], k = this.start[person + 1] - a;
    if (ziel.von.length < k) {
      ziel.von = wachse(ziel.von, k);
      ziel.bis = wachse(ziel.bis, k);
    }
    for (let j = 0; j < k; j++) {
      ziel.von[j] = this.laeufe[(a + j) * 3 + 1];
      ziel.bis[j] = this.laeufe[(a + j) * 3 + 2];
    }
    return k;
  }
}
