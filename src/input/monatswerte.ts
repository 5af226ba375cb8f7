// `monatswerte` → Monatswerte, e.g. from BA tables: `monat`, optional `gruppe`, any numeric columns.

import { setze, type Monatswerte, type Reihe, type Wert } from '../core/monatswerte/monatswerte.js';
import { isoMonat } from '../core/kalender.js';
import { monatswerteSchema } from './rollen.js';
import type { Leseergebnis, Tabelle } from './tabelle.js';
import type { Dezimal } from './zellen.js';

export interface MonatswerteErgebnis extends Leseergebnis {
  monatswerte: Monatswerte;
}

export async function leseMonatswerte(tabelle: Tabelle, dezimal: Dezimal): Promise<MonatswerteErgebnis> {
  const schema = monatswerteSchema(tabelle.kopf, dezimal);
  const spalten = Object.keys(schema.spalten).filter((s) => s !== 'monat' && s !== 'gruppe');
  const gruppen = new Map<string, Reihe>();
  const e = await tabelle.lies(schema, (z) => {
    const gruppe = z.gruppe as string;
    let reihe = gruppen.get(gruppe);
    if (!reihe) gruppen.set(gruppe, (reihe = new Map()));
    const monat = z.monat as number;
    if (reihe.has(monat)) return { spalte: 'monat', meldung: `Monat ${isoMonat(monat)} kommt für die Gruppe „${gruppe}“ doppelt vor; erwartet wird eine Zeile je Monat und Gruppe.` };
    for (const s of spalten) setze(reihe, monat, s, z[s] as Wert);
  });
  if (!gruppen.has('gesamt')) gruppen.set('gesamt', new Map());
  return { ...e, monatswerte: { spalten, gruppen } };
}
