// Reading one CSV input: encoding and delimiter are settled once (`oeffneTabelle`), then one
// streaming pass (`lies`) hashes the bytes, parses the records with csv-parse and hands each row,
// typed by the role's schema, to the caller. Nothing per row is kept here, so memory stays flat.

import { createHash } from 'node:crypto';
import { CsvError, Parser, type Options } from 'csv-parse';
import { parse as csvParseSync } from 'csv-parse/sync';
import { KennzahlenFehler, type Problem } from '../fehler.js';
import { erkenneBom, NachUtf8, Utf8Pruefung, type Kodierung } from './dekodierung.js';
import type { Bytequelle } from './quelle.js';
import type { Zelle } from './zellen.js';

export type Trennzeichen = ';' | ',' | '\t';
export const TRENNZEICHEN_NAMEN: Record<Trennzeichen, string> = { ';': 'Semikolon', ',': 'Komma', '\t': 'Tab' };

export interface Spalte<T> {
  pflicht: boolean;
  lese: (roh: string) => Zelle<T>;
}
export type Spalten = Record<string, Spalte<any>>;
export interface Schema<S extends Spalten> {
  rolle: string;
  spalten: S;
}
/** One row, typed: the value of every schema column (absent optional columns read as an empty cell). */
export type Zeile<S extends Spalten> = { -readonly [K in keyof S]: S[K] extends Spalte<infer T> ? T : never };

/** A problem the caller finds in a row that parsed cell by cell (e.g. an end before the start). */
export interface ZeilenProblem {
  spalte: string;
  meldung: string;
}

export interface EingabeInfo {
  rolle: string;
  datei: string;
  /** Data rows (for a JSON input: its entries). */
  zeilen: number;
  sha256: string;
  kodierung: Kodierung;
  /** null for a JSON input. */
  trennzeichen: Trennzeichen | null;
}

export interface LeseOptionen {
  trennzeichen?: Trennzeichen;
  kodierung?: Kodierung;
  /** The user's own header → canonical column name. */
  spaltenzuordnung?: Record<string, string>;
  /** Stop reading a file after this many problems. */
  maxProbleme: number;
  /** Told the bytes read so far during the main pass (for a progress bar). */
  fortschritt?: (gelesen: number) => void;
}

export interface Tabelle {
  readonly datei: string;
  readonly kodierung: Kodierung;
  readonly trennzeichen: Trennzeichen;
  /** Canonical (mapped, lower-case, trimmed) header names. */
  readonly kopf: readonly string[];
  lies<S extends Spalten>(schema: Schema<S>, verarbeite: (zeile: Zeile<S>, nr: number) => ZeilenProblem | void): Promise<Leseergebnis>;
}

export interface Leseergebnis {
  info: EingabeInfo;
  probleme: Problem[];
  /** More problems than `maxProbleme`: reading stopped early. */
  abgebrochen: boolean;
}

export const normiereName = (name: string) => name.trim().toLowerCase();

function erstesStueck(quelle: Bytequelle): Promise<Buffer> {
  return (async () => {
    for await (const teil of quelle.lies()) return teil;
    return Buffer.alloc(0);
  })();
}

/** Counts `;`, `,` and tab outside quotes in the header line; the most frequent wins, `;` on a tie. */
export function erkenneTrennzeichen(kopfzeile: string, vorgabe: Trennzeichen = ';'): Trennzeichen {
  const anzahl: Record<Trennzeichen, number> = { ';': 0, ',': 0, '\t': 0 };
  let inAnfuehrung = false;
  for (const z of kopfzeile) {
    if (z === '"') inAnfuehrung = !inAnfuehrung;
    else if (!inAnfuehrung && (z === ';' || z === ',' || z === '\t')) anzahl[z]++;
  }
  let bestes: Trennzeichen = vorgabe;
  for (const t of [';', ',', '\t'] as const) if (anzahl[t] > anzahl[bestes]) bestes = t;
  return bestes;
}

export async function oeffneTabelle(quelle: Bytequelle, rolle: string, opt: LeseOptionen): Promise<Tabelle> {
  const datei = quelle.datei;
  const erstes = await erstesStueck(quelle);
  const bom = erkenneBom(erstes);
  if (bom && (bom.kodierung === 'utf16be' || bom.kodierung === 'utf32')) {
    throw datenFehler(datei, { datei, zeile: 1, meldung: `Kodierung ${bom.kodierung.toUpperCase()} wird nicht unterstützt; bitte als UTF-8 oder Windows-1252 speichern.` });
  }
  let kodierung: Kodierung;
  if (opt.kodierung) kodierung = opt.kodierung;
  else if (bom) kodierung = bom.kodierung as Kodierung;
  else if (erstes.length >= 4 && erstes[1] === 0 && erstes[3] === 0 && erstes[0] !== 0 && erstes[2] !== 0) {
    kodierung = 'utf16le'; // "Unicode-Text" that lost its BOM: ASCII header letters each followed by a zero byte
  } else {
    // Without a BOM: UTF-8 if every byte of the file is valid UTF-8, else Windows-1252.
    const pruefung = new Utf8Pruefung();
    let gueltig = true;
    for await (const teil of quelle.lies()) if (!(gueltig = pruefung.weiter(teil))) break;
    kodierung = gueltig && pruefung.ende() ? 'utf8' : 'cp1252';
  }
  const bomLaenge = bom && bom.kodierung === kodierung ? bom.laenge : 0;

  const anfang = new NachUtf8(kodierung).weiter(erstes.subarray(bomLaenge));
  const zeilenende = anfang.indexOf(0x0a);
  const kopfzeile = anfang.subarray(0, zeilenende < 0 ? anfang.length : zeilenende).toString('utf8').replace(/\r$/, '');
  if (kopfzeile.trim() === '') {
    throw datenFehler(datei, { datei, zeile: 1, meldung: 'Die Datei ist leer oder beginnt mit einer Leerzeile; erwartet wird eine Kopfzeile mit den Spaltennamen.' });
  }
  const trennzeichen = opt.trennzeichen ?? erkenneTrennzeichen(kopfzeile);
  let roherKopf: string[];
  try {
    roherKopf = (csvParseSync(kopfzeile, { delimiter: trennzeichen, relax_quotes: true }) as string[][])[0] ?? [];
  } catch (e) {
    throw datenFehler(datei, { datei, zeile: 1, meldung: `Kopfzeile nicht lesbar: ${(e as Error).message}` });
  }
  const zuordnung = new Map(Object.entries(opt.spaltenzuordnung ?? {}).map(([von, nach]) => [normiereName(von), normiereName(nach)]));
  const kopf = roherKopf.map((n) => zuordnung.get(normiereName(n)) ?? normiereName(n));

  return {
    datei,
    kodierung,
    trennzeichen,
    kopf,
    lies: (schema, verarbeite) =>
      liesDaten(quelle, rolle, { kodierung, trennzeichen, bomLaenge, kopf, roherKopf, maxProbleme: opt.maxProbleme, fortschritt: opt.fortschritt }, schema, verarbeite),
  };
}

interface Format {
  kodierung: Kodierung;
  trennzeichen: Trennzeichen;
  bomLaenge: number;
  kopf: readonly string[];
  roherKopf: readonly string[];
  maxProbleme: number;
  fortschritt?: (gelesen: number) => void;
}

async function liesDaten<S extends Spalten>(
  quelle: Bytequelle,
  rolle: string,
  f: Format,
  schema: Schema<S>,
  verarbeite: (zeile: Zeile<S>, nr: number) => ZeilenProblem | void,
): Promise<Leseergebnis> {
  const datei = quelle.datei;
  const probleme: Problem[] = [];
  const melde = (p: Problem) => {
    if (probleme.length < f.maxProbleme) probleme.push(p);
    else abgebrochen = true;
  };
  let abgebrochen = false;

  // Column positions, and the header problems that make the rows unreadable.
  const namen = Object.keys(schema.spalten) as (keyof S & string)[];
  const position = new Map<string, number>();
  f.kopf.forEach((name, i) => {
    if (!(name in schema.spalten)) return;
    if (position.has(name)) {
      melde({ datei, zeile: 1, spalte: i + 1, spaltenname: f.roherKopf[i], wert: f.roherKopf[i], meldung: `Spalte „${name}“ kommt doppelt vor (auch Spalte ${position.get(name)! + 1}).` });
    } else position.set(name, i);
  });
  for (const name of namen) {
    if (schema.spalten[name].pflicht && !position.has(name)) {
      melde({
        datei, zeile: 1, spaltenname: name,
        meldung: `Pflichtspalte „${name}“ fehlt (Rolle ${rolle}; gefunden: ${f.roherKopf.map((n) => n.trim()).join(', ') || 'nichts'}).`,
        erwartet: `Spalten ${namen.filter((n) => schema.spalten[n].pflicht).join(', ')}`,
      });
    }
  }
  if (probleme.length) return { info: info(0, ''), probleme, abgebrochen };

  function info(zeilen: number, sha256: string): EingabeInfo {
    return { rolle, datei, zeilen, sha256, kodierung: f.kodierung, trennzeichen: f.trennzeichen };
  }

  // Absent optional columns read as an empty cell, once.
  const zeile = {} as Zeile<S>;
  const fehlende: [keyof S, unknown][] = [];
  for (const name of namen) {
    if (position.has(name)) continue;
    const z = schema.spalten[name].lese('');
    if (!z.ok) throw new Error(`Schema ${rolle}: optionale Spalte ${name} hat keinen Leerwert`);
    fehlende.push([name, z.wert]);
  }
  const gelesen = namen.filter((n) => position.has(n)).map((n) => ({ name: n, i: position.get(n)!, lese: schema.spalten[n].lese }));
  const spaltenzahl = f.kopf.length;

  let zeilen = 0;
  let kopfGesehen = false;
  const onRecord = (rec: string[], nr: number): void => {
    if (!kopfGesehen) {
      kopfGesehen = true;
      return;
    }
    if (abgebrochen) return;
    zeilen++;
    if (rec.length !== spaltenzahl) {
      melde({ datei, zeile: nr, wert: rec.join(f.trennzeichen), meldung: `${rec.length} Felder statt ${spaltenzahl} wie in der Kopfzeile (Trennzeichen ${TRENNZEICHEN_NAMEN[f.trennzeichen]}).`, erwartet: `${spaltenzahl} Felder` });
      return;
    }
    let gut = true;
    for (const s of gelesen) {
      const roh = rec[s.i];
      const z = s.lese(roh);
      if (z.ok) (zeile as Record<string, unknown>)[s.name] = z.wert;
      else {
        gut = false;
        melde({ datei, zeile: nr, spalte: s.i + 1, spaltenname: s.name, wert: roh, erwartet: z.erwartet, meldung: `Spalte „${s.name}“: „${roh}“ ist ungültig; erwartet ${z.erwartet}.` });
      }
    }
    if (!gut) return;
    for (const [name, wert] of fehlende) (zeile as Record<string, unknown>)[name as string] = wert;
    const p = verarbeite(zeile, nr);
    if (p) {
      const i = position.get(p.spalte);
      melde({ datei, zeile: nr, spalte: i === undefined ? undefined : i + 1, spaltenname: p.spalte, wert: i === undefined ? undefined : rec[i], meldung: p.meldung });
    }
  };

  const parser = new ZeilenParser({ delimiter: f.trennzeichen, relax_column_count: true, skip_empty_lines: true }, onRecord);
  let parseFehler: unknown;
  parser.on('error', (e) => (parseFehler ??= e));
  parser.resume();
  const schreibe = (buf: Buffer) =>
    new Promise<void>((fertig) => parser.write(buf, (e) => ((parseFehler ??= e ?? undefined), fertig())));

  const hash = createHash('sha256');
  const nachUtf8 = new NachUtf8(f.kodierung);
  let erstes = true;
  let bytes = 0;
  for await (const teil of quelle.lies()) {
    hash.update(teil);
    bytes += teil.length;
    f.fortschritt?.(bytes);
    if (parseFehler || abgebrochen) continue; // keep hashing: the checksum covers the whole file
    const daten = erstes ? teil.subarray(f.bomLaenge) : teil;
    erstes = false;
    await schreibe(nachUtf8.weiter(daten));
  }
  if (!parseFehler && !abgebrochen) {
    const rest = nachUtf8.ende();
    if (rest.length) await schreibe(rest);
    await new Promise<void>((fertig) => {
      parser.once('error', () => fertig());
      parser.end(() => fertig());
    });
  }
  if (parseFehler) {
    if (!(parseFehler instanceof CsvError)) throw parseFehler; // our own bug, raised inside on_record
    melde(csvProblem(datei, parseFehler));
  }
  return { info: info(zeilen, hash.digest('hex')), probleme, abgebrochen };
}

/**
 * csv-parse's stream parser, taking each record as it is parsed instead of queueing it. Its
 * `info.lines` is then the record's own line, without the per-record info object that `on_record`
 * and `info: true` build (that copy cost half the parse time on large extracts).
 */
class ZeilenParser extends Parser {
  constructor(
    optionen: Options,
    private readonly zeile: (rec: string[], nr: number) => void,
  ) {
    super(optionen);
  }

  override push(rec: unknown, kodierung?: BufferEncoding): boolean {
    if (rec === null) return super.push(null, kodierung);
    this.zeile(rec as string[], this.info.lines);
    return true;
  }
}

function csvProblem(datei: string, e: CsvError): Problem {
  const zeile = typeof e.lines === 'number' ? e.lines : undefined;
  const spalte = typeof e.column === 'number' ? e.column + 1 : undefined;
  const was: Partial<Record<string, string>> = {
    CSV_QUOTE_NOT_CLOSED: 'Anführungszeichen wird nicht geschlossen',
    CSV_INVALID_CLOSING_QUOTE: 'nach einem schließenden Anführungszeichen folgt weiterer Text',
    INVALID_OPENING_QUOTE: 'Anführungszeichen mitten im Feld',
    CSV_MAX_RECORD_SIZE: 'Datensatz zu groß',
  };
  return { datei, zeile, spalte, meldung: `CSV-Struktur fehlerhaft: ${was[e.code] ?? e.message}.`, erwartet: 'Felder in "…" ganz umschlossen, "" für ein Anführungszeichen im Feld' };
}

export function datenFehler(datei: string, ...probleme: Problem[]): KennzahlenFehler {
  const n = probleme.length;
  return new KennzahlenFehler('eingabedaten', `${datei}: ${n === 1 ? 'ein Problem' : `${n} Probleme`} in den Eingabedaten.`, probleme);
}
