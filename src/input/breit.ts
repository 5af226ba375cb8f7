// Monatswerte in the wide layout, as BA tables and spreadsheets show a time series: one column per
// month (`Jan 2017`, `2017-01`, a date), one row per indicator (`Bestand ELB`, or its canonical name),
// left of the months the row's label and optionally its group and region. Such a table is turned
// into the long table (`monat`, `gruppe`, region, one column per indicator) and read by the same
// schema and row validator as a long one; a problem is placed back at the cell it came from.
// Wide tables are small (months × indicators), so they are read whole when opened: the indicators,
// which become the columns, are known only from their rows.

import { isoMonat } from '../core/kalender.js';
import type { Problem } from '../fehler.js';
import { datenUnterFussnoten, findeKopf, gehoertZuFussnoten, istFussnote, KOPF_SUCHE } from './balayout.js';
import type { TabellenFormat } from './format.js';
import type { Bytequelle } from './quelle.js';
import { kopfSpalten, regionSpalte } from './rollen.js';
import { ohneFussnotenzeichen, type Zuordnung } from './spalten.js';
import { kanonischerKopf, kanonisierer, liesDaten, zuordnungVon, type LeseOptionen, type Tabelle } from './tabelle.js';
import { parseMonat } from './zellen.js';
import { Spaltenfunde, Zeilenpruefung } from './zeilen.js';

/** How Monatswerte are laid out: detected (`auto`), one row per month (`lang`) or one column per month (`breit`). */
export const FORMEN = ['auto', 'lang', 'breit'] as const;
export type Form = (typeof FORMEN)[number];

/** A row of the table as text, with its line (or sheet row) number. */
export interface Rohzeile {
  nr: number;
  felder: string[];
  /** A workbook's cells without a readable value (src/input/mappe.ts `zellFehler`), by column (0-based). */
  fehler?: ReadonlyMap<number, string>;
}

/** A region key left empty: in a sheet mostly a merged cell (the long and the wide reader say it alike). */
export const leererSchluessel = (spalte: string): string =>
  `Spalte „${spalte}“ ist leer; jede Zeile braucht den Schlüssel ihres Jobcenters (verbundene Zellen in Excel? Der Wert steht dann nur in der ersten Zeile: Verbund aufheben und ausfüllen).`;

/**
 * The month columns of a header row: at least two cells that name a month, right of at least one
 * label column. Null for any other row (a long header names `monat` instead).
 */
export function monatsSpalten(felder: readonly string[]): { index: number; monat: number }[] | null {
  const monate: { index: number; monat: number }[] = [];
  felder.forEach((f, index) => {
    const m = monatImKopf(f);
    if (m !== null) monate.push({ index, monat: m });
  });
  return monate.length >= 2 && monate[0].index > 0 ? monate : null;
}

/**
 * The month a header cell names, also with a BA marker behind it (`Jun 2024 p)` provisional,
 * `Jun 2024*`, `Jun 2024 1)`): a marked month is still a month of the series.
 */
function monatImKopf(f: string): number | null {
  if (f.trim() === '') return null;
  for (const text of [f, ohneFussnotenzeichen(f), f.replace(/\s*(?:\(?[a-z]\)|[a-z]\))$/i, '')]) {
    const m = parseMonat(text);
    if (m.ok && m.wert !== null) return m.wert;
  }
  return null;
}

/** A header cell that names a year but is no month the tool reads: a month column it would drop. */
const WIE_EIN_MONAT = /\b(?:19|20|21)\d{2}\b/;

/**
 * The header row of a table and its layout: the row `--kopfzeile` names; else the first of the
 * first rows that names the role's columns (src/input/balayout.ts); else, for Monatswerte, the first
 * that names months in a row (the wide layout). `form` declares the layout instead of detecting it.
 * `index` null: no header found (the caller reads the first row as one, or says what is missing).
 */
export async function waehleKopf(anzahl: number, felder: (i: number) => Promise<readonly string[] | null>, rolle: string, zuordnung: readonly Zuordnung[], form: Form, kopfzeile?: number): Promise<{ index: number | null; breit: boolean }> {
  const breitMoeglich = rolle === 'monatswerte' && form !== 'lang';
  const istBreit = (f: readonly string[] | null) => f !== null && monatsSpalten(f) !== null && (form === 'breit' || !kanonischerKopf(f, zuordnung).includes('monat'));
  if (kopfzeile !== undefined) {
    const f = await felder(kopfzeile - 1);
    return { index: kopfzeile - 1, breit: breitMoeglich && istBreit(f) };
  }
  if (form !== 'breit') {
    const i = await findeKopf(anzahl, felder, kopfSpalten(rolle), zuordnung);
    if (i !== null) return { index: i, breit: false };
  }
  if (breitMoeglich) {
    for (let i = 0; i < Math.min(anzahl, KOPF_SUCHE); i++) if (istBreit(await felder(i))) return { index: i, breit: true };
  }
  return { index: null, breit: false };
}

/** The wide layout was declared (`--layout breit`), but no header row names months. */
export const KEINE_MONATSSPALTEN = `keine Kopfzeile mit Monaten als Spalten (--layout breit); erwartet wird links der Name des Werts, rechts je Monat eine Spalte wie „Jan 2017“ oder „2017-01“, in den ersten ${KOPF_SUCHE} Zeilen oder in der Zeile, die --kopfzeile nennt`;

/** What a workbook's cell without a readable value should hold instead (src/input/mappe.ts `zellFehler`). */
export const ERWARTET_WERT = 'einen Wert (in Excel die Formel berichtigen oder den Wert als Zahl oder Text einfügen)';

/** Where a cell of the long table came from: the row and column (0-based) of the wide one. */
type Herkunft = { zeile: number; spalte: number };

export interface BreiteQuelle {
  quelle: Bytequelle;
  rolle: string;
  opt: LeseOptionen;
  /** Encoding, delimiter and sheet of the file, as its own reader found them. */
  basis: Pick<TabellenFormat, 'kodierung' | 'trennzeichen' | 'bomLaenge' | 'crlf' | 'blatt'>;
  kopfzeile: number;
  kopf: string[];
  /** The rows below the header. */
  zeilen: AsyncIterable<Rohzeile>;
  pruefsumme: () => Promise<string>;
}

export async function breiteTabelle(b: BreiteQuelle): Promise<Tabelle> {
  const { quelle, opt, kopf, kopfzeile } = b;
  const datei = quelle.datei;
  const zuordnung = zuordnungVon(opt);
  const kanonisiere = kanonisierer(zuordnung);
  const monate = monatsSpalten(kopf)!;
  const etiketten = kopf.slice(0, monate[0].index);
  const kanonisch = kanonischerKopf(etiketten, zuordnung);
  const gruppeIndex = kanonisch.indexOf('gruppe');
  const regionName = regionSpalte(kanonisch, new Set());
  const regionIndex = regionName === null ? -1 : kanonisch.indexOf(regionName);
  // The row's label is the last label column that is neither group nor region: the one beside the numbers.
  let merkmalIndex = -1;
  for (let i = etiketten.length - 1; i >= 0 && merkmalIndex < 0; i--) if (i !== gruppeIndex && i !== regionIndex) merkmalIndex = i;
  const vorab: Problem[] = [];
  // Right of the first month: more months, or columns such as a change rate, which are not read
  // (listed like any unread column); one that names a year is a month the tool cannot read, an error.
  const monatsIndex = new Set(monate.map((m) => m.index));
  const andere: { index: number; name: string | null; roh: string }[] = [];
  kopf.forEach((roh, index) => {
    if (index < monate[0].index || monatsIndex.has(index) || roh.trim() === '') return;
    const name = kanonisiere(roh);
    if (name !== null && WIE_EIN_MONAT.test(roh)) {
      vorab.push({ datei, zeile: kopfzeile, spalte: index + 1, wert: roh, meldung: `„${roh}“ steht zwischen den Monaten, ist aber keiner, den das Werkzeug liest; seine Spalte bliebe ungelesen.`, erwartet: `einen Monat wie „Jun 2024“ oder „2024-06“ (eine Spalte, die nicht gelesen werden soll: "spalten": {"monatswerte": {"${roh}": null}})` });
    } else andere.push({ index, name, roh });
  });
  let fussnotenAb: number | null = null;
  let fussnotenBis = 0;
  let leereZeilen = 0;
  let datenzeilen = 0;

  // Rows by group and region (as written), then by indicator.
  const schluessel = new Map<string, { gruppe: string; region: string; erste: number; merkmale: Map<string, Rohzeile> }>();
  const merkmale: string[] = [];
  const roheMerkmale: string[] = [];
  const ohneKopf = new Spaltenfunde();
  let letzteGruppe = '';
  const wirdGelesen = (i: number) => monatsIndex.has(i) || i === merkmalIndex || i === gruppeIndex || i === regionIndex;
  for await (const z of b.zeilen) {
    const felder = z.felder;
    if (fussnotenAb !== null) {
      if (gehoertZuFussnoten(felder)) fussnotenBis = z.nr;
      else {
        datenzeilen++;
        vorab.push(datenUnterFussnoten(datei, z.nr, fussnotenAb, felder.join(b.basis.trennzeichen)));
      }
      continue;
    }
    if (felder.every((f) => f.trim() === '')) {
      leereZeilen++;
      continue;
    }
    if (istFussnote(felder)) {
      fussnotenAb = fussnotenBis = z.nr;
      continue;
    }
    datenzeilen++;
    // Values under a column without a heading, or right of the header: nobody said what they are
    // (a month heading merged over sub-columns leaves such columns): once per column.
    felder.forEach((f, i) => {
      if (f.trim() === '' || (i < kopf.length && kopf[i].trim() !== '')) return;
      ohneKopf.merke(i, z.nr, f);
    });
    const etikett = merkmalIndex < 0 ? '' : (felder[merkmalIndex] ?? '').trim();
    if (etikett === '') {
      vorab.push({
        datei, zeile: z.nr, spalte: merkmalIndex + 1,
        meldung: `Zeile ${z.nr} hat Werte, aber keinen Namen in Spalte ${merkmalIndex + 1}${merkmalIndex >= 0 && etiketten[merkmalIndex] ? ` („${etiketten[merkmalIndex]}“)` : ''} (verbundene Zellen in Excel? Der Name steht dann nur in der ersten Zeile).`,
        erwartet: 'in jeder Zeile der Name des Werts, z. B. elb oder „Bestand ELB“ (mit Zuordnung in der Konfiguration)',
      });
      continue;
    }
    const name = kanonisiere(etikett);
    // Mapped to null in the config: a row deliberately not read.
    if (name === null) continue;
    const gruppe = gruppeIndex < 0 ? '' : (felder[gruppeIndex] ?? '').trim();
    const region = regionIndex < 0 ? '' : (felder[regionIndex] ?? '').trim();
    // Once per row, here: in the long table every month of the row would say it again.
    if (regionIndex >= 0 && region === '') {
      vorab.push({ datei, zeile: z.nr, spalte: regionIndex + 1, meldung: leererSchluessel(etiketten[regionIndex]) });
      continue;
    }
    // An empty group below a row of a group is, in a sheet, mostly that group's merged cell: the
    // rows would silently count for the whole Jobcenter. The total is written out or comes first.
    if (gruppeIndex >= 0 && gruppe === '' && letzteGruppe !== '') {
      vorab.push({ datei, zeile: z.nr, spalte: gruppeIndex + 1, meldung: `Spalte „${etiketten[gruppeIndex]}“ ist leer, nach Zeilen der Gruppe „${letzteGruppe}“ (verbundene Zellen in Excel?); eine leere Gruppe hieße: das ganze Jobcenter.`, erwartet: 'die Gruppe in jeder Zeile, für das ganze Jobcenter „Insgesamt“' });
      continue;
    }
    letzteGruppe = gruppe;
    // A cell of the row that is read but holds no value (an error value, a number Excel cut).
    const fehlerhaft = [...(z.fehler ?? [])].find(([i]) => wirdGelesen(i));
    if (fehlerhaft) {
      const [i, warum] = fehlerhaft;
      const monat = monate.find((m) => m.index === i);
      const wo = monat ? `„${etikett}“ für ${isoMonat(monat.monat)}` : `Spalte „${kopf[i] || i + 1}“`;
      vorab.push({ datei, zeile: z.nr, spalte: i + 1, wert: felder[i], meldung: `${wo}: ${warum}.`, erwartet: ERWARTET_WERT });
      continue;
    }
    const k = `${region}\u0000${gruppe}`;
    let s = schluessel.get(k);
    if (!s) schluessel.set(k, (s = { gruppe, region, erste: z.nr, merkmale: new Map() }));
    const schon = s.merkmale.get(name);
    if (schon) {
      const wo = [gruppe && `Gruppe „${gruppe}“`, region && `Region „${region}“`].filter(Boolean).join(', ');
      vorab.push({ datei, zeile: z.nr, spalte: merkmalIndex + 1, wert: etikett, meldung: `„${etikett}“ steht${wo ? ` für ${wo}` : ''} zweimal, in Zeile ${schon.nr} und ${z.nr}; erwartet wird eine Zeile je Wert${gruppeIndex >= 0 || regionIndex >= 0 ? ', Gruppe und Region' : ''}.` });
      continue;
    }
    s.merkmale.set(name, z);
    if (!merkmale.includes(name)) {
      merkmale.push(name);
      roheMerkmale.push(etikett);
    }
  }

  for (const [i, u] of ohneKopf) {
    vorab.push({
      datei, zeile: u.zeile, spalte: i + 1, wert: u.text, erwartet: `eine Überschrift in Zeile ${kopfzeile} (ein Monat) oder leere Zellen`,
      meldung: `Spalte ${i + 1} hat keine Überschrift, enthält aber ${u.anzahl === 1 ? 'einen Wert' : `in ${u.anzahl} Zeilen Werte`}, zuerst „${u.text}“ (eine Überschrift über mehreren Spalten?); sie würde nicht gelesen.`,
    });
  }

  // The long table: monat, group and region where the wide one has them, then one column per indicator.
  const langKopf: (string | null)[] = ['monat'];
  const roherKopf = ['monat'];
  const etikettSpalten: number[] = [];
  for (const i of [gruppeIndex, regionIndex]) {
    if (i < 0) continue;
    langKopf.push(kanonisch[i]);
    roherKopf.push(etiketten[i]);
    etikettSpalten.push(i);
  }
  langKopf.push(...merkmale);
  roherKopf.push(...roheMerkmale);
  // Not read, but named: `check` lists them with the table's other unread columns.
  for (const a of andere) {
    if (a.name === null || langKopf.includes(a.name)) continue;
    langKopf.push(a.name);
    roherKopf.push(a.roh);
  }
  const leer = langKopf.length - 1 - etikettSpalten.length - merkmale.length;
  const format: TabellenFormat = {
    ...b.basis, einfach: false, kopf: langKopf, roherKopf, kopfzeile,
    // The row labels take the place of the header's names: a mapping names a row label.
    zuordnung, konfiguration: opt.konfiguration, werte: opt.werte, maxProbleme: opt.maxProbleme,
  };

  let gelesen = false;
  return {
    datei, kodierung: format.kodierung, trennzeichen: format.trennzeichen, einfach: false, kopf: format.kopf, format, quelle,
    lies: (schema, verarbeite) => {
      if (gelesen) throw new Error(`${datei}: breite Tabelle zweimal gelesen`);
      gelesen = true;
      return liesDaten(quelle, b.rolle, format, schema, undefined, async (s) => {
        const pruefung = new Zeilenpruefung(datei, format, s.schema, s.kopf, verarbeite);
        const herkunft: Herkunft[][] = [];
        for (const { gruppe, region, erste, merkmale: zeilen } of schluessel.values()) {
          for (const { index, monat } of monate) {
            if (pruefung.abgebrochen) break;
            const felder = [isoMonat(monat)];
            const woher: Herkunft[] = [{ zeile: kopfzeile, spalte: index }];
            for (const i of etikettSpalten) {
              felder.push(i === gruppeIndex ? gruppe : region);
              woher.push({ zeile: erste, spalte: i });
            }
            for (const m of merkmale) {
              const z = zeilen.get(m);
              felder.push(z?.felder[index] ?? '');
              woher.push({ zeile: z?.nr ?? kopfzeile, spalte: index });
            }
            for (let i = 0; i < leer; i++) felder.push('');
            herkunft.push(woher);
            pruefung.textZeile(herkunft.length, felder);
          }
        }
        // Problems are at the wide table's cells: a value at its row and month column, a month at its header cell.
        for (let i = 0; i < pruefung.probleme.length; i++) {
          const p = pruefung.probleme[i];
          const woher = p.zeile !== undefined ? herkunft[p.zeile - 1] : undefined;
          if (!woher) continue;
          const spalte = p.spalte !== undefined ? p.spalte - 1 : p.spaltenname !== undefined ? langKopf.indexOf(p.spaltenname) : 0;
          const h = woher[spalte] ?? woher[0];
          pruefung.probleme[i] = { ...p, zeile: h.zeile, spalte: h.spalte + 1 };
        }
        for (const p of vorab) pruefung.melde(p);
        pruefung.zeilen = datenzeilen;
        pruefung.leereZeilen = leereZeilen;
        pruefung.fussnotenAb = fussnotenAb;
        pruefung.fussnotenBis = fussnotenBis;
        return { pruefung, sha256: await b.pruefsumme() };
      });
    },
  };
}
