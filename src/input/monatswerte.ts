// `monatswerte` → Monatswerte, e.g. from BA tables: `monat`, optional `gruppe`, the standard
// columns and the columns local goals use.

import { setze, type Monatswerte, type Reihe, type Wert } from '../core/monatswerte/monatswerte.js';
import { ohneFuehrendeNullen } from '../core/abgleich.js';
import { isoMonat } from '../core/kalender.js';
import { leererSchluessel } from './breit.js';
import { monatswerteSchema, regionSpalte } from './rollen.js';
import type { Leseergebnis, Tabelle } from './tabelle.js';
import type { Dezimal } from './zellen.js';

export interface MonatswerteErgebnis extends Leseergebnis {
  /** The Monatswerte of the table, or of its chosen region; empty when a region must be chosen. */
  monatswerte: Monatswerte;
  /** Header columns that were not read: neither standard nor named by a local goal. */
  ungelesen: string[];
  /** The region column's header and its keys in the order met; null for a table of one Jobcenter. */
  regionen: { spalte: string; schluessel: string[] } | null;
  /** Every region's groups (a table of one Jobcenter: under the key ''), for a comparison. */
  alleRegionen: ReadonlyMap<string, ReadonlyMap<string, Reihe>>;
}

/**
 * `region`: the key of the Jobcenter whose rows count, for a table of several (a region column,
 * src/input/rollen.ts). Rows of other regions are read and checked like the rest, so `check` sees
 * the whole file, but they feed nothing.
 */
export async function leseMonatswerte(tabelle: Tabelle, dezimal: Dezimal, zusatz: ReadonlySet<string> = new Set(), region: string | null = null): Promise<MonatswerteErgebnis> {
  const schema = monatswerteSchema(tabelle.kopf, dezimal, zusatz);
  const regionSpalteName = regionSpalte(tabelle.kopf, zusatz);
  const spalten = Object.keys(schema.spalten).filter((s) => s !== 'monat' && s !== 'gruppe' && s !== regionSpalteName);
  const ungelesen = tabelle.kopf.filter((s): s is string => Boolean(s) && !(s! in schema.spalten));
  const jeRegion = new Map<string, Map<string, Reihe>>();
  const e = await tabelle.lies(schema, (z) => {
    const r = regionSpalteName ? (z[regionSpalteName] as string) : '';
    // A key left empty is no Jobcenter of its own: in a sheet it is mostly a merged cell, whose value Excel keeps in its first row only.
    if (regionSpalteName && r === '') return { spalte: regionSpalteName, meldung: leererSchluessel(regionSpalteName) };
    let gruppen = jeRegion.get(r);
    if (!gruppen) jeRegion.set(r, (gruppen = new Map()));
    const gruppe = z.gruppe as string;
    let reihe = gruppen.get(gruppe);
    if (!reihe) gruppen.set(gruppe, (reihe = new Map()));
    const monat = z.monat as number;
    const wo = regionSpalteName ? ` in der Region „${r}“` : '';
    if (reihe.has(monat)) return { spalte: 'monat', meldung: `Monat ${isoMonat(monat)} kommt für die Gruppe „${gruppe}“${wo} doppelt vor; erwartet wird eine Zeile je Monat und Gruppe.` };
    // The month is there even when none of its columns is read.
    reihe.set(monat, new Map());
    for (const sp of spalten) setze(reihe, monat, sp, z[sp] as Wert);
  });
  const regionen = regionSpalteName ? { spalte: regionSpalteName, schluessel: [...jeRegion.keys()] } : null;
  // Excel turns 05111 into 5111 in the rows it took for numbers: one Jobcenter under two keys,
  // of which --jobcenter would count only part (the rest silently left out).
  const ohneNullen = new Map<string, string>();
  for (const k of regionen?.schluessel ?? []) {
    const kern = ohneFuehrendeNullen(k);
    const anderer = ohneNullen.get(kern);
    if (anderer === undefined) ohneNullen.set(kern, k);
    else {
      e.probleme.push({
        datei: tabelle.datei, spaltenname: regionen!.spalte,
        meldung: `Spalte „${regionen!.spalte}“: „${anderer}“ und „${k}“ unterscheiden sich nur in führenden Nullen, sind also wohl ein Jobcenter, dessen Schlüssel Excel in einem Teil der Zeilen als Zahl gelesen hat.`,
        erwartet: 'jeder Schlüssel in allen Zeilen gleich geschrieben, mit führenden Nullen (in Excel die Spalte als Text formatieren)',
      });
    }
  }
  // One region is the table's; of several, only the one chosen (none chosen: nothing, the caller says so).
  const gewaehlt = !regionen ? jeRegion.get('') : region !== null ? jeRegion.get(region) : regionen.schluessel.length === 1 ? jeRegion.get(regionen.schluessel[0]) : undefined;
  const gruppen = gewaehlt ?? new Map<string, Reihe>();
  // Groups without a total are a breakdown alone (or another population, as `aggregate --filter`
  // writes it): indicators for the Jobcenter cannot come from them.
  // With a region chosen, only its rows feed the report: another region's gaps are not its concern.
  for (const [r, g] of jeRegion) {
    if (regionen && region !== null && r !== region) continue;
    if (!g.has('gesamt') && g.size && !e.probleme.length) {
      e.probleme.push({ datei: tabelle.datei, spaltenname: 'gruppe', meldung: `keine Zeilen der Gruppe „gesamt“ (oder „Insgesamt“)${regionen ? ` in der Region „${r}“` : ''}; gefunden: ${[...g.keys()].join(', ')}.`, erwartet: 'Zeilen mit gruppe leer, „gesamt“ oder „Insgesamt“ für das ganze Jobcenter' });
    }
  }
  if (!gruppen.has('gesamt')) gruppen.set('gesamt', new Map());
  return { ...e, monatswerte: { spalten, gruppen }, ungelesen, regionen, alleRegionen: jeRegion };
}
