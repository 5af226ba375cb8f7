// `ziele` (JSON, docs/vertrag.md §5): the targets of one year. Every problem names the entry and the key,
// e.g. `ziele[3].hoechstens: erwartet eine Zahl`, and the file exits 65 as a whole.

import { KennzahlenFehler, type Problem } from '../fehler.js';
import { FILTER, type Filter } from '../core/filter.js';
import { definitionen } from '../core/kennzahlen/definitionen.js';
import type { Aggregation, Grenze, ZielDefinition, Zielvorgabe } from '../core/ziele/ziele.js';
import { leseJson } from './json.js';
import type { Standardeingabe } from './quelle.js';
import { gemeinteSpalte, normiereName } from './spalten.js';
import { numerus, type EingabeInfo } from '../core/modell.js';

const KENNZAHLEN = definitionen().map((d) => d.id);
const GRENZEN = ['veraenderung', 'mindestens', 'hoechstens'] as const;
const AGGREGATIONEN: Aggregation[] = ['summe', 'durchschnitt', 'stand'];
const SCHLUESSEL = {
  kennzahl: ['kennzahl', 'filter', 'id', 'name', ...GRENZEN],
  quote: ['id', 'name', 'zaehler', 'nenner', 'aggregation', ...GRENZEN],
  anzahl: ['id', 'name', 'wert', 'aggregation', ...GRENZEN],
};

const istObjekt = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

/** Checks a parsed `ziele` document; returns the targets or the list of problems. */
export function pruefeZiele(json: unknown, datei: string): { vorgabe: Zielvorgabe } | { probleme: Problem[] } {
  const probleme: Problem[] = [];
  const falsch = (pfad: string, meldung: string) => probleme.push({ datei, spaltenname: pfad, meldung: `${pfad}: ${meldung}` });
  if (!istObjekt(json)) return { probleme: [{ datei, meldung: 'erwartet ein JSON-Objekt { "jahr": …, "ziele": [ … ] }' }] };

  for (const k of Object.keys(json)) if (!['jahr', 'jobcenter', 'ziele'].includes(k)) falsch(k, 'unbekannter Schlüssel; erlaubt: jahr, jobcenter, ziele');
  const jahr = json.jahr;
  if (typeof jahr !== 'number' || !Number.isInteger(jahr) || jahr < 2005 || jahr > 2199) falsch('jahr', `erwartet ein Jahr wie 2017, nicht ${JSON.stringify(jahr)}`);
  const jobcenter = json.jobcenter;
  if (jobcenter !== undefined && typeof jobcenter !== 'string') falsch('jobcenter', 'erwartet einen Text');
  if (!Array.isArray(json.ziele)) falsch('ziele', 'erwartet eine Liste [ { … }, … ]');

  const ziele: ZielDefinition[] = [];
  const ids = new Set<string>();
  (Array.isArray(json.ziele) ? json.ziele : []).forEach((e: unknown, i: number) => {
    const pfad = `ziele[${i}]`;
    if (!istObjekt(e)) return void falsch(pfad, 'erwartet ein Objekt');
    const art = 'kennzahl' in e ? 'kennzahl' : 'zaehler' in e || 'nenner' in e ? 'quote' : 'wert' in e ? 'anzahl' : null;
    if (!art) return void falsch(pfad, 'erwartet "kennzahl" (K1 … K3E4), "zaehler" und "nenner" (lokale Quote) oder "wert" (lokale Anzahl)');
    const vorher = probleme.length;
    for (const k of Object.keys(e)) if (!SCHLUESSEL[art].includes(k)) falsch(`${pfad}.${k}`, `unbekannter Schlüssel; erlaubt: ${SCHLUESSEL[art].join(', ')}`);
    const text = (k: string, pflicht: boolean): string | undefined => {
      const v = e[k];
      if (v === undefined && !pflicht) return undefined;
      if (typeof v !== 'string' || !v.trim()) return void falsch(`${pfad}.${k}`, 'erwartet einen nicht leeren Text');
      return v.trim();
    };
    const grenzen = GRENZEN.filter((g) => g in e);
    if (grenzen.length !== 1) falsch(pfad, `erwartet genau eine Grenze: ${GRENZEN.join(', ')}${grenzen.length ? ` (gefunden: ${grenzen.join(', ')})` : ''}`);
    const g = grenzen[0];
    if (g && (typeof e[g] !== 'number' || !Number.isFinite(e[g]))) falsch(`${pfad}.${g}`, `erwartet eine Zahl, nicht ${JSON.stringify(e[g])}`);
    const grenze: Grenze = { art: g ?? 'mindestens', wert: e[g ?? 'mindestens'] as number };

    let ziel: ZielDefinition | undefined;
    if (art === 'kennzahl') {
      const kennzahl = text('kennzahl', true)?.toUpperCase();
      if (kennzahl && !KENNZAHLEN.includes(kennzahl)) falsch(`${pfad}.kennzahl`, `unbekannte Kennzahl „${kennzahl}“; erlaubt: ${KENNZAHLEN.join(', ')}`);
      const filter = text('filter', false);
      if (filter && !(FILTER as readonly string[]).includes(filter)) falsch(`${pfad}.filter`, `unbekannter Filter „${filter}“; erlaubt: ${FILTER.join(', ')}`);
      const id = text('id', false) ?? (filter ? `${kennzahl}_${filter}` : kennzahl);
      ziel = { art, id: id!, name: text('name', false) ?? id!, kennzahl: kennzahl!, filter: (filter as Filter) ?? null, grenze };
    } else {
      const id = text('id', true), name = text('name', false) ?? id;
      // Column names as the table's header is read: case and surrounding blanks do not matter.
      const spalte = (k: string) => normiereName(text(k, true) ?? '');
      const aggregation = text('aggregation', true) as Aggregation | undefined;
      if (aggregation && !AGGREGATIONEN.includes(aggregation)) falsch(`${pfad}.aggregation`, `erwartet ${AGGREGATIONEN.join(', ')}, nicht „${aggregation}“`);
      ziel =
        art === 'quote'
          ? { art, id: id!, name: name!, zaehler: spalte('zaehler'), nenner: spalte('nenner'), aggregation: aggregation!, grenze }
          : { art, id: id!, name: name!, wert: spalte('wert'), aggregation: aggregation!, grenze };
    }
    if (ids.has(ziel.id)) falsch(`${pfad}.id`, `„${ziel.id}“ kommt doppelt vor; jede Zeile braucht eine eigene id`);
    ids.add(ziel.id);
    if (probleme.length === vorher) ziele.push(ziel);
  });
  if (probleme.length) return { probleme };
  return { vorgabe: { jahr: jahr as number, jobcenter: (jobcenter as string | undefined) ?? null, ziele } };
}

export async function leseZiele(datei: string, stdin: Standardeingabe): Promise<{ vorgabe: Zielvorgabe; info: EingabeInfo }> {
  const { json, sha256, kodierung } = await leseJson(datei, stdin, '--ziele', 'ziele.json');
  const ergebnis = pruefeZiele(json, datei);
  if ('probleme' in ergebnis) {
    const n = ergebnis.probleme.length;
    throw new KennzahlenFehler('eingabedaten', `${datei}: ${numerus(n, 'ein Problem', `${n} Probleme`)} in den Zielen.`, ergebnis.probleme);
  }
  const info: EingabeInfo = { rolle: 'ziele', datei, zeilen: ergebnis.vorgabe.ziele.length, sha256, kodierung, trennzeichen: null };
  return { vorgabe: ergebnis.vorgabe, info };
}

/**
 * Every column a local goal names must exist in the Monatswerte (`vorhanden`); a typo would leave
 * the target not computable for a reason nobody sees coming. `weitere`: header columns that were
 * not read, where the meant column often is.
 */
export function pruefeZielSpalten(vorgabe: Zielvorgabe, datei: string, vorhanden: ReadonlySet<string>, weitere: readonly string[] = []): Problem[] {
  const probleme: Problem[] = [];
  vorgabe.ziele.forEach((z, i) => {
    const namen: [string, string][] = z.art === 'quote' ? [['zaehler', z.zaehler], ['nenner', z.nenner]] : z.art === 'anzahl' ? [['wert', z.wert]] : [];
    for (const [schluessel, spalte] of namen) {
      if (vorhanden.has(spalte)) continue;
      const gemeint = gemeinteSpalte(spalte, [...vorhanden, ...weitere]);
      probleme.push({
        datei, spaltenname: `ziele[${i}].${schluessel}`, wert: spalte,
        erwartet: `eine Spalte der Monatswerte${vorhanden.size ? `: ${[...vorhanden].join(', ')}` : ''}`,
        meldung: `ziele[${i}].${schluessel} (Ziel ${z.id}): die Spalte „${spalte}“ gibt es in keiner Eingabe${gemeint ? `; gemeint ist wohl „${gemeint}“` : ''}.`,
      });
    }
  });
  return probleme;
}
