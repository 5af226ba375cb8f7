// An .xlsx workbook as a table: one sheet, its rows turned into the text a CSV of the same table
// would hold, so that header search, BA layout, value mapping and every cell rule are the CSV
// path's own (src/input/zeilen.ts). What only a workbook has is settled here: which sheet, how a
// number, date, truth value or error cell reads as text, and that a problem's place is a cell.

import { createHash } from 'node:crypto';
import { KennzahlenFehler, nutzungsfehler, spaltenBuchstaben, type Problem } from '../fehler.js';
import { KOPF_SUCHE } from './balayout.js';
import { breiteTabelle, ERWARTET_WERT, KEINE_MONATSSPALTEN, waehleKopf } from './breit.js';
import type { Bytequelle } from './quelle.js';
import { kopfSpalten } from './rollen.js';
import { datenFehler, kanonischerKopf, liesDaten, zuordnungVon, type LeseOptionen, type Tabelle } from './tabelle.js';
import type { TabellenFormat } from './format.js';
import { BlattFehlt, blattZeilen, TempOrdnerFehler, type Blattzeile, type Zellwert } from './xlsx.js';
import { ERWARTET_DATUM, ERWARTET_MONAT, standardDezimal, type Dezimal } from './zellen.js';
import { Spaltenfunde, Zeilenpruefung, type SchnelleZeile, type Schema, type Spalten, type Zeile, type ZeilenProblem } from './zeilen.js';

const zwei = (n: number) => String(n).padStart(2, '0');

/**
 * A cell as text, in the forms the schemas read: a date as 2017-03-15 (with its time where it has
 * one), a number as Excel shows it in full (15 significant digits, no thousands mark, the decimal
 * mark of `dezimal`), a percentage as `35 %`, which no number column takes: its value would be a
 * hundredth of what the cell shows, and which one is meant is the user's to say.
 */
export function zellText(z: Zellwert, dezimal: Dezimal): string {
  switch (z.art) {
    case 'text':
      return z.wert;
    case 'zahl': {
      const t = String(Number((z.prozent ? z.wert * 100 : z.wert).toPrecision(15)));
      const mitZeichen = dezimal === 'komma' ? t.replace('.', ',') : t;
      return z.prozent ? `${mitZeichen} %` : mitZeichen;
    }
    case 'datum': {
      const d = z.wert;
      const tag = `${d.getUTCFullYear()}-${zwei(d.getUTCMonth() + 1)}-${zwei(d.getUTCDate())}`;
      const zeit = d.getUTCHours() || d.getUTCMinutes() || d.getUTCSeconds() ? ` ${zwei(d.getUTCHours())}:${zwei(d.getUTCMinutes())}:${zwei(d.getUTCSeconds())}` : '';
      return tag + zeit;
    }
    case 'wahr':
      return z.wert ? 'WAHR' : 'FALSCH';
    case 'fehler':
      return z.wert;
  }
}

/**
 * Why a cell holds no value a column could read, or null: an error value (#DIV/0!, #NV), a formula
 * without a stored result, or a number of more than 15 digits, of which Excel keeps only 15 (a
 * 16-digit id typed into Excel has already lost its last digit; one written by a program would be
 * rounded here): two ids would become one. Both readers of a sheet, long and wide, ask this.
 */
export function zellFehler(z: Zellwert): string | null {
  if (z.art === 'fehler') {
    if (z.wert.startsWith('#')) return `die Zelle enthält den Fehlerwert „${z.wert}“`;
    if (z.wert === 'Fehlerwert') return 'die Zelle enthält einen Fehlerwert (#DIV/0!, #NV o. Ä.) statt eines Werts';
    return `die Zelle enthält eine ${z.wert} (die Mappe wurde nie berechnet)`;
  }
  if (z.art === 'zahl' && Math.abs(z.wert) >= 1e15) return `die Zahl ${z.wert} hat mehr als 15 Stellen, von denen Excel nur 15 behält (eine Kennung? dann die Spalte als Text speichern)`;
  return null;
}

/**
 * A date column's cell that holds a plain number (42078): in a workbook mostly a date whose cell lost
 * its date format. The message says so, as the number alone does not tell a user what went wrong.
 */
function seriennummer(p: Problem): Problem {
  const datumsspalte = p.erwartet?.startsWith(ERWARTET_DATUM) || p.erwartet?.startsWith(ERWARTET_MONAT);
  if (!p.wert || !/^\d{4,6}(,\d+)?$/.test(p.wert) || !datumsspalte) return p;
  return { ...p, meldung: `${p.meldung.replace(/\.$/, '')}; eine Zahl wie Excels Seriennummer eines Tages: die Zelle hat wohl ihr Datumsformat verloren (in Excel als Datum formatieren).` };
}

/** The row's cells as text, by column from 1 to `breite` (empty where a cell is empty). */
function felderVon(zeile: Blattzeile | undefined, breite: number, dezimal: Dezimal): string[] {
  const felder = new Array<string>(breite).fill('');
  for (const [spalte, z] of zeile?.zellen ?? []) if (spalte <= breite) felder[spalte - 1] = zellText(z, dezimal);
  return felder;
}

/** The sheet's rows, read once: the first ones are looked at for the header, the rest follow on. */
class Blattstrom {
  private readonly iterator: AsyncGenerator<Blattzeile>;
  private readonly vorne: Blattzeile[] = [];
  private ende = false;
  name = '';
  alle: string[] = [];
  constructor(private readonly quelle: Bytequelle, wahl: LeseOptionen['blatt']) {
    this.iterator = blattZeilen(quelle.lies(), wahl, (name, alle) => {
      this.name = name;
      this.alle = alle;
    });
  }

  /** Reads ahead until row `bis` is passed (or the sheet ends); the rows up to it. */
  async bis(bis: number): Promise<Blattzeile[]> {
    while (!this.ende && (this.vorne.length === 0 || this.vorne[this.vorne.length - 1].nr <= bis)) {
      const n = await this.naechste();
      if (n.done) this.ende = true;
      else this.vorne.push(n.value);
    }
    return this.vorne.filter((z) => z.nr <= bis);
  }

  /** Every row after `nach`, the ones read ahead first. */
  async *ab(nach: number): AsyncGenerator<Blattzeile> {
    for (const z of this.vorne.splice(0)) if (z.nr > nach) yield z;
    while (!this.ende) {
      const n = await this.naechste();
      if (n.done) this.ende = true;
      else yield n.value;
    }
  }

  /** Reads to the end without using the rows: the library then leaves nothing behind. */
  async schliesse(): Promise<void> {
    await this.iterator.return(undefined);
    this.ende = true;
  }

  /**
   * The file's SHA-256: of a large file computed alongside; else in a pass of its own, because the
   * library need not read the zip to its last byte (the central directory after the parts).
   */
  async pruefsumme(): Promise<string> {
    if (this.quelle.pruefsumme) return this.quelle.pruefsumme;
    const hash = createHash('sha256');
    for await (const teil of this.quelle.lies()) hash.update(teil);
    return hash.digest('hex');
  }

  private async naechste(): Promise<IteratorResult<Blattzeile>> {
    try {
      return await this.iterator.next();
    } catch (e) {
      throw mappenFehler(this.quelle.datei, e);
    }
  }
}

function mappenFehler(datei: string, e: unknown): KennzahlenFehler {
  if (e instanceof KennzahlenFehler) return e;
  if (e instanceof BlattFehlt) {
    if (!e.vorhanden.length) {
      return datenFehler(datei, { datei, meldung: 'eine ZIP-Datei, aber keine Excel-Arbeitsmappe (.xlsx): sie enthält keine Tabellenblätter (eine .ods-Datei? dann in LibreOffice als .xlsx oder CSV speichern).', erwartet: 'eine .xlsx-Arbeitsmappe oder eine CSV-Datei' });
    }
    const liste = e.vorhanden.map((n, i) => `${i + 1} „${n}“`).join(', ');
    const welches = e.gewaehlt === undefined ? 'Nr. 1' : typeof e.gewaehlt === 'number' || /^\d+$/.test(e.gewaehlt) ? `Nr. ${e.gewaehlt}` : `„${e.gewaehlt}“`;
    if (e.unlesbar) {
      // A chart sheet, or parts where the library does not look for them.
      return datenFehler(datei, { datei, meldung: `Blatt ${welches} hat keine lesbare Tabelle (ein Diagrammblatt, oder von einem Programm geschrieben, dessen Aufbau das Werkzeug nicht liest); die Arbeitsmappe hat die Blätter ${liste}. Abhilfe: mit --blatt ein anderes wählen, oder die Datei in Excel oder LibreOffice öffnen und neu als .xlsx speichern.` });
    }
    return nutzungsfehler(`${datei}: ein Blatt ${welches} gibt es nicht; die Arbeitsmappe hat die Blätter ${liste}.`, '--blatt NAME oder --blatt NR wählt ein Blatt (für eine Rolle allein: "blaetter" in der Konfiguration).');
  }
  if (e instanceof TempOrdnerFehler) {
    const c = e.code;
    const warum = c === 'ENOSPC' ? 'dort ist kein Platz mehr' : c === 'ENOENT' ? 'den Ordner gibt es nicht' : c === 'EACCES' || c === 'EPERM' || c === 'EROFS' ? 'dort darf nicht geschrieben werden' : `dort geht es nicht weiter (${c})`;
    return new KennzahlenFehler('ausgabe', `${datei}: die Arbeitsmappe wird beim Lesen im Temp-Ordner ${e.ordner} entpackt, aber ${warum}.`, [], 'TMPDIR auf einen Ordner mit Platz (etwa so viel wie das entpackte Blatt) und Schreibrecht setzen.');
  }
  const grund = e instanceof Error ? e.message : String(e);
  return datenFehler(datei, { datei, meldung: `Die Arbeitsmappe ist nicht lesbar (${grund}); ist die Datei beschädigt oder noch nicht fertig geschrieben?`, erwartet: 'eine vollständige .xlsx-Datei' });
}

/**
 * Whether the zip ends as a zip must: with its end-of-central-directory record (signature PK 5 6)
 * in the last 22 bytes plus at most 64 KB of comment. A cut file lacks it, and the library would
 * then wait for the rest forever.
 */
async function hatZipEnde(quelle: Bytequelle): Promise<boolean> {
  const groesse = quelle.groesse ?? 0;
  const teile: Buffer[] = [];
  for await (const t of quelle.lies(Math.max(0, groesse - 22 - 0xffff), groesse)) teile.push(t);
  const ende = Buffer.concat(teile);
  const i = ende.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  return i >= 0 && ende.length - i >= 22;
}

/**
 * Opens a workbook's sheet as a table. Its first rows are read to find the header (below a BA
 * table's title rows, or where `--kopfzeile` says); reading its data then goes on from there in
 * the same pass, so a large sheet is unpacked once.
 */
export async function oeffneMappe(quelle: Bytequelle, rolle: string, opt: LeseOptionen): Promise<Tabelle> {
  const datei = quelle.datei;
  if (!(await hatZipEnde(quelle))) {
    throw datenFehler(datei, { datei, meldung: 'Die Arbeitsmappe ist unvollständig: ihr Ende fehlt (abgeschnitten beim Kopieren, oder noch nicht fertig geschrieben?).', erwartet: 'eine vollständige .xlsx-Datei' });
  }
  // A workbook has no delimiter: the comma, as for every file not separated by commas.
  const dezimal = opt.dezimal ?? standardDezimal(';');
  const strom = new Blattstrom(quelle, opt.blatt);
  const zuordnung = zuordnungVon(opt);
  let kopfzeile: number;
  let roherKopf: string[];
  let breit = false;
  try {
    const anfang = await strom.bis(Math.max(KOPF_SUCHE, opt.kopfzeile ?? 0));
    const zeile = (nr: number) => anfang.find((z) => z.nr === nr);
    const breite = (z: Blattzeile | undefined) => Math.max(0, ...(z?.zellen ?? []).map(([s]) => s));
    const letzte = anfang.length ? anfang[anfang.length - 1].nr : 0;
    const wo = `Blatt „${strom.name}“`;
    const andere = strom.alle.length > 1 ? ` Die Arbeitsmappe hat ${strom.alle.length} Blätter (${strom.alle.map((n) => `„${n}“`).join(', ')}); --blatt wählt ein anderes.` : '';
    if (!anfang.length) throw datenFehler(datei, { datei, blatt: strom.name, meldung: `${wo} ist leer; erwartet wird eine Kopfzeile mit den Spaltennamen.${andere}` });
    if (opt.kopfzeile !== undefined && !zeile(opt.kopfzeile)) {
      throw datenFehler(datei, { datei, blatt: strom.name, zeile: opt.kopfzeile, meldung: `Zeile ${opt.kopfzeile} (--kopfzeile) von ${wo} ist leer; erwartet wird dort die Kopfzeile mit den Spaltennamen.` });
    }
    const form = opt.form ?? 'auto';
    const wahl = await waehleKopf(Math.max(letzte, opt.kopfzeile ?? 0), async (i) => felderVon(zeile(i + 1), breite(zeile(i + 1)), dezimal), rolle, zuordnung, form, opt.kopfzeile);
    breit = wahl.breit;
    if (form === 'breit' && rolle === 'monatswerte' && !breit) throw datenFehler(datei, { datei, blatt: strom.name, zeile: opt.kopfzeile, meldung: `${wo}: ${KEINE_MONATSSPALTEN}.` });
    const gefunden = wahl.index;
    // Without a header the role knows, the first filled row is read as one: its names are then reported.
    kopfzeile = gefunden === null ? anfang[0].nr : gefunden + 1;
    if (gefunden === null && andere) {
      const k = zeile(kopfzeile)!;
      throw datenFehler(datei, { datei, blatt: strom.name, zeile: kopfzeile, wert: felderVon(k, breite(k), dezimal).filter(Boolean).slice(0, 6).join(' | '), meldung: `In den ersten ${KOPF_SUCHE} Zeilen von ${wo} steht keine Kopfzeile mit Spalten der Rolle ${rolle}.${andere}`, erwartet: `Spalten wie ${kopfSpalten(rolle).slice(0, 4).join(', ')}` });
    }
    const k = zeile(kopfzeile)!;
    roherKopf = felderVon(k, breite(k), dezimal);
  } catch (e) {
    await strom.schliesse().catch(() => undefined);
    throw mappenFehler(datei, e);
  }

  if (breit) {
    const breiteKopf = roherKopf.length;
    return breiteTabelle({
      quelle, rolle, opt, basis: { kodierung: 'utf8', trennzeichen: ';', bomLaenge: 0, crlf: false, blatt: strom.name }, kopfzeile, kopf: roherKopf,
      zeilen: (async function* () {
        try {
          for await (const z of strom.ab(kopfzeile)) {
            const fehler = new Map<number, string>();
            for (const [sp, w] of z.zellen) {
              const warum = zellFehler(w);
              if (warum) fehler.set(sp - 1, warum);
            }
            yield { nr: z.nr, felder: felderVon(z, Math.max(breiteKopf, ...z.zellen.map(([sp]) => sp)), dezimal), ...(fehler.size ? { fehler } : {}) };
          }
        } catch (e) {
          throw mappenFehler(datei, e);
        } finally {
          await strom.schliesse().catch(() => undefined);
        }
      })(),
      pruefsumme: () => strom.pruefsumme(),
    });
  }
  const format: TabellenFormat = {
    kodierung: 'utf8', trennzeichen: ';', bomLaenge: 0, einfach: false, crlf: false,
    kopf: kanonischerKopf(roherKopf, zuordnung), roherKopf, zuordnung, kopfzeile,
    konfiguration: opt.konfiguration, werte: opt.werte, maxProbleme: opt.maxProbleme, blatt: strom.name,
  };
  let gelesen = false;
  return {
    datei, kodierung: format.kodierung, trennzeichen: format.trennzeichen, einfach: false, kopf: format.kopf, format, quelle,
    lies: async (schema, verarbeite, schnell) => {
      // One pass over the zip: a second reading of the same table would need a second pass, which no use case asks for.
      if (gelesen) throw new Error(`${datei}: Arbeitsmappe zweimal gelesen`);
      gelesen = true;
      // A header the schema refuses ends the reading before any row: the sheet is still read to its end.
      try {
        const e = await lesen(schema, verarbeite, schnell);
        return { ...e, probleme: e.probleme.map(seriennummer) };
      } finally {
        await strom.schliesse().catch(() => undefined);
      }
    },
  };

  function lesen<S extends Spalten>(schema: Schema<S>, verarbeite: (zeile: Zeile<S>, nr: number) => ZeilenProblem | void, schnell?: SchnelleZeile<S>) {
      return liesDaten(quelle, rolle, format, schema, undefined, async (s) => {
        const pruefung = new Zeilenpruefung(datei, format, s.schema, s.kopf, verarbeite, schnell);
        const breite = format.kopf.length;
        const gelesenIn = new Set(s.kopf.position.values());
        const rechts = new Spaltenfunde();
        try {
          for await (const z of strom.ab(kopfzeile)) {
            if (pruefung.abgebrochen) break;
            let fehler: { spalte: number; text: string; warum: string } | null = null;
            for (const [spalte, w] of z.zellen) {
              if (spalte > breite) {
                // A value right of the last header: data nobody said how to read (once per column).
                rechts.merke(spalte, z.nr, zellText(w, dezimal));
              } else if (!fehler && gelesenIn.has(spalte - 1)) {
                const warum = zellFehler(w);
                if (warum) fehler = { spalte, text: zellText(w, dezimal), warum };
              }
            }
            if (fehler) {
              // No readable value where a read value belongs: the row is refused, whatever the column would take.
              pruefung.zeilen++;
              const name = format.kopf[fehler.spalte - 1] ?? roherKopf[fehler.spalte - 1];
              pruefung.melde({ datei, zeile: z.nr, spalte: fehler.spalte, spaltenname: name, wert: fehler.text, meldung: `Spalte „${name}“: ${fehler.warum}.`, erwartet: ERWARTET_WERT });
              continue;
            }
            pruefung.textZeile(z.nr, felderVon(z, breite, dezimal));
          }
        } catch (e) {
          throw mappenFehler(datei, e);
        } finally {
          await strom.schliesse().catch(() => undefined);
        }
        for (const [spalte, f] of rechts) {
          pruefung.melde({
            datei, zeile: f.zeile, spalte, wert: f.text, erwartet: `eine leere Zelle (die Kopfzeile ${kopfzeile} endet in Spalte ${spaltenBuchstaben(breite)})`,
            meldung: `rechts der Kopfzeile ${f.anzahl === 1 ? 'steht ein Wert' : `stehen in ${f.anzahl} Zeilen Werte`}, zuerst „${f.text}“; eine Spalte ohne Überschrift wird nicht gelesen.`,
          });
        }
        return { pruefung, sha256: await strom.pruefsumme() };
      });
  }
}
