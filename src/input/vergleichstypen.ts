// `vergleichstypen` → the Vergleichstyp, name and Land of each Jobcenter (docs/vertrag.md §3): one
// row per Jobcenter; a key twice, also twice but for leading zeros (Excel), is an error.

import { ohneFuehrendeNullen } from '../core/abgleich.js';
import { vergleichstypenSchema } from './rollen.js';
import type { Leseergebnis, Tabelle } from './tabelle.js';

export interface Zuordnung {
  vergleichstyp: string;
  name: string | null;
  land: string | null;
}

export interface VergleichstypenErgebnis extends Leseergebnis {
  typen: Map<string, Zuordnung>;
}

export async function leseVergleichstypen(tabelle: Tabelle): Promise<VergleichstypenErgebnis> {
  const typen = new Map<string, Zuordnung>();
  const zeileVon = new Map<string, number>();
  const kerne = new Map<string, string>();
  const e = await tabelle.lies(vergleichstypenSchema(), (z, nr) => {
    const k = z.regionalschluessel;
    const schon = zeileVon.get(k);
    if (schon !== undefined) return { spalte: 'regionalschluessel', meldung: `Jobcenter „${k}“ steht zweimal, in Zeile ${schon} und ${nr}; erwartet wird eine Zeile je Jobcenter.` };
    const anderer = kerne.get(ohneFuehrendeNullen(k));
    if (anderer !== undefined) return { spalte: 'regionalschluessel', meldung: `„${anderer}“ und „${k}“ unterscheiden sich nur in führenden Nullen, sind also wohl ein Jobcenter, dessen Schlüssel Excel als Zahl gelesen hat.` };
    zeileVon.set(k, nr);
    kerne.set(ohneFuehrendeNullen(k), k);
    typen.set(k, { vergleichstyp: z.vergleichstyp, name: z.name || null, land: z.land || null });
  });
  return { ...e, typen };
}
