// The general engine: csv-parse reads every file the byte scanner cannot (quotes, other encodings,
// mixed line ends). Bytes are turned into UTF-8 first; csv-parse's records and errors are handed to
// the row validator in its terms. csv-parse is loaded only when a file needs it.

import { createHash } from 'node:crypto';
import type { CsvError, Options, Parser as CsvParser } from 'csv-parse';
import type { Trennzeichen } from '../core/modell.js';
import type { Problem } from '../fehler.js';
import { utf8Teile } from './dekodierung.js';
import type { TabellenFormat } from './format.js';
import type { Bytequelle } from './quelle.js';
import type { Spalten, Zeilenpruefung } from './zeilen.js';

const ERWARTET_ANFUEHRUNG = 'Felder in "…" ganz umschlossen, "" für ein Anführungszeichen im Feld';

/** The fields of a header line, or what makes it unreadable. */
export async function kopfFelder(kopfzeile: string, trennzeichen: Trennzeichen, datei: string, zeile = 1): Promise<string[] | Problem> {
  // csv-parse is loaded only for files that need it: a plain header is simply split.
  if (!kopfzeile.includes('"')) return kopfzeile.split(trennzeichen);
  const { parse } = await import('csv-parse/sync');
  try {
    return (parse(kopfzeile, { delimiter: trennzeichen, relax_quotes: true }) as string[][])[0] ?? [];
  } catch (e) {
    return { ...csvProblem(datei, e as CsvError, 'Kopfzeile nicht lesbar'), zeile };
  }
}

/** Feeds every data row of the file to `pruefung`, and a structural error as its problem. Returns the file's SHA-256. */
export async function liesMitCsvParse<S extends Spalten>(quelle: Bytequelle, f: TabellenFormat, pruefung: Zeilenpruefung<S>, fortschritt?: (gelesen: number) => void): Promise<string> {
  const datei = quelle.datei;
  const { Parser, CsvError } = await import('csv-parse');
  const parser = zeilenParser(Parser, { delimiter: f.trennzeichen, relax_column_count: true, skip_empty_lines: true }, f, pruefung);
  let parseFehler: unknown;
  parser.on('error', (e) => (parseFehler ??= e));
  parser.resume();
  const schreibe = (buf: Buffer) =>
    new Promise<void>((fertig) => parser.write(buf, (e) => ((parseFehler ??= e ?? undefined), fertig())));

  const hash = quelle.pruefsumme ? null : createHash('sha256');
  let bytes = 0;
  const gelesen = (teil: Buffer) => {
    hash?.update(teil);
    bytes += teil.length;
    fortschritt?.(bytes);
  };
  for await (const teil of utf8Teile(quelle, f.kodierung, f.bomLaenge, gelesen)) {
    if (parseFehler || pruefung.abgebrochen) continue; // keep hashing: the checksum covers the whole file
    if (teil.length) await schreibe(teil);
  }
  if (!parseFehler && !pruefung.abgebrochen) {
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
    pruefung.melde(offen
      ? { datei, ...offen, meldung: `CSV-Struktur fehlerhaft: das Anführungszeichen in Zeile ${offen.zeile}, Spalte ${offen.spalte} wird bis zum Dateiende nicht geschlossen.`, erwartet: ERWARTET_ANFUEHRUNG }
      : { ...csvProblem(datei, parseFehler), zeile: typeof parseFehler.lines === 'number' ? parseFehler.lines - parser.doppeltGezaehlt : undefined });
  }
  return hash ? hash.digest('hex') : await quelle.pruefsumme!;
}

/**
 * csv-parse's stream parser, handing each record to the row validator as it is parsed instead of
 * queueing it. Its `info.lines` is then the record's own line, without the per-record info object
 * that `on_record` and `info: true` build (that copy cost half the parse time on large extracts).
 */
function zeilenParser<S extends Spalten>(Parser: typeof CsvParser, optionen: Options, f: TabellenFormat, pruefung: Zeilenpruefung<S>): CsvParser & { readonly doppeltGezaehlt: number } {
  class ZeilenParser extends Parser {
    /**
     * csv-parse counts CR and LF of a line break inside a quoted field as two lines; what it
     * overcounted so far is taken off its line numbers.
     */
    doppeltGezaehlt = 0;
    private kopfGesehen = false;

    override push(rec: unknown, kodierung?: BufferEncoding): boolean {
      if (rec === null) return super.push(null, kodierung);
      const r = rec as string[];
      for (const feld of r) {
        if (!feld.includes('\r')) continue;
        for (let i = feld.indexOf('\r\n'); i >= 0; i = feld.indexOf('\r\n', i + 2)) this.doppeltGezaehlt++;
      }
      const nr = this.info.lines - this.doppeltGezaehlt;
      // Records up to the header (a BA table's title lines, then the header) are not data.
      if (!this.kopfGesehen) this.kopfGesehen = nr >= f.kopfzeile;
      else if (!pruefung.abgebrochen) pruefung.textZeile(nr, r);
      return true;
    }
  }
  return new ZeilenParser(optionen);
}

/**
 * Where the quote opened that is still open at the end of the file: line and field, by the rules
 * csv-parse reads with (a quote opens only at the start of a field; "" inside is one quote).
 */
async function offenesAnfuehrungszeichen(quelle: Bytequelle, f: TabellenFormat): Promise<{ zeile: number; spalte: number } | null> {
  const trenner = f.trennzeichen.charCodeAt(0);
  let zeile = 1, feld = 1, feldAnfang = true, drin = false, vielleichtZu = false;
  let offen: { zeile: number; spalte: number } | null = null;
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
  for await (const teil of utf8Teile(quelle, f.kodierung, f.bomLaenge)) lies(teil);
  return drin && !vielleichtZu ? offen : null;
}

export function csvProblem(datei: string, e: CsvError, was = 'CSV-Struktur fehlerhaft'): Problem {
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
  return { datei, zeile, spalte, meldung: `${was}: ${grund[e.code] ?? `nicht lesbar (${e.code})`}.`, erwartet: ERWARTET_ANFUEHRUNG };
}
