// Reading one CSV input: encoding and delimiter are settled once (`oeffneTabelle`), then one
// streaming pass (`lies`) hashes the bytes and feeds each row, through the byte scanner where the
// file allows and through csv-parse otherwise, to the row validator, which types it by the role's
// schema and hands it to the caller. Nothing per row is kept here, so memory stays flat.

import { KennzahlenFehler, type Problem } from '../fehler.js';
import type { EingabeInfo, Kodierung, Trennzeichen } from '../core/modell.js';
import { scanne, type Bereich } from './bytescanner.js';
import type { CsvError } from 'csv-parse';
import { createHash, type Hash } from 'node:crypto';
import { csvProblem, kopfFelder, liesMitCsvParse } from './csvparser.js';
import { breiteTabelle, KEINE_MONATSSPALTEN, waehleKopf, type Form, type Rohzeile } from './breit.js';
import { erkenneBom, utf8Teile } from './dekodierung.js';
import { KOPF_SUCHE } from './balayout.js';
import { erkenneKodierung, erkenneTrennzeichen, erstesStueck, ersteZeilen, fremdesFormat, istZip, type TabellenFormat } from './format.js';
import { oeffneMappe } from './mappe.js';
import type { Blattwahl } from './xlsx.js';
import type { Bytequelle } from './quelle.js';
import { TEILUNG, waermeTeilleserVor } from './teilleser-start.js';
import { mitWertzuordnung, type Wertzuordnung } from './werte.js';
import type { Dezimal } from './zellen.js';
import { normiereName, pruefeKopf, type KopfErgebnis, type Zuordnung } from './spalten.js';
import { Problemliste, Zeilenpruefung, type SchnelleZeile, type Schema, type Spalten, type Zeile, type ZeilenProblem } from './zeilen.js';

export interface LeseOptionen {
  trennzeichen?: Trennzeichen;
  kodierung?: Kodierung;
  /** The user's own header → canonical column name; null: a column deliberately not read. */
  spaltenzuordnung?: Record<string, string | null>;
  /** The config file the mapping comes from (named in messages). */
  konfiguration?: string;
  /** The extract's own values of a column → the values they mean (`werte` in the config). */
  werte?: Wertzuordnung;
  /** Stop reading a file after this many problems. */
  maxProbleme: number;
  /** Threads the reading may use (default 2): with one, no worker is started ahead. */
  threads?: number;
  /** Told the bytes read so far during the main pass (for a progress bar). */
  fortschritt?: (gelesen: number) => void;
  /** The header's line (1-based), as `--kopfzeile` gives it; else it is found below any title lines. */
  kopfzeile?: number;
  /** How Monatswerte are laid out: detected, one row per month, or one column per month. */
  form?: Form;
  /** The sheet of a workbook (.xlsx); the first without. */
  blatt?: Blattwahl;
  /** The decimal mark a workbook's number cells are written with for the schemas (as `--decimal` says, else the comma). */
  dezimal?: Dezimal;
  /** `allgemein` always reads through csv-parse; the default takes the byte scanner where the file allows. */
  leser?: 'auto' | 'allgemein';
}

export interface Tabelle {
  readonly datei: string;
  readonly kodierung: Kodierung;
  readonly trennzeichen: Trennzeichen;
  /** UTF-8 without quotes and with one kind of line end: the byte scanner can read it. */
  readonly einfach: boolean;
  /** Canonical (mapped, lower-case, trimmed) header names; null for a column the config ignores. */
  readonly kopf: readonly (string | null)[];
  lies<S extends Spalten>(schema: Schema<S>, verarbeite: (zeile: Zeile<S>, nr: number) => ZeilenProblem | void, schnell?: SchnelleZeile<S>, bereich?: Bereich): Promise<Leseergebnis>;
  /** Everything a worker needs to read a part of the same file the same way. */
  readonly format: TabellenFormat;
  readonly quelle: Bytequelle;
}

export interface Leseergebnis {
  info: EingabeInfo;
  /** Rows whose every field is empty (a spreadsheet's formatted but unused rows): skipped. */
  leereZeilen: number;
  /** Lines of the part read, empty ones and the header included (to number the lines of a later part). */
  zeilenImBereich?: number;
  probleme: Problem[];
  /** More problems than `maxProbleme`: reading stopped early. */
  abgebrochen: boolean;
  /** What a BA table has around its data and was not read: title lines and the footnote block. */
  uebersprungen?: Uebersprungen;
}

export interface Uebersprungen {
  /** Lines above the header (titles, blanks); the header is line `titelzeilen + 1`. */
  titelzeilen: number;
  /** The first line of the footnote block, and how many lines it has; null without one. */
  fussnotenAb: number | null;
  fussnoten: number;
}

export async function oeffneTabelle(quelle: Bytequelle, rolle: string, opt: LeseOptionen): Promise<Tabelle> {
  const datei = quelle.datei;
  const erstes = await erstesStueck(quelle);
  const bom = erkenneBom(erstes);
  if (bom && (bom.kodierung === 'utf16be' || bom.kodierung === 'utf32')) {
    throw datenFehler(datei, { datei, zeile: 1, meldung: `Kodierung ${bom.kodierung.toUpperCase()} wird nicht unterstützt; bitte als UTF-8 oder Windows-1252 speichern.` });
  }
  const fremd = bom ? null : fremdesFormat(erstes);
  if (fremd && istZip(erstes)) return oeffneMappe(quelle, rolle, opt);
  if (fremd) {
    throw datenFehler(datei, {
      datei, zeile: 1,
      meldung: `weder CSV noch .xlsx, sondern ${fremd}. Abhilfe: in Excel ${fremd.includes('Kennwort') ? 'das Kennwort entfernen und ' : ''}„Speichern unter“ › „Excel-Arbeitsmappe (.xlsx)“ oder „CSV UTF-8 (durch Trennzeichen getrennt)“ wählen und diese Datei angeben.`,
      erwartet: 'eine .xlsx-Arbeitsmappe oder Text mit einer Kopfzeile und Zeilen, getrennt durch ;, Komma oder Tab',
    });
  }
  // A large monthly stock is likely read by two threads: the second starts while its bytes are checked.
  // (A header naming `beginn` is of periods, which one thread reads.)
  if (rolle === 'zeitraeume' && (opt.threads ?? 2) > 1 && (quelle.groesse ?? 0) >= TEILUNG.ab && quelle.pruefsumme && !/beginn/i.test(erstes.subarray(0, erstes.indexOf(0x0a) >>> 0).toString('latin1'))) waermeTeilleserVor();
  const { kodierung, einfach, crlf } = await erkenneKodierung(quelle, erstes, bom ? (bom.kodierung as Kodierung) : null, opt);
  const bomLaenge = bom && bom.kodierung === kodierung ? bom.laenge : 0;

  const zuordnung = zuordnungVon(opt);
  const zeilen = ersteZeilen(erstes, kodierung, bomLaenge, Math.max(KOPF_SUCHE, opt.kopfzeile ?? 0), erstes.length === quelle.groesse);
  const kopf = await findeKopfzeile(zeilen, rolle, zuordnung, opt, datei);
  const kopfzeile = zeilen[kopf.index];
  // A named line of nothing but delimiters is as empty as a blank one (a BA table's spacer row).
  if (kopfzeile.trim() === '' || (opt.kopfzeile !== undefined && kopf.felder.every((f) => f.trim() === ''))) {
    const meldung = opt.kopfzeile === undefined
      ? 'Die Datei ist leer oder beginnt mit einer Leerzeile; erwartet wird eine Kopfzeile mit den Spaltennamen.'
      : `Zeile ${opt.kopfzeile} (--kopfzeile) ist leer; erwartet wird dort die Kopfzeile mit den Spaltennamen.`;
    throw datenFehler(datei, { datei, zeile: kopf.index + 1, meldung });
  }
  const trennzeichen = kopf.trennzeichen;
  const roherKopf = kopf.felder;
  if (kopf.breit) {
    const hash = createHash('sha256');
    return breiteTabelle({
      quelle, rolle, opt, basis: { kodierung, trennzeichen, bomLaenge, crlf }, kopfzeile: kopf.index + 1, kopf: roherKopf,
      zeilen: csvZeilen(quelle, kodierung, bomLaenge, trennzeichen, kopf.index + 1, hash), pruefsumme: async () => hash.digest('hex'),
    });
  }
  return tabelleAus(quelle, rolle, { kodierung, trennzeichen, bomLaenge, kopf: kanonischerKopf(roherKopf, zuordnung), kopfzeile: kopf.index + 1, roherKopf, zuordnung, konfiguration: opt.konfiguration, werte: opt.werte, maxProbleme: opt.maxProbleme, einfach, crlf }, opt.fortschritt);
}

/** The config's mapping as pairs (from → to). */
export const zuordnungVon = (opt: LeseOptionen): Zuordnung[] => Object.entries(opt.spaltenzuordnung ?? {}).map(([von, nach]) => ({ von, nach }));

/** The header's names as the schemas know them: mapped by the config, else normalised. */
export function kanonischerKopf(roherKopf: readonly string[], zuordnung: readonly Zuordnung[]): (string | null)[] {
  return roherKopf.map(kanonisierer(zuordnung));
}

/** One name after the mapping, as `kanonischerKopf` maps a header's: made once for many names (a wide table's rows). */
export function kanonisierer(zuordnung: readonly Zuordnung[]): (name: string) => string | null {
  const nachName = new Map(zuordnung.map((z) => [normiereName(z.von), z.nach === null ? null : normiereName(z.nach)]));
  return (n) => {
    const normiert = normiereName(n);
    return nachName.has(normiert) ? nachName.get(normiert)! : normiert;
  };
}

/**
 * The header line: the one `--kopfzeile` names, else the first of the first lines that names the
 * role's columns (below a BA table's title lines), else the first line, read as before, so a
 * file with a broken header gets the same messages it always got.
 */
async function findeKopfzeile(zeilen: readonly string[], rolle: string, zuordnung: readonly Zuordnung[], opt: LeseOptionen, datei: string): Promise<{ index: number; trennzeichen: Trennzeichen; felder: string[]; breit: boolean }> {
  const gelesen = async (index: number) => {
    const trennzeichen = opt.trennzeichen ?? erkenneTrennzeichen(zeilen[index]);
    return { index, trennzeichen, felder: await kopfFelder(zeilen[index], trennzeichen, datei, index + 1) };
  };
  const sicher = async (index: number, breit: boolean) => {
    const k = await gelesen(index);
    if (!Array.isArray(k.felder)) throw datenFehler(datei, k.felder);
    return { ...k, felder: k.felder, breit };
  };
  if (opt.kopfzeile !== undefined && opt.kopfzeile > zeilen.length) {
    throw datenFehler(datei, { datei, zeile: opt.kopfzeile, meldung: `Kopfzeile ${opt.kopfzeile} (--kopfzeile) gibt es nicht; am Anfang der Datei stehen nur ${zeilen.length} Zeilen.`, erwartet: `eine Zeile von 1 bis ${zeilen.length}` });
  }
  const form = opt.form ?? 'auto';
  const k = await waehleKopf(zeilen.length, async (i) => {
    const k = await gelesen(i);
    return Array.isArray(k.felder) ? k.felder : null;
  }, rolle, zuordnung, form, opt.kopfzeile);
  if (form === 'breit' && rolle === 'monatswerte' && !k.breit) throw datenFehler(datei, { datei, zeile: opt.kopfzeile, meldung: `${KEINE_MONATSSPALTEN}.` });
  return sicher(k.index ?? 0, k.breit);
}

/** The rows of a (small) CSV table below its header as text, with their line numbers; hashes the bytes on the way. */
async function* csvZeilen(quelle: Bytequelle, kodierung: Kodierung, bomLaenge: number, trennzeichen: Trennzeichen, kopfzeile: number, hash: Hash): AsyncGenerator<Rohzeile> {
  const teile: Buffer[] = [];
  for await (const teil of utf8Teile(quelle, kodierung, bomLaenge, (t) => hash.update(t))) teile.push(teil);
  const { parse } = await import('csv-parse/sync');
  let saetze: { record: string[]; info: { lines: number } }[];
  try {
    saetze = parse(Buffer.concat(teile).toString('utf8'), { delimiter: trennzeichen, relax_column_count: true, relax_quotes: true, info: true, skip_empty_lines: false }) as unknown as typeof saetze;
  } catch (e) {
    throw datenFehler(quelle.datei, csvProblem(quelle.datei, e as CsvError));
  }
  for (const s of saetze) if (s.info.lines > kopfzeile) yield { nr: s.info.lines, felder: s.record };
}

/** A table of a known format (from `oeffneTabelle`, or sent to a worker). */
export function tabelleAus(quelle: Bytequelle, rolle: string, format: TabellenFormat, fortschritt?: (gelesen: number) => void): Tabelle {
  return {
    datei: quelle.datei,
    kodierung: format.kodierung,
    trennzeichen: format.trennzeichen,
    einfach: format.einfach,
    kopf: format.kopf,
    format,
    quelle,
    lies: (schema, verarbeite, schnell, bereich) =>
      liesDaten(quelle, rolle, format, schema, bereich, async (pruefung) => {
        const p = new Zeilenpruefung(quelle.datei, format, pruefung.schema, pruefung.kopf, verarbeite, schnell);
        const gescannt = format.einfach ? await scanne(quelle, format, p, bereich, fortschritt) : { sha256: await liesMitCsvParse(quelle, format, p, fortschritt), zeilen: undefined };
        return { pruefung: p, ...gescannt };
      }),
  };
}

/** What the engine of a format is given to read the rows: the schema with the value mapping, and the checked header. */
export interface Speisung<S extends Spalten> {
  schema: Schema<S>;
  kopf: KopfErgebnis;
}

/** An engine's reading: the row validator it fed, the file's SHA-256, and the lines of a part read. */
export interface Gespeist<S extends Spalten> {
  pruefung: Zeilenpruefung<S>;
  sha256: string;
  zeilen?: number;
}

/**
 * One reading of a table whatever its format: the header checked against the schema, then the
 * engine (`speise`) feeds every row to one row validator, and what it found becomes the result.
 */
export async function liesDaten<S extends Spalten>(
  quelle: Bytequelle,
  rolle: string,
  f: TabellenFormat,
  eigenesSchema: Schema<S>,
  bereich: Bereich | undefined,
  speise: (s: Speisung<S>) => Promise<Gespeist<S>>,
): Promise<Leseergebnis> {
  const datei = quelle.datei;
  const { schema, probleme: zuordnungsProbleme, ungedeckt } = mitWertzuordnung(eigenesSchema, f.werte, datei, f.konfiguration, f.zuordnung);
  // In a workbook a problem's place is a cell of its sheet (`Tabelle1!C17`).
  const mitBlatt = (probleme: Problem[]) => (f.blatt === undefined ? probleme : probleme.map((p) => (p.datei === datei ? { ...p, blatt: f.blatt } : p)));
  const info = (zeilen: number, sha256: string): EingabeInfo => ({ rolle, datei, zeilen, sha256, kodierung: f.kodierung, trennzeichen: f.trennzeichen, ...(f.blatt !== undefined ? { blatt: f.blatt } : {}) });

  // Column positions, and the header problems that make the rows unreadable. A part that does not
  // start the file leaves them to the part that does, which reads the same header.
  const namen = Object.keys(schema.spalten);
  const kp = pruefeKopf(f, { rolle, spalten: namen, pflicht: namen.filter((n) => schema.spalten[n].pflicht), offen: schema.offen }, datei);
  if (kp.probleme.length || zuordnungsProbleme.length) {
    const kopfProbleme = new Problemliste(f.maxProbleme);
    if (!bereich || bereich.von === 0) [...kp.probleme, ...zuordnungsProbleme].forEach((p) => kopfProbleme.melde(p));
    return { info: info(0, ''), leereZeilen: 0, probleme: mitBlatt(kopfProbleme.probleme), abgebrochen: kopfProbleme.abgebrochen };
  }

  const { pruefung, ...gescannt } = await speise({ schema, kopf: kp });
  pruefung.ende();
  ungedeckt().forEach((p) => pruefung.melde(p));
  // Title lines belong to the part that starts the file.
  const titelzeilen = !bereich || bereich.von === 0 ? f.kopfzeile - 1 : 0;
  const fussnotenAb = pruefung.fussnotenAb;
  const uebersprungen = titelzeilen || fussnotenAb !== null ? { titelzeilen, fussnotenAb, fussnoten: fussnotenAb === null ? 0 : pruefung.fussnotenBis - fussnotenAb + 1 } : undefined;
  return { info: info(pruefung.zeilen, gescannt.sha256), leereZeilen: pruefung.leereZeilen, zeilenImBereich: gescannt.zeilen, probleme: mitBlatt(pruefung.probleme), abgebrochen: pruefung.abgebrochen, uebersprungen };
}

export function datenFehler(datei: string, ...probleme: Problem[]): KennzahlenFehler {
  const n = probleme.length;
  return new KennzahlenFehler('eingabedaten', `${datei}: ${n === 1 ? 'ein Problem' : `${n} Probleme`} in den Eingabedaten.`, probleme);
}
