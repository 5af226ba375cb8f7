// `personen` → person attributes for breakdowns.

import type { Merkmale } from '../core/merkmale.js';
import type { PersonRegister } from '../core/zeitlinien.js';
import { personenSchema } from './rollen.js';
import type { Leseergebnis, Tabelle } from './tabelle.js';

export async function lesePersonen(tabelle: Tabelle, register: PersonRegister, merkmale: Merkmale): Promise<Leseergebnis> {
  for (const s of ['geschlecht', 'geburtsdatum', 'alleinerziehend', 'fluchtkontext'] as const) if (tabelle.kopf.includes(s)) merkmale.spalten.add(s);
  return tabelle.lies(personenSchema(register), (z) => {
    const neu = merkmale.setze(z.person_id, {
      geschlecht: z.geschlecht,
      geburtsdatum: z.geburtsdatum,
      alleinerziehend: z.alleinerziehend,
      fluchtkontext: z.fluchtkontext,
    });
    if (!neu) return { spalte: 'person_id', meldung: `person_id „${register.id(z.person_id)}“ kommt doppelt vor; erwartet wird eine Zeile je Person.` };
  });
}
