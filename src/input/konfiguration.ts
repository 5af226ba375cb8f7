// `--config FILE`: a JSON file naming inputs, the Jobcenter, column mappings and settings. Flags
// win over it. Paths in it are relative to the file's own folder, so a config can travel with its
// data (and reports name them as `config-folder/file`, not by an absolute path); a config from
// standard input has no folder, so its paths are relative to the working folder. Unknown keys are
// errors: a typo must not silently fall back to a default.

import { dirname, isAbsolute, join } from 'node:path';
import { EINGABE_ROLLEN, type EingabeRolle } from '../core/modell.js';
import { KennzahlenFehler, type Problem } from '../fehler.js';
import { leseJson } from './json.js';
import { STDIN, type Standardeingabe } from './quelle.js';
import type { Wertzuordnung } from './werte.js';
import type { Blattwahl } from './xlsx.js';

export interface Konfiguration {
  datei: string;
  jobcenter?: string;
  eingaben: Partial<Record<EingabeRolle, string>>;
  /** Per role: the user's header → canonical column, or null for a column deliberately not read. */
  spalten: Partial<Record<EingabeRolle, Record<string, string | null>>>;
  /** Per role and column: the extract's value → the value it means. */
  werte: Partial<Record<EingabeRolle, Wertzuordnung>>;
  /** Per role: the sheet of its workbook (.xlsx), by name or position. */
  blaetter: Partial<Record<EingabeRolle, Blattwahl>>;
  /** The settings by their config key (the command line's option table names the keys). */
  einstellungen: Record<string, string | number>;
}

/** `einstellungen`: the keys allowed under "einstellungen". */
export async function leseKonfiguration(datei: string, stdin: Standardeingabe, einstellungen: readonly string[]): Promise<Konfiguration> {
  const { json } = await leseJson(datei, stdin, '--config', 'kennzahlen.json');
  const probleme: Problem[] = [];
  const falsch = (pfad: string, meldung: string) => probleme.push({ datei, meldung: `${pfad}: ${meldung}` });
  const istObjekt = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
  const ordner = datei === STDIN ? '.' : dirname(datei);
  const k: Konfiguration = { datei, eingaben: {}, spalten: {}, werte: {}, blaetter: {}, einstellungen: {} };

  if (!istObjekt(json)) {
    falsch('(oberste Ebene)', 'erwartet ein JSON-Objekt { … }');
    throw new KennzahlenFehler('eingabedaten', `${datei}: Konfiguration ungültig.`, probleme);
  }
  const rollen = EINGABE_ROLLEN as readonly string[];
  for (const [schluessel, wert] of Object.entries(json)) {
    switch (schluessel) {
      case 'jobcenter':
        if (typeof wert === 'string' && wert.trim()) k.jobcenter = wert.trim();
        else falsch('jobcenter', 'erwartet den Namen des Jobcenters als Text');
        break;
      case 'eingaben':
        if (!istObjekt(wert)) { falsch('eingaben', 'erwartet ein Objekt { "zeitraeume": "datei.csv", … }'); break; }
        for (const [rolle, pfad] of Object.entries(wert)) {
          if (!rollen.includes(rolle)) falsch(`eingaben.${rolle}`, `unbekannte Rolle; erlaubt: ${EINGABE_ROLLEN.join(', ')}`);
          else if (typeof pfad !== 'string' || !pfad) falsch(`eingaben.${rolle}`, 'erwartet einen Dateipfad als Text');
          else k.eingaben[rolle as EingabeRolle] = pfad === STDIN || isAbsolute(pfad) ? pfad : join(ordner, pfad);
        }
        break;
      case 'spalten':
        if (!istObjekt(wert)) { falsch('spalten', 'erwartet ein Objekt { "zeitraeume": { "Ihre Spalte": "person_id" } }'); break; }
        for (const [rolle, zuordnung] of Object.entries(wert)) {
          if (!rollen.includes(rolle)) { falsch(`spalten.${rolle}`, `unbekannte Rolle; erlaubt: ${EINGABE_ROLLEN.join(', ')}`); continue; }
          if (!istObjekt(zuordnung) || Object.values(zuordnung).some((v) => v !== null && (typeof v !== 'string' || !v.trim()))) {
            falsch(`spalten.${rolle}`, 'erwartet ein Objekt { "Ihre Spalte": "kanonischer_name" }, null für eine Spalte, die nicht gelesen werden soll');
            continue;
          }
          k.spalten[rolle as EingabeRolle] = zuordnung as Record<string, string | null>;
        }
        break;
      case 'werte':
        if (!istObjekt(wert)) { falsch('werte', 'erwartet ein Objekt { "zeitraeume": { "status": { "Sozialgeld": "NEF" } } }'); break; }
        for (const [rolle, spalten] of Object.entries(wert)) {
          if (!rollen.includes(rolle)) { falsch(`werte.${rolle}`, `unbekannte Rolle; erlaubt: ${EINGABE_ROLLEN.join(', ')}`); continue; }
          if (!istObjekt(spalten)) { falsch(`werte.${rolle}`, 'erwartet ein Objekt { "spalte": { "Wert im Extrakt": "Wert" } }'); continue; }
          const je: Wertzuordnung = {};
          for (const [spalte, zuordnung] of Object.entries(spalten)) {
            if (!istObjekt(zuordnung) || Object.values(zuordnung).some((v) => typeof v !== 'string' || !v.trim())) {
              falsch(`werte.${rolle}.${spalte}`, 'erwartet ein Objekt { "Wert im Extrakt": "Wert" } mit Texten als Werten');
              continue;
            }
            je[spalte.trim().toLowerCase()] = zuordnung as Record<string, string>;
          }
          k.werte[rolle as EingabeRolle] = je;
        }
        break;
      case 'blaetter':
        if (!istObjekt(wert)) { falsch('blaetter', 'erwartet ein Objekt { "monatswerte": "Blattname" } oder { "zeitraeume": 2 }'); break; }
        for (const [rolle, blatt] of Object.entries(wert)) {
          if (!rollen.includes(rolle)) falsch(`blaetter.${rolle}`, `unbekannte Rolle; erlaubt: ${EINGABE_ROLLEN.join(', ')}`);
          else if (typeof blatt === 'string' && blatt.trim()) k.blaetter[rolle as EingabeRolle] = blatt;
          else if (typeof blatt === 'number' && Number.isInteger(blatt) && blatt >= 1) k.blaetter[rolle as EingabeRolle] = blatt;
          else falsch(`blaetter.${rolle}`, 'erwartet den Namen eines Blatts als Text oder seine Nummer (1 = das erste)');
        }
        break;
      case 'einstellungen':
        if (!istObjekt(wert)) { falsch('einstellungen', 'erwartet ein Objekt'); break; }
        for (const [name, v] of Object.entries(wert)) {
          if (!einstellungen.includes(name)) falsch(`einstellungen.${name}`, `unbekannte Einstellung; erlaubt: ${einstellungen.join(', ')}`);
          else if (typeof v !== 'string' && typeof v !== 'number') falsch(`einstellungen.${name}`, 'erwartet eine Zahl oder einen Text');
          else k.einstellungen[name] = v;
        }
        break;
      default:
        falsch(schluessel, 'unbekannter Schlüssel; erlaubt: jobcenter, eingaben, spalten, werte, blaetter, einstellungen');
    }
  }
  if (probleme.length) throw new KennzahlenFehler('eingabedaten', `${datei}: Konfiguration ungültig.`, probleme);
  return k;
}
