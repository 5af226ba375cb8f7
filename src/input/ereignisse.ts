// `integrationen` → integrations and entries per person; `massnahmen` → measure periods per person.

import type { Ereignisse, Spanne } from '../core/ereignisse.js';
import { OFFEN } from '../core/kalender.js';
import type { PersonRegister, Zeitlinien } from '../core/zeitlinien.js';
import { integrationenSchema, massnahmenSchema } from './rollen.js';
import type { Leseergebnis, Tabelle } from './tabelle.js';
import { liesNebenher, type Nebenher } from './teilleser-start.js';

export interface IntegrationenErgebnis extends Leseergebnis {
  /** The file has a `kontinuierlich` column (K2E3 needs it). */
  kontinuierlichBekannt: boolean;
}

export async function leseIntegrationen(tabelle: Tabelle, register: PersonRegister, ereignisse: Ereignisse): Promise<IntegrationenErgebnis> {
  const e = await tabelle.lies(integrationenSchema(register), (z) => {
    ereignisse.hinzu(z.person_id, z.datum, z.art, z.kontinuierlich, z.bedarfsdeckend);
  });
  return { ...e, kontinuierlichBekannt: tabelle.kopf.includes('kontinuierlich') };
}

export interface MassnahmenErgebnis extends Leseergebnis {
  /** The earliest and latest start: the period the input observes. */
  spanne: Spanne | null;
}

/** Reads `massnahmen`; with `nebenher` a large file as `lesePersonen` reads one (its measures are then added after `vorher`). */
export function leseMassnahmen(tabelle: Tabelle, register: PersonRegister, massnahmen: Zeitlinien, nebenher?: Nebenher): Promise<MassnahmenErgebnis> {
  return liesNebenher(tabelle, 'massnahmen', register, nebenher, () => liesHier(tabelle, register, massnahmen), (g, nummer) => {
    massnahmen.uebernimm(g.laeufe!, nummer);
    return { spanne: g.spanne ?? null };
  });
}

async function liesHier(tabelle: Tabelle, register: PersonRegister, massnahmen: Zeitlinien): Promise<MassnahmenErgebnis> {
  let von = Infinity, bis = -Infinity;
  const e = await tabelle.lies(massnahmenSchema(register), (z) => {
    if (z.ende !== null && z.ende < z.beginn) return { spalte: 'ende', meldung: 'Spalte „ende“ liegt vor „beginn“; erwartet wird der letzte Tag der Teilnahme, leer für laufend.' };
    massnahmen.hinzu(z.person_id, z.beginn, z.ende ?? OFFEN);
    if (z.beginn < von) von = z.beginn;
    if (z.beginn > bis) bis = z.beginn;
  });
  return { ...e, spanne: Number.isFinite(von) ? { von, bis } : null };
}
