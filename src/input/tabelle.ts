// Reading one CSV input: encoding and delimiter are settled once (`oeffneTabelle`), then one
// streaming pass (`lies`) hashes the bytes, parses the records with csv-parse and hands each row,
// typed by the role's schema, to the caller. Nothing per row is kept here, so memory stays flat.

import { createHash } from 'node:crypto';
import type { CsvError, Options, Parser as CsvParser } from 'csv-parse';
import { KennzahlenFehler, type Problem } from '../fehler.js';
import { erkenneBom, NachUtf8 } from './dekodierung.js';
import { erkenneKodierung, erkenneTrennzeichen, erstesStueck, fremdesFormat, kopfzeileAus, TRENNZEICHEN_NAMEN, type TabellenFormat } from './format.js';
import type { Bytequelle } from './quelle.js';
import type { EingabeInfo, Kodierung, Trennzeichen } from '../core/modell.js';
import { normiereName, pruefeKopf, type Zuordnung } from './spalten.js';
import { istLeerzeichen, UNGELESEN, type Zelle } from './zellen.js';

export { erkenneTrennzeichen, TRENNZEICHEN_NAMEN } from './format.js';

export interface Spalte<T> {
  pflicht: boolean;
  lese: (roh: string) => Zelle<T>;
  /**
   * Reads the cell straight from the file's bytes on the fast path and returns the value itself
   * (no result object per cell); UNGELESEN hands the cell to `lese` as text, which then also words
   * any error, so both paths accept and reject alike.
   */
  leseBytes?: (bytes: Uint8Array, von: number, bis: number) => T | typeof UNGELESEN;
}

export type Spalten = Record<string, Spalte<any>>;
export interface Schema<S extends Spalten> {
  rolle: string;
  spalten: S;
  /**
   * Only Monatswerte are open: columns beyond `spalten` are not read and not an error, unless one
   * is spelt like a missing column of `bekannt`. Every other role's columns are a closed contract.
   */
  offen?: { bekannt: readonly string[] };
}
/** One row, typed: the value of every schema column (absent optional columns read as an empty cell). */
export type Zeile<S extends Spalten> = { -readonly [K in keyof S]: S[K] extends Spalte<infer T> ? T : never };

/** A problem the caller finds in a row that parsed cell by cell (e.g. an end before the start). */
export interface ZeilenProblem {
  spalte: string;
  meldung: string;
}

export interface LeseOptionen {
  trennzeichen?: Trennzeichen;
  kodierung?: Kodierung;
  /** The user's own header → canonical column name; null: a column deliberately not read. */
  spaltenzuordnung?: Record<string, string | null>;
  /** The config file the mapping comes from (named in messages). */
  konfiguration?: string;
  /** Stop reading a file after this many problems. */
  maxProbleme: number;
  /** Told the bytes read so far during the main pass (for a progress bar). */
  fortschritt?: (gelesen: number) => void;
  /** `allgemein` always reads through csv-parse; the default takes the byte scanner where the file allows. */
  leser?: 'auto' | 'allgemein';
}

/**
 * An optional row handler for the byte scanner, made once per file from the column positions
 * (-1: column absent). It handles a row whose cells are all in their plain form and returns true;
 * for anything else it returns false without side effects worth undoing, and the row goes the
 * general way, with its checks and messages.
 */
export type SchnelleZeile = (position: (spalte: string) => number) => (bytes: Uint8Array, grenzen: Int32Array) => boolean;

export interface Tabelle {
  readonly datei: string;
  readonly kodierung: Kodierung;
  readonly trennzeichen: Trennzeichen;
  /** UTF-8 without quotes and with one kind of line end: the byte scanner can read it. */
  readonly einfach: boolean;
  /** Canonical (mapped, lower-case, trimmed) header names; null for a column the config ignores. */
  readonly kopf: readonly (string | null)[];
  lies<S extends Spalten>(schema: Schema<S>, verarbeite: (zeile: Zeile<S>, nr: number) => ZeilenProblem | void, schnell?: SchnelleZeile, bereich?: Bereich): Promise<Leseergebnis>;
  /** Everything a worker needs to read a part of the same file the same way. */
  readonly format: TabellenFormat;
  readonly quelle: Bytequelle;
}

/** Bytes von … bis−1 of a file; a part that does not start at 0 has no header and no BOM. */
export interface Bereich {
  von: number;
  bis: number;
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
}

export async function oeffneTabelle(quelle: Bytequelle, rolle: string, opt: LeseOptionen): Promise<Tabelle> {
  const datei = quelle.datei;
  const erstes = await erstesStueck(quelle);
  const bom = erkenneBom(erstes);
  if (bom && (bom.kodierung === 'utf16be' || bom.kodierung === 'utf32')) {
    throw datenFehler(datei, { datei, zeile: 1, meldung: `Kodierung ${bom.kodierung.toUpperCase()} wird nicht unterstützt; bitte als UTF-8 oder Windows-1252 speichern.` });
  }
  const fremd = bom ? null : fremdesFormat(erstes);
  if (fremd) {
    throw datenFehler(datei, {
      datei, zeile: 1,
      meldung: `keine CSV-Datei, sondern ${fremd}. Abhilfe: in Excel „Speichern unter“ › „CSV UTF-8 (durch Trennzeichen getrennt)“ wählen und die .csv-Datei angeben.`,
      erwartet: 'Text mit einer Kopfzeile und Zeilen, getrennt durch ;, Komma oder Tab',
    });
  }
  const { kodierung, einfach, crlf } = await erkenneKodierung(quelle, erstes, bom ? (bom.kodierung as Kodierung) : null, opt);
  const bomLaenge = bom && bom.kodierung === kodierung ? bom.laenge : 0;

  const kopfzeile = kopfzeileAus(erstes, kodierung, bomLaenge);
  if (kopfzeile.trim() === '') {
    throw datenFehler(datei, { datei, zeile: 1, meldung: 'Die Datei ist leer oder beginnt mit einer Leerzeile; erwartet wird eine Kopfzeile mit den Spaltennamen.' });
  }
  const trennzeichen = opt.trennzeichen ?? erkenneTrennzeichen(kopfzeile);
  let roherKopf: string[];
  if (!kopfzeile.includes('"')) roherKopf = kopfzeile.split(trennzeichen);
  else {
    // csv-parse is loaded only for files that need it: a plain header is simply split.
    const { parse } = await import('csv-parse/sync');
    try {
      roherKopf = (parse(kopfzeile, { delimiter: trennzeichen, relax_quotes: true }) as string[][])[0] ?? [];
    } catch (e) {
      throw datenFehler(datei, { ...csvProblem(datei, e as CsvError, 'Kopfzeile nicht lesbar'), zeile: 1 });
    }
  }
  const zuordnung: Zuordnung[] = Object.entries(opt.spaltenzuordnung ?? {}).map(([von, nach]) => ({ von, nach }));
  const nachName = new Map(zuordnung.map((z) => [normiereName(z.von), z.nach === null ? null : normiereName(z.nach)]));
  const kopf = roherKopf.map((n) => (nachName.has(normiereName(n)) ? nachName.get(normiereName(n))! : normiereName(n)));

  return tabelleAus(quelle, rolle, { kodierung, trennzeichen, bomLaenge, kopf, roherKopf, zuordnung, konfiguration: opt.konfiguration, maxProbleme: opt.maxProbleme, einfach, crlf }, opt.fortschritt);
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
    lies: (schema, verarbeite, schnell, bereich) => liesDaten(quelle, rolle, { ...format, fortschritt }, schema, verarbeite, schnell, bereich),
  };
}

interface Format extends TabellenFormat {
  fortschritt?: (gelesen: number) => void;
}

async function liesDaten<S extends Spalten>(
  quelle: Bytequelle,
  rolle: string,
  f: Format,
  schema: Schema<S>,
  verarbeite: (zeile: Zeile<S>, nr: number) => ZeilenProblem | void,
  schnell?: SchnelleZeile,
  bereich?: Bereich,
): Promise<Leseergebnis> {
  const datei = quelle.datei;
  const probleme: Problem[] = [];
  const melde = (p: Problem) => {
    if (probleme.length < f.maxProbleme) probleme.push(p);
    else abgebrochen = true;
  };
  let abgebrochen = false;

  // Column positions, and the header problems that make the rows unreadable. A part that does not
  // start the file leaves them to the part that does, which reads the same header.
  const namen = Object.keys(schema.spalten) as (keyof S & string)[];
  const kp = pruefeKopf(f, { rolle, spalten: namen, pflicht: namen.filter((n) => schema.spalten[n].pflicht), offen: schema.offen }, datei);
  const position = kp.position;
  if (kp.probleme.length) {
    if (!bereich || bereich.von === 0) kp.probleme.forEach(melde);
    return { info: info(0, ''), leereZeilen: 0, probleme, abgebrochen };
  }

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

  const gelesenMitBytes = gelesen.map((g) => ({ ...g, leseBytes: schema.spalten[g.name].leseBytes }));

  // The current row, from either reader: csv-parse's strings, or a buffer with field bounds.
  let rec: string[] | null = null;
  let puffer: Buffer = Buffer.alloc(0);
  const grenzen = new Int32Array((spaltenzahl + 1) * 2);
  const roh = (i: number) => (rec ? rec[i] : puffer.toString('utf8', grenzen[2 * i], grenzen[2 * i + 1]));

  let zeilen = 0;
  let leereZeilen = 0;
  /** Values in columns without a header: one problem per column, at its first line, not one per row. */
  const namenlosGefuellt = new Map<number, { zeile: number; text: string; anzahl: number }>();
  const meldeNamenlose = () => {
    for (const [i, f] of namenlosGefuellt) {
      melde({
        datei, zeile: f.zeile, spalte: i + 1, wert: f.text, erwartet: 'eine leere Zelle (die Spalte hat keine Überschrift)',
        meldung: `Spalte ${i + 1} hat keine Überschrift, enthält aber ${f.anzahl === 1 ? 'einen Wert' : `in ${f.anzahl} Zeilen Werte`}, zuerst „${f.text}“; erwartet wird eine Überschrift in Zeile 1 (und eine Zuordnung in der Konfiguration, wenn sie nicht kanonisch ist).`,
      });
    }
  };
  /** One data row with n fields: the same checks and messages on both paths. */
  const zeileLesen = (nr: number, n: number, zeilentext: () => string, istLeer: () => boolean): void => {
    if (istLeer()) {
      leereZeilen++;
      return;
    }
    zeilen++;
    if (n !== spaltenzahl) {
      melde({ datei, zeile: nr, wert: zeilentext(), meldung: `${n} Felder statt ${spaltenzahl} wie in der Kopfzeile (Trennzeichen ${TRENNZEICHEN_NAMEN[f.trennzeichen]}).`, erwartet: `${spaltenzahl} Felder` });
      return;
    }
    let gut = true;
    // A column without a name (a spreadsheet's trailing delimiter) may only be empty: a value
    // there is data nobody said how to read.
    for (const i of kp.namenlos) {
      const text = roh(i);
      if (text.trim() === '') continue;
      gut = false;
      const fund = namenlosGefuellt.get(i);
      if (fund) fund.anzahl++;
      else namenlosGefuellt.set(i, { zeile: nr, text, anzahl: 1 });
    }
    for (const s of gelesenMitBytes) {
      if (!rec && s.leseBytes) {
        const w = s.leseBytes(puffer, grenzen[2 * s.i], grenzen[2 * s.i + 1]);
        if (w !== UNGELESEN) {
          (zeile as Record<string, unknown>)[s.name] = w;
          continue;
        }
      }
      const text = roh(s.i);
      const z = s.lese(text);
      if (z.ok) (zeile as Record<string, unknown>)[s.name] = z.wert;
      else {
        gut = false;
        melde({ datei, zeile: nr, spalte: s.i + 1, spaltenname: s.name, wert: text, erwartet: z.erwartet, meldung: `Spalte „${s.name}“: „${text}“ ist ungültig; erwartet ${z.erwartet}.` });
      }
    }
    if (!gut) return;
    for (const [name, wert] of fehlende) (zeile as Record<string, unknown>)[name as string] = wert;
    const p = verarbeite(zeile, nr);
    if (p) {
      const i = position.get(p.spalte);
      melde({ datei, zeile: nr, spalte: i === undefined ? undefined : i + 1, spaltenname: p.spalte, wert: i === undefined ? undefined : roh(i), meldung: p.meldung });
    }
  };

  if (f.einfach) {
    let zeileVon = 0, zeileBis = 0;
    const zeilentext = () => puffer.toString('utf8', zeileVon, zeileBis);
    const trenner = f.trennzeichen.charCodeAt(0);
    const istLeer = () => {
      for (let i = zeileVon; i < zeileBis; i++) if (puffer[i] !== trenner && !istLeerzeichen(puffer[i])) return false;
      return true;
    };
    const schnelleZeile = kp.namenlos.length ? undefined : schnell?.((name) => position.get(name) ?? -1);
    const gescannt = await scanne(quelle, f, bereich, (buf, von, bis, nr, kopf) => {
      if (kopf || abgebrochen) return;
      puffer = buf;
      zeileVon = von;
      zeileBis = bis;
      // Field bounds; lines are short, so a plain loop beats a native call per field. A field
      // beyond the header's count is only counted.
      let n = 0;
      let a = von;
      for (let i = von; i < bis; i++) {
        if (buf[i] !== trenner) continue;
        if (n < spaltenzahl) {
          grenzen[2 * n] = a;
          grenzen[2 * n + 1] = i;
        }
        n++;
        a = i + 1;
      }
      if (n < spaltenzahl) {
        grenzen[2 * n] = a;
        grenzen[2 * n + 1] = bis;
      }
      n++;
      if (n === spaltenzahl && schnelleZeile && schnelleZeile(buf, grenzen)) zeilen++;
      else zeileLesen(nr, n, zeilentext, istLeer);
    }, () => abgebrochen);
    meldeNamenlose();
    return { info: info(zeilen, gescannt.sha256), leereZeilen, zeilenImBereich: gescannt.zeilen, probleme, abgebrochen };
  }

  let kopfGesehen = false;
  // csv-parse counts CR and LF of a line break inside a quoted field as two lines; what it
  // overcounted so far is taken off its line numbers.
  let doppeltGezaehlt = 0;
  const onRecord = (r: string[], nr: number): void => {
    for (const feld of r) {
      if (!feld.includes('\r')) continue;
      for (let i = feld.indexOf('\r\n'); i >= 0; i = feld.indexOf('\r\n', i + 2)) doppeltGezaehlt++;
    }
    nr -= doppeltGezaehlt;
    if (!kopfGesehen) {
      kopfGesehen = true;
      return;
    }
    if (abgebrochen) return;
    rec = r;
    zeileLesen(nr, r.length, () => r.join(f.trennzeichen), () => r.every((feld) => feld.trim() === ''));
  };

  const { Parser, CsvError } = await import('csv-parse');
  const parser = zeilenParser(Parser, { delimiter: f.trennzeichen, relax_column_count: true, skip_empty_lines: true }, onRecord);
  let parseFehler: unknown;
  parser.on('error', (e) => (parseFehler ??= e));
  parser.resume();
  const schreibe = (buf: Buffer) =>
    new Promise<void>((fertig) => parser.write(buf, (e) => ((parseFehler ??= e ?? undefined), fertig())));

  const hash = quelle.pruefsumme ? null : createHash('sha256');
  const nachUtf8 = new NachUtf8(f.kodierung);
  let erstes = true;
  let bytes = 0;
  for await (const teil of quelle.lies()) {
    hash?.update(teil);
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
    // csv-parse names the file's last line for a quote that never closes; the line where it opened
    // is the one to fix, so the file is scanned again for it (only in this case, so it costs nothing otherwise).
    const offen = parseFehler.code === 'CSV_QUOTE_NOT_CLOSED' ? await offenesAnfuehrungszeichen(quelle, f) : null;
    melde(offen
      ? { datei, ...offen, meldung: `CSV-Struktur fehlerhaft: das Anführungszeichen in Zeile ${offen.zeile}, Spalte ${offen.spalte} wird bis zum Dateiende nicht geschlossen.`, erwartet: 'Felder in "…" ganz umschlossen, "" für ein Anführungszeichen im Feld' }
      : { ...csvProblem(datei, parseFehler), zeile: typeof parseFehler.lines === 'number' ? parseFehler.lines - doppeltGezaehlt : undefined });
  }
  meldeNamenlose();
  return { info: info(zeilen, hash ? hash.digest('hex') : await quelle.pruefsumme!), leereZeilen, probleme, abgebrochen };
}

/**
 * The byte scanner for simple files (UTF-8, no quotes, one kind of line end): lines are found with
 * the native indexOf and handed on as byte ranges, so no string is made unless a cell needs one.
 * Empty lines are skipped but counted, as csv-parse does. Returns the file's SHA-256.
 */
async function scanne(
  quelle: Bytequelle,
  f: Format,
  bereich: Bereich | undefined,
  zeile: (buf: Buffer, von: number, bis: number, nr: number, kopf: boolean) => void,
  abbrechen: () => boolean,
): Promise<{ sha256: string; zeilen: number }> {
  // Only a whole file has a checksum of its own; a part's caller has the file's from a worker.
  const ganz = !bereich;
  const mitKopf = !bereich || bereich.von === 0;
  const hash = quelle.pruefsumme || !ganz ? null : createHash('sha256');
  let rest: Buffer | null = null;
  let nr = 0;
  let bytes = 0;
  let erstes = true;
  const cr = f.crlf ? 1 : 0;
  for await (const teil of quelle.lies(bereich?.von, bereich?.bis)) {
    hash?.update(teil);
    bytes += teil.length;
    f.fortschritt?.(bytes);
    if (abbrechen()) {
      if (hash) continue; // keep hashing: the checksum covers the whole file
      break;
    }
    let daten = erstes && mitKopf ? teil.subarray(f.bomLaenge) : teil;
    erstes = false;
    if (rest) daten = Buffer.concat([rest, daten]);
    let pos = 0;
    for (let nl = daten.indexOf(0x0a); nl >= 0; nl = daten.indexOf(0x0a, pos)) {
      nr++;
      if (nl - cr > pos) zeile(daten, pos, nl - cr, nr, mitKopf && nr === 1);
      pos = nl + 1;
    }
    rest = pos < daten.length ? Buffer.from(daten.subarray(pos)) : null;
  }
  if (rest && !abbrechen()) {
    const bis = rest.length - (cr && rest[rest.length - 1] === 0x0d ? 1 : 0);
    nr++;
    if (bis > 0) zeile(rest, 0, bis, nr, mitKopf && nr === 1);
  }
  return { sha256: hash ? hash.digest('hex') : ganz ? await quelle.pruefsumme! : '', zeilen: nr };
}

/**
 * Where a large simple file may be cut in two for a second reader: the start of the first line
 * after the middle. Null for inputs that do not pay (small, not simple, standard input, no hash).
 */
export async function teilung(t: Tabelle, ab = 32 << 20): Promise<number | null> {
  const g = t.quelle.groesse ?? 0;
  if (!t.einfach || !t.quelle.pruefsumme || g < ab) return null;
  const mitte = Math.floor(g / 2);
  for await (const teil of t.quelle.lies(mitte, Math.min(g, mitte + (1 << 20)))) {
    const nl = teil.indexOf(0x0a);
    return nl < 0 ? null : mitte + nl + 1;
  }
  return null;
}

/**
 * csv-parse's stream parser, taking each record as it is parsed instead of queueing it. Its
 * `info.lines` is then the record's own line, without the per-record info object that `on_record`
 * and `info: true` build (that copy cost half the parse time on large extracts).
 */
function zeilenParser(Parser: typeof CsvParser, optionen: Options, zeile: (rec: string[], nr: number) => void): CsvParser {
  class ZeilenParser extends Parser {
    override push(rec: unknown, kodierung?: BufferEncoding): boolean {
      if (rec === null) return super.push(null, kodierung);
      zeile(rec as string[], this.info.lines);
      return true;
    }
  }
  return new ZeilenParser(optionen);
}

/**
 * Where the quote opened that is still open at the end of the file: line and field, by the rules
 * csv-parse reads with (a quote opens only at the start of a field; "" inside is one quote).
 */
async function offenesAnfuehrungszeichen(quelle: Bytequelle, f: Format): Promise<{ zeile: number; spalte: number } | null> {
  const trenner = f.trennzeichen.charCodeAt(0);
  const nachUtf8 = new NachUtf8(f.kodierung);
  let zeile = 1, feld = 1, feldAnfang = true, drin = false, vielleichtZu = false;
  let offen: { zeile: number; spalte: number } | null = null;
  let erstes = true;
  const lies = (b: Buffer) => {
    for (let i = 0; i < b.length; i++) {
      const c = b[i];
      if (drin) {
        if (vielleichtZu) {
          vielleichtZu = false;
          if (c === 0x22) continue; // "" inside quotes is one quote character
          drin = false;
        } else {
          if (c === 0x22) vielleichtZu = true;
          else if (c === 0x0a) zeile++;
          continue;
        }
      }
      if (c === 0x22 && feldAnfang) {
        drin = true;
        offen = { zeile, spalte: feld };
      } else if (c === trenner) {
        feld++;
        feldAnfang = true;
        continue;
      } else if (c === 0x0a) {
        zeile++;
        feld = 1;
        feldAnfang = true;
        continue;
      }
      if (c !== 0x0d) feldAnfang = false;
    }
  };
  for await (const teil of quelle.lies()) {
    lies(nachUtf8.weiter(erstes ? teil.subarray(f.bomLaenge) : teil));
    erstes = false;
  }
  lies(nachUtf8.ende());
  return drin && !vielleichtZu ? offen : null;
}

function csvProblem(datei: string, e: CsvError, was = 'CSV-Struktur fehlerhaft'): Problem {
  const zeile = typeof e.lines === 'number' ? e.lines : undefined;
  const spalte = typeof e.column === 'number' ? e.column + 1 : undefined;
  const grund: Partial<Record<string, string>> = {
    CSV_QUOTE_NOT_CLOSED: 'Anführungszeichen wird nicht geschlossen',
    CSV_INVALID_CLOSING_QUOTE: 'nach einem schließenden Anführungszeichen folgt weiterer Text',
    INVALID_OPENING_QUOTE: 'Anführungszeichen mitten im Feld',
    CSV_MAX_RECORD_SIZE: 'Datensatz zu groß',
    CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE: 'nach einem schließenden Anführungszeichen folgt weiterer Text',
  };
  // csv-parse's own wording is English; a code we have no text for is named, not shown in English.
  return { datei, zeile, spalte, meldung: `${was}: ${grund[e.code] ?? `nicht lesbar (${e.code})`}.`, erwartet: 'Felder in "…" ganz umschlossen, "" für ein Anführungszeichen im Feld' };
}

export function datenFehler(datei: string, ...probleme: Problem[]): KennzahlenFehler {
  const n = probleme.length;
  return new KennzahlenFehler('eingabedaten', `${datei}: ${n === 1 ? 'ein Problem' : `${n} Probleme`} in den Eingabedaten.`, probleme);
}
