// `personen` → person attributes for breakdowns.

import type { Merkmale, MerkmalSpalte } from '../core/merkmale.js';
import type { PersonRegister } from '../core/zeitlinien.js';
import { personenSchema } from './rollen.js';
import type { Leseergebnis, Tabelle } from './tabelle.js';
import { liesNebenher, type Nebenher } from './teilleser-start.js';

/**
 * Reads `personen`. With `nebenher`, a large file is read by a worker while this thread reads
 * `zeitraeume`, and its persons and attributes are taken over after that, as one reader would add them.
 */
export function lesePersonen(tabelle: Tabelle, register: PersonRegister, merkmale: Merkmale, nebenher?: Nebenher): Promise<Leseergebnis> {
  return liesNebenher(tabelle, 'personen', register, nebenher, () => liesHier(tabelle, register, merkmale), (g, nummer) => {
    merkmale.uebernimm(g.merkmale!, nummer);
    return {};
  });
}

async function liesHier(tabelle: Tabelle, register: PersonRegister, merkmale: Merkmale): Promise<Leseergebnis> {
  // An attribute counts as given when at least one person has a value: a column left empty
  // throughout is as good as missing, and a filter on it would exclude nobody.
  const bekannt = new Set<MerkmalSpalte>();
  const e = await tabelle.lies(personenSchema(register), (z) => {
    if (bekannt.size < SPALTEN.length) for (const s of SPALTEN) if (z[s] !== null) bekannt.add(s);
    const neu = merkmale.setze(z.person_id, {
      geschlecht: z.geschlecht,
      geburtsdatum: z.geburtsdatum,
      alleinerziehend: z.alleinerziehend,
      fluchtkontext: z.fluchtkontext,
    });
    if (!neu) return { spalte: 'person_id', meldung: `person_id „${register.id(z.person_id)}“ kommt doppelt vor; erwartet wird eine Zeile je Person.` };
  });
  for (const s of bekannt) merkmale.spalten.add(s);
  return e;
}

const SPALTEN = ['geschlecht', 'geburtsdatum', 'alleinerziehend', 'fluchtkontext'] as const satisfies readonly MerkmalSpalte[];
