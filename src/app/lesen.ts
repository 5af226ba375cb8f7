// Reading an input for a use case: the settings of the call per role, and the rule that a file
// with problems stops the run (exit 65), naming them. `check` reads differently: it lists problems
// instead of stopping (src/app/check.ts).

import type { EingabeInfo, EingabeRolle, Kodierung, Trennzeichen } from '../core/modell.js';
import { KennzahlenFehler } from '../fehler.js';
import { datenFehler, type Leseergebnis, type LeseOptionen, type Tabelle, type Uebersprungen } from '../input/tabelle.js';
import type { Wertzuordnung } from '../input/werte.js';
import type { Blattwahl } from '../input/xlsx.js';
import type { Form } from '../input/breit.js';
import { standardDezimal, type Dezimal } from '../input/zellen.js';
import { anzahlText } from '../report/zahlen.js';
import type { Leser, Notizen } from './ergebnis.js';

/** How the inputs of a call are read: settings from flags or the config, else detected per file. */
export interface LeseAnfrage {
  trennzeichen?: Trennzeichen;
  kodierung?: Kodierung;
  dezimal?: Dezimal;
  /** The header's line in every CSV input (`--kopfzeile`); else found below any title lines. */
  kopfzeile?: number;
  /** Per role: the user's header → canonical column, or null for a column deliberately not read. */
  spalten: Partial<Record<EingabeRolle, Record<string, string | null>>>;
  /** Per role and column: the extract's own values → the values they mean. */
  werte: Partial<Record<EingabeRolle, Wertzuordnung>>;
  /** How Monatswerte are laid out (`--layout`): detected, or declared. */
  form?: Form;
  /** The sheet of every workbook input (`--blatt`); else per role (`blaetter` in the config); else the first. */
  blatt?: Blattwahl;
  blaetter: Partial<Record<EingabeRolle, Blattwahl>>;
  /** The config file the mapping comes from (named in messages). */
  konfiguration?: string;
  maxProbleme: number;
  threads: number;
}

export function leseOptionen(l: LeseAnfrage, rolle: EingabeRolle, maxProbleme = l.maxProbleme): LeseOptionen {
  return {
    trennzeichen: l.trennzeichen, kodierung: l.kodierung, kopfzeile: l.kopfzeile, spaltenzuordnung: l.spalten[rolle], werte: l.werte[rolle], konfiguration: l.konfiguration, maxProbleme,
    blatt: l.blatt ?? l.blaetter[rolle], dezimal: l.dezimal, form: l.form, threads: l.threads,
  };
}

/** The decimal mark: as given, else the point in comma-separated files and the comma elsewhere. */
export const dezimal = (l: LeseAnfrage, t: Tabelle): Dezimal => l.dezimal ?? standardDezimal(t.trennzeichen);

/** Rows of nothing but delimiters, as spreadsheets export formatted but unused rows. */
export const leereZeilenText = (n: number): string => `${anzahlText(n, 'eine Zeile', 'Zeilen')} ohne Inhalt übersprungen`;

/** What a BA table had around its data and was not read, for the notes and `check`. */
export function uebersprungenText(u: Uebersprungen): string {
  const teile = [
    ...(u.titelzeilen ? [`${anzahlText(u.titelzeilen, 'eine Titelzeile', 'Titelzeilen')} über der Kopfzeile (Zeile ${u.titelzeilen + 1})`] : []),
    ...(u.fussnotenAb !== null ? [`${anzahlText(u.fussnoten, 'eine Fußnotenzeile', 'Fußnotenzeilen')} ab Zeile ${u.fussnotenAb}`] : []),
  ];
  return `${teile.join(' und ')} übersprungen`;
}

/** Reads an input and records it in `eingaben`; its problems are the run's error. */
export async function liesEingabe<E extends Leseergebnis>(
  leser: Leser,
  notizen: Notizen,
  l: LeseAnfrage,
  rolle: EingabeRolle,
  datei: string,
  lies: (t: Tabelle) => Promise<E>,
  eingaben?: EingabeInfo[],
): Promise<E> {
  const ergebnis = await leser.tabelle(rolle, datei, leseOptionen(l, rolle), lies);
  if (ergebnis.probleme.length) {
    const f = datenFehler(datei, ...ergebnis.probleme);
    if (!ergebnis.abgebrochen) throw f;
    throw new KennzahlenFehler(f.art, f.message, f.probleme, `nach ${anzahlText(l.maxProbleme, 'einem Problem', 'Problemen')} abgebrochen; --max-errors N zeigt mehr, \`kennzahlen check\` listet alle Dateien.`);
  }
  if (ergebnis.leereZeilen) notizen.hinweis(`${datei}: ${leereZeilenText(ergebnis.leereZeilen)}`);
  if (ergebnis.uebersprungen) notizen.hinweis(`${datei}: ${uebersprungenText(ergebnis.uebersprungen)}`);
  eingaben?.push(ergebnis.info);
  return ergebnis;
}

/**
 * Reading settings that met no input they apply to: said, not silently dropped (a sheet named for
 * a CSV file, a layout without Monatswerte).
 */
export function wirkungslos(l: LeseAnfrage, eingaben: readonly EingabeInfo[]): string[] {
  const texte: string[] = [];
  const mappe = (e: EingabeInfo) => e.blatt !== undefined;
  if (l.blatt !== undefined && !eingaben.some(mappe)) texte.push(`--blatt ${l.blatt}: keine Eingabe ist eine Excel-Arbeitsmappe (.xlsx); die Angabe wirkt nicht.`);
  if (l.blatt === undefined) {
    for (const [rolle, blatt] of Object.entries(l.blaetter)) {
      const e = eingaben.find((e) => e.rolle === rolle);
      const wo = `„blaetter.${rolle}“ (${blatt}) in ${l.konfiguration ?? 'der Konfiguration'}`;
      if (!e) texte.push(`${wo}: keine Eingabe der Rolle ${rolle}; die Angabe wirkt nicht.`);
      else if (!mappe(e)) texte.push(`${wo}: ${e.datei} ist keine Excel-Arbeitsmappe; die Angabe wirkt nicht.`);
    }
  }
  // Encoding and delimiter are a CSV file's: a workbook has neither (JSON inputs do not count).
  const tabellen = eingaben.filter((e) => e.trennzeichen !== null);
  if (tabellen.length && tabellen.every(mappe)) {
    if (l.trennzeichen !== undefined) texte.push('--delimiter: gilt für CSV-Dateien, und keine Eingabe ist eine; die Angabe wirkt nicht.');
    if (l.kodierung !== undefined) texte.push('--encoding: gilt für CSV-Dateien, und keine Eingabe ist eine; die Angabe wirkt nicht.');
  }
  if (l.form !== undefined && l.form !== 'auto' && !eingaben.some((e) => e.rolle === 'monatswerte')) texte.push(`--layout ${l.form}: gilt für Monatswerte, und keine Eingabe ist eine; die Angabe wirkt nicht.`);
  return texte;
}
