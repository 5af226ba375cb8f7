// `monatswerte` → Monatswerte, e.g. from BA tables: `monat`, optional `gruppe`, the standard
// columns and the columns local goals use.

import { setze, type Monatswerte, type Reihe, type Wert } from '../core/monatswerte/monatswerte.js';
import { isoMonat } from '../core/kalender.js';
import { monatswerteSchema } from './rollen.js';
import type { Leseergebnis, Tabelle } from './tabelle.js';
import type { Dezimal } from './zellen.js';

export interface MonatswerteErgebnis extends Leseergebnis {
  monatswerte: Monatswerte;
  /** Header columns that were not read: neither standard nor named by a local goal. */
  ungelesen: string[];
}

export async function leseMonatswerte(tabelle: Tabelle, dezimal: Dezimal, zusatz: ReadonlySet<string> = new Set()): Promise<MonatswerteErgebnis> {
  const schema = monatswerteSchema(tabelle.kopf, dezimal, zusatz);
  const spalten = Object.keys(schema.spalten).filter((s) => s !== 'monat' && s !== 'gruppe');
  const ungelesen = tabelle.kopf.filter((s): s is string => Boolean(s) && !(s! in schema.spalten));
  const gruppen = new Map<string, Reihe>();
  const e = await tabelle.lies(schema, (z) => {
    const gruppe = z.gruppe as string;
    let reihe = gruppen.get(gruppe);
    if (!reihe) gruppen.set(gruppe, (reihe = new Map()));
    const monat = z.monat as number;
    if (reihe.has(monat)) return { spalte: 'monat', meldung: `Monat ${isoMonat(monat)} kommt für die Gruppe „${gruppe}“ doppelt vor; erwartet wird eine Zeile je Monat und Gruppe.` };
    // The month is there even when none of its columns is read.
    reihe.set(monat, new Map());
    for (const s of spalten) setze(reihe, monat, s, z[s] as Wert);
  });
  // Groups without a total are a breakdown alone (or another population, as `aggregate --filter`
  // writes it): indicators for the Jobcenter cannot come from them.
  if (!gruppen.has('gesamt') && gruppen.size && !e.probleme.length) {
    e.probleme.push({ datei: tabelle.datei, spaltenname: 'gruppe', meldung: `keine Zeilen der Gruppe „gesamt“ (oder „Insgesamt“); gefunden: ${[...gruppen.keys()].join(', ')}.`, erwartet: 'Zeilen mit gruppe leer, „gesamt“ oder „Insgesamt“ für das ganze Jobcenter' });
  }
  if (!gruppen.has('gesamt')) gruppen.set('gesamt', new Map());
  return { ...e, monatswerte: { spalten, gruppen }, ungelesen };
}
