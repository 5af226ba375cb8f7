// Population filters for targets (docs/vertrag.md §5): they restrict numerators and denominators alike and
// need person attributes. A person without the attribute is not counted into a group that requires
// it (u25, alleinerziehend, frauen, maenner) and is not excluded by `ohne_flucht`.

import { tagNummer, tagTeile } from './kalender.js';
import type { Merkmale, MerkmalSpalte } from './merkmale.js';

export const FILTER = ['ohne_flucht', 'u25', 'u25_ohne_flucht', 'alleinerziehend', 'frauen', 'maenner'] as const;
export type Filter = (typeof FILTER)[number];

/** The attribute columns each filter reads. */
export const FILTER_SPALTEN: Record<Filter, readonly MerkmalSpalte[]> = {
  ohne_flucht: ['fluchtkontext'], u25: ['geburtsdatum'], u25_ohne_flucht: ['geburtsdatum', 'fluchtkontext'],
  alleinerziehend: ['alleinerziehend'], frauen: ['geschlecht'], maenner: ['geschlecht'],
};

/** Does person p belong to the filtered population on the given day (age counts on that day)? */
export type Personenfilter = (person: number, tag: number) => boolean;

export function personenfilter(f: Filter | null, m: Merkmale): Personenfilter {
  const ohneFlucht = (p: number) => m.fluchtCode(p) !== 1;
  // Under 25 on a day = before the 25th birthday (29 Feb → 1 Mar). Callers ask for one person's
  // months in a row, so the last person's birthday is all there is to remember.
  let letztePerson = -1, grenze = -Infinity;
  const u25 = (p: number, tag: number) => {
    if (p !== letztePerson) {
      const g = m.geburtsdatum(p);
      if (g === null) grenze = -Infinity;
      else {
        const t = tagTeile(g);
        grenze = tagNummer(t.jahr + 25, t.monat, t.tag);
      }
      letztePerson = p;
    }
    return tag < grenze;
  };
  switch (f) {
    case null: return () => true;
    case 'ohne_flucht': return (p) => ohneFlucht(p);
    case 'u25': return u25;
    case 'u25_ohne_flucht': return (p, tag) => ohneFlucht(p) && u25(p, tag);
    case 'alleinerziehend': return (p) => m.alleinerziehendCode(p) === 1;
    case 'frauen': return (p) => m.geschlechtCode(p) === 2;
    case 'maenner': return (p) => m.geschlechtCode(p) === 1;
  }
}
