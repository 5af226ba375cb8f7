// `--format xlsx` (issue 11, writing): one workbook per report, read back here with the library the
// tool writes with. What a cell holds is compared with the JSON and the CSV of the same run (a set of
// --out-dir holds all three): exact values under a number format, the BA symbols as text,
// suppressed values nowhere.

import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough, Readable, Writable } from 'node:stream';
import { Workbook, type Worksheet } from '@cj-tech-master/excelts';
import { parse } from 'csv-parse/sync';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli/main.js';
import { arbeitsordner, imProzess } from './hilfen.js';

const { unterordner } = arbeitsordner('arbeitsmappe');

async function lade(bytes: Buffer): Promise<Workbook> {
  const wb = new Workbook();
  await wb.xlsx.load(bytes);
  return wb;
}

/** Runs a command with `--out FILE.xlsx` and loads what it wrote. */
async function mappe(args: string[]): Promise<{ code: number; bytes: Buffer; wb: Workbook }> {
  const datei = join(unterordner('m'), 'mappe.xlsx');
  const r = await imProzess([...args, '--format', 'xlsx', '--out', datei]);
  expect(r.stdout).toBe('');
  const bytes = readFileSync(datei);
  return { code: r.code, bytes, wb: await lade(bytes) };
}

/** A set of --out-dir, once per argument list in this file: the workbook, and the JSON and CSV of the same run. */
const saetze = new Map<string, Promise<{ bytes: Buffer; wb: Workbook; json: any; csv: string }>>();
function satz(args: string[]) {
  const schluessel = JSON.stringify(args);
  if (!saetze.has(schluessel)) {
    saetze.set(schluessel, (async () => {
      const ordner = unterordner('satz');
      expect((await imProzess([...args, '-q', '--out-dir', ordner])).code).toBe(0);
      const datei = (endung: string) => join(ordner, readdirSync(ordner).find((d) => d.endsWith(endung) && !d.endsWith('.manifest.json'))!);
      const bytes = readFileSync(datei('.xlsx'));
      return { bytes, wb: await lade(bytes), json: JSON.parse(readFileSync(datei('.json'), 'utf8')), csv: readFileSync(datei('.csv'), 'utf8') };
    })());
  }
  return saetze.get(schluessel)!;
}
const LZB = ['lzb', '--zeitraeume', 'fixtures/kanten/zeitraeume.csv', '--personen', 'fixtures/kanten/personen.csv', '--datenstand', '2016-12-31', '--von', '2016-10', '--bis', '2016-12', '--nach', 'geschlecht'];

/** A sheet's cells as values, row by row from row 1; an empty cell is null. */
function zellen(ws: Worksheet): unknown[][] {
  return Array.from({ length: ws.rowCount }, (_, r) => Array.from({ length: ws.columnCount }, (_, c) => ws.getCell(r + 1, c + 1).value ?? null));
}

const blatt = (wb: Workbook, name: string) => {
  const ws = wb.getWorksheet(name);
  if (!ws) throw new Error(`no sheet ${name}: ${wb.worksheets.map((w) => w.name).join(', ')}`);
  return ws;
};
const sha = (datei: string) => createHash('sha256').update(readFileSync(datei)).digest('hex');
const PROZENT = '0.0 %';
const VERAENDERUNG = '+0.0 %;-0.0 %;0.0 %';

afterEach(() => void vi.useRealTimers());

describe('report as a workbook', () => {
  it('demo: a sheet per section, the title block above frozen headers, exact values under German formats', async () => {
    const { wb, json: j } = await satz(['demo']);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Kennzahlen', 'Ziele', 'Monatsreihe', 'Hinweise', 'Eingaben']);
    const ws = blatt(wb, 'Kennzahlen');
    const z = zellen(ws);
    expect(z.slice(0, 8).map((r) => r.slice(0, 2))).toEqual([
      ['Kennzahlen nach § 48a SGB II · Jobcenter Elbe-Elster (Demo, synthetische Daten) · Berichtsmonat 06/2017', null],
      ['Jobcenter', 'Elbe-Elster (Demo, synthetische Daten)'],
      ['Berichtsmonat', '06/2017'],
      ['Datenstand', '31.12.2017'],
      ['Jahresfortschritt (JFW)', '01/2017–06/2017'],
      ['Demo', 'synthetische Beispieldaten, keine echten Zahlen'],
      [null, null],
      ['ID', 'Kennzahl'],
    ]);
    expect(z[7]).toEqual(['ID', 'Kennzahl', '06/2017', '06/2016', 'JFW 2017', 'JFW 2016', 'Zähler', 'Nenner']);
    // The header row stays in view, with the title block above it.
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 8 });
    expect(blatt(wb, 'Ziele').views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });

    const zeile = (id: string) => 8 + 1 + j.kennzahlen.findIndex((k: { id: string }) => k.id === id);
    // K2 26,8 %: the exact share, not the rounded one, under a percent format.
    const k2 = j.kennzahlen.find((k: { id: string }) => k.id === 'K2');
    expect(ws.getCell(zeile('K2'), 3).value).toBe(k2.wert_exakt / 100);
    expect(ws.getCell(zeile('K2'), 3).value).not.toBe(0.268);
    expect(ws.getCell(zeile('K2'), 3).numFmt).toBe(PROZENT);
    expect(ws.getCell(zeile('K2'), 5).value).toBe(k2.jahresfortschritt.wert_exakt / 100);
    // 1.924 integrations over a mean stock of 7.177,58…: a count and a mean with one decimal shown.
    expect([ws.getCell(zeile('K2'), 7).value, ws.getCell(zeile('K2'), 7).numFmt]).toEqual([1924, '#,##0']);
    expect([ws.getCell(zeile('K2'), 8).value, ws.getCell(zeile('K2'), 8).numFmt]).toEqual([k2.nenner, '#,##0.0']);
    expect(k2.nenner).not.toBe(Math.round(k2.nenner));
    // K3 is a change: signed; its numerator is the LZB stock of the month.
    const k3 = j.kennzahlen.find((k: { id: string }) => k.id === 'K3');
    expect([ws.getCell(zeile('K3'), 3).value, ws.getCell(zeile('K3'), 3).numFmt]).toEqual([k3.wert_exakt / 100, VERAENDERUNG]);
    expect(ws.getCell(zeile('K3'), 7).value).toBe(k3.zaehler);
    // K1 sums euros.
    const k1 = j.kennzahlen.find((k: { id: string }) => k.id === 'K1');
    expect([ws.getCell(zeile('K1'), 7).value, ws.getCell(zeile('K1'), 7).numFmt]).toEqual([k1.zaehler, '#,##0.00 "€"']);

    // Every column is as wide as its widest header or value (as German Excel shows it), within 60.
    const breite = (c: number) => ws.getColumn(c).width ?? ws.properties.defaultColWidth ?? 0;
    expect(breite(2)).toBe(60);
    expect(breite(1)).toBeGreaterThanOrEqual('Jahresfortschritt (JFW)'.length);
    expect(breite(7)).toBeGreaterThanOrEqual('2.743.698,50 €'.length);
    expect(breite(3)).toBeGreaterThanOrEqual('-11,6 %'.length);
    expect(breite(3)).toBeLessThan(15);

    // ABG_LZA: at least 420 in the year, so 210 by June, beside the projection and 420 for December.
    const ziele = zellen(blatt(wb, 'Ziele'));
    expect(ziele[0]).toEqual(['Ziel', 'Wortlaut', 'Vorgabe', 'Ist (JFW)', 'Vorjahr', 'Soll', 'Abweichung (Pp bzw. Anzahl)', 'Abweichung relativ', 'Status', 'Hochrechnung Dez.', 'Soll Dez.']);
    const lza = ziele.find((r) => r[0] === 'ABG_LZA')!;
    expect([lza[2], lza[5], lza[8], lza[10]]).toEqual(['mindestens 420 im Jahr (anteilig 6/12)', 210, 'verfehlt', 420]);
    const k3Ziel = j.ziele.find((x: { id: string }) => x.id === 'K3');
    const k3Zeile = 1 + j.ziele.indexOf(k3Ziel);
    expect([blatt(wb, 'Ziele').getCell(k3Zeile + 1, 4).value, blatt(wb, 'Ziele').getCell(k3Zeile + 1, 4).numFmt]).toEqual([k3Ziel.ist / 100, '+0.00 %;-0.00 %;0.00 %']);

    // The monthly series of the charts: 24 months per indicator, January 2017's year to date starting afresh.
    const reihe = zellen(blatt(wb, 'Monatsreihe'));
    expect(reihe[0]).toEqual(['Monat', 'ID', 'Kennzahl', 'Monatswert', 'Jahresfortschritt']);
    expect(reihe.length - 1).toBe(15 * 24);
    const juni = reihe.find((r) => r[0] === '2017-06' && r[1] === 'K2')!;
    expect([juni[3], juni[4]]).toEqual([k2.wert_exakt / 100, k2.jahresfortschritt.wert_exakt / 100]);
    const januar = reihe.find((r) => r[0] === '2017-01' && r[1] === 'K2')!;
    expect(januar[3]).toBeGreaterThan(januar[4] as number);

    const eingaben = zellen(blatt(wb, 'Eingaben'));
    expect(eingaben[0]).toEqual(['Rolle', 'Datei', 'Zeilen bzw. Einträge', 'Format', 'Kodierung', 'Trennzeichen', 'Blatt', 'SHA-256']);
    expect(eingaben[1]).toEqual(['zeitraeume', 'fixtures/demo/zeitraeume.csv', 20226, 'CSV', 'UTF-8', 'Semikolon', null, sha('fixtures/demo/zeitraeume.csv')]);
    expect(eingaben[7]).toEqual(['ziele', 'fixtures/demo/ziele-2017.json', 7, 'JSON', null, null, null, sha('fixtures/demo/ziele-2017.json')]);
  });

  it('writes what JSON writes under --suppress-below, * and x as text, and no suppressed number in any cell', async () => {
    const { wb, json: j } = await satz(['demo', '--nach', 'geschlecht', '--suppress-below', '30']);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Kennzahlen', 'Gruppen', 'Ziele', 'Monatsreihe', 'Hinweise', 'Eingaben']);
    expect(zellen(blatt(wb, 'Kennzahlen')).find((r) => r[0] === 'Gesperrt unter')).toEqual(['Gesperrt unter', 30, null, null, null, null, null, null]);
    // Each value as JSON has it: a number (a share as a fraction), or the same symbol as text.
    const erwartet = (w: number | '*' | null, prozent = true) => (w === null ? 'x' : w === '*' ? '*' : prozent ? w / 100 : w);
    const kennzahl = (k: { id: string; name: string; wert_exakt: number | '*' | null; vorjahr_exakt: number | '*' | null; jahresfortschritt: { wert_exakt: number | '*' | null; vorjahr_exakt: number | '*' | null }; zaehler: number | '*' | null; nenner: number | '*' | null }) => [
      k.id, k.name, erwartet(k.wert_exakt), erwartet(k.vorjahr_exakt), erwartet(k.jahresfortschritt.wert_exakt), erwartet(k.jahresfortschritt.vorjahr_exakt), erwartet(k.zaehler, false), erwartet(k.nenner, false),
    ];
    expect(zellen(blatt(wb, 'Kennzahlen')).slice(9)).toEqual(j.kennzahlen.map(kennzahl));
    const namen: Record<string, string> = { w: 'Frauen', m: 'Männer' };
    const gruppen = zellen(blatt(wb, 'Gruppen'));
    expect(gruppen.slice(1)).toEqual(j.gruppen.flatMap((g: { gruppe: string; kennzahlen: Parameters<typeof kennzahl>[0][] }) => g.kennzahlen.map((k) => [namen[g.gruppe], ...kennzahl(k)])));
    // The women's K2 (958 of 3.633,8) is hidden (README): neither it nor its parts stand anywhere.
    const frauenK2 = gruppen.find((r) => r[0] === 'Frauen' && r[1] === 'K2')!;
    expect([frauenK2[3], frauenK2[4], frauenK2[7], frauenK2[8]]).toEqual(['*', '*', '*', '*']);
    const zahlen = wb.worksheets.flatMap((w) => zellen(w).flat().filter((v): v is number => typeof v === 'number'));
    expect(zahlen).not.toContain(958);
    const gesperrt = ['x', '*'].flatMap((s) => wb.worksheets.flatMap((w) => zellen(w).flat().filter((v) => v === s)));
    expect(gesperrt.length).toBeGreaterThan(10);
    // Symbols are text cells, not numbers in disguise.
    expect(blatt(wb, 'Gruppen').getCell(1 + gruppen.slice(1).indexOf(frauenK2) + 1, 4).type).toBe(3);
    expect(zellen(blatt(wb, 'Hinweise'))[2][0]).toBe('*');
  });
});

describe('aggregate, lzb and check as workbooks', () => {
  it('aggregate: the first sheet is the CSV table cell for cell, numbers as numbers, months as text', async () => {
    const { wb, csv: text } = await satz(['aggregate', '--config', 'fixtures/demo/kennzahlen.json', '--von', '2017-01', '--bis', '2017-02', '--nach', 'geschlecht', '--suppress-below', '30']);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Monatswerte', 'Bericht', 'Hinweise', 'Eingaben']);
    const ws = wb.worksheets[0];
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    const csv = parse(text, { delimiter: ';', bom: true }) as string[][];
    const tabelle = zellen(ws);
    expect(tabelle[0]).toEqual(csv[0]);
    expect(tabelle.length).toBe(csv.length);
    const alsCsv = (v: unknown) => (typeof v === 'number' ? String(v).replace('.', ',') : v);
    expect(tabelle.map((r) => r.map(alsCsv))).toEqual(csv);
    // The kinds of cell: a month as text, a count, a sum of euros, `*` and `x` as text.
    expect(csv.flat()).toContain('*');
    expect(csv.flat()).toContain('x');
    const llu = csv[0].indexOf('llu');
    expect([ws.getCell(2, 1).type, ws.getCell(2, 3).numFmt, ws.getCell(2, llu + 1).value, ws.getCell(2, llu + 1).numFmt]).toEqual([3, '#,##0', 2853219.87, '#,##0.00 "€"']);
    expect(zellen(blatt(wb, 'Bericht')).slice(0, 4).map((r) => r.slice(0, 2))).toEqual([
      ['Monatswerte · Jobcenter Elbe-Elster (Demo, synthetische Daten) · 01/2017–02/2017', null],
      ['Jobcenter', 'Elbe-Elster (Demo, synthetische Daten)'],
      ['Monate', '01/2017–02/2017'],
      ['Datenstand', '31.12.2017'],
    ]);
    // Why the groups' euro sums are x: the extract's benefits are not broken down by person.
    expect(zellen(blatt(wb, 'Hinweise'))[1]).toEqual(['2017-01', 'm', 'llu', 'llu fehlt für 2017-01 (Leistungen sind nicht nach Personen gegliedert)']);
  });

  it('lzb: a row per Stichtag as JSON has it, the share as a fraction, the groups on their sheet; suppressed alike', async () => {
    type Zaehler = Record<string, number | '*' | null> & { prognose: (number | '*')[] | null };
    const wert = (w: number | '*' | null) => (w === null ? 'x' : w);
    const werte = (s: Zaehler) => [
      ...['elb', 'elb_zugaenge', 'elb_abgaenge', 'lzb'].map((g) => wert(s[g])),
      typeof s.lzb_anteil === 'number' ? s.lzb_anteil / 100 : wert(s.lzb_anteil),
      ...['lzb_zugaenge', 'lzb_abgaenge', 'lzb_4_jahre', 'uebergang'].map((g) => wert(s[g])), ...(s.prognose ?? Array(6).fill(null)).map(wert),
    ];
    const namen: Record<string, string> = { m: 'Männer', w: 'Frauen', d: 'divers', x: 'ohne Angabe', unbekannt: 'unbekannt' };
    for (const sperre of [[], ['--suppress-below', '6']]) {
      const { wb, json: j } = await satz([...LZB, ...sperre]);
      expect(wb.worksheets.map((w) => w.name)).toEqual(['LZB', 'Gruppen', 'Hinweise', 'Eingaben']);
      const ws = blatt(wb, 'LZB');
      const kopf = sperre.length ? 9 : 8;
      expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: kopf });
      const z = zellen(ws);
      expect(z.slice(1, 6).map((r) => r.slice(0, 2))).toEqual([
        ['Jobcenter', 'nicht angegeben'], ['Berichtsmonat', '12/2016'], ['Datenstand', '31.12.2016'], ['Daten ab', '01.01.2012'],
        ['LZB-Regel', 'mindestens 638 von 730 Tagen ELB (21 von 24 Monaten), Stichtag am 15. des Monats'],
      ]);
      expect(z.slice(kopf)).toEqual(j.stichtage.map((s: Zaehler) => [s.monat, s.stichtag, ...werte(s)]));
      expect(zellen(blatt(wb, 'Gruppen')).slice(1)).toEqual(j.stichtage.flatMap((s: Zaehler & { gruppen: (Zaehler & { gruppe: string })[] }) => s.gruppen.map((g) => [s.monat, s.stichtag, namen[g.gruppe], ...werte(g)])));
    }
    // December, by hand (ausgabe.e2e.test.ts): 11 ELB, 8 LZB, 4 LZB inflows; 8 of 11 under the percent format.
    const { wb } = await satz(LZB);
    const dez = blatt(wb, 'LZB').getRow(8 + 3);
    expect([dez.getCell(1).value, dez.getCell(3).value, dez.getCell(6).value, dez.getCell(8).value]).toEqual(['2016-12', 11, 8, 4]);
    expect([dez.getCell(7).value, dez.getCell(7).numFmt]).toEqual([8 / 11, PROZENT]);
    // With --suppress-below 6 the 11 ELB are hidden, the 8 LZB shown, and so the share is hidden too.
    const gesperrt = await satz([...LZB, '--suppress-below', '6']);
    expect(zellen(blatt(gesperrt.wb, 'LZB'))[9 + 2].slice(2, 7)).toEqual(['*', 0, '*', 8, '*']);
  });

  it('check: a row per input, a row per problem with line and column as numbers; exit 65 after writing', async () => {
    const { code, wb } = await mappe(['check', '--zeitraeume', 'fixtures/fehler/zeitraeume.csv']);
    expect(code).toBe(65);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Eingaben', 'Probleme']);
    const eingaben = zellen(blatt(wb, 'Eingaben'));
    expect(eingaben[1]).toEqual(['Ergebnis', '1 Datei geprüft: 6 Probleme.', ...Array(9).fill(null)]);
    expect(eingaben[4].slice(0, 5)).toEqual(['zeitraeume', 'fixtures/fehler/zeitraeume.csv', 'ungültig', 6, 7]);
    const probleme = zellen(blatt(wb, 'Probleme'));
    // A CSV file has no cells to name: the Zelle column stays empty.
    expect(probleme.slice(1).map((r) => [r[2], r[3], r[4]])).toEqual([[null, 3, 2], [null, 4, 3], [null, 5, 4], [null, 6, null], [null, 7, 1], [null, 8, 2]]);
    expect(probleme[3].slice(5)).toEqual(['status', 'ALG', 'ELB oder NEF', 'Spalte „status“: „ALG“ ist ungültig; erwartet ELB oder NEF.']);
  });

  it('check of a workbook names each problem\'s cell as Excel does', async () => {
    const { code, wb } = await mappe(['check', '--zeitraeume', 'fixtures/xlsx/fehler.xlsx']);
    expect(code).toBe(65);
    const probleme = zellen(blatt(wb, 'Probleme'));
    expect(probleme[0].slice(2, 5)).toEqual(['Zelle', 'Zeile', 'Spalte']);
    expect(probleme.slice(1).map((r) => r.slice(2, 5))).toEqual([['Daten!B3', 3, 2], ['Daten!B4', 4, 2], ['Daten!A6', 6, 1], ['Daten!B7', 7, 2], ['Daten!F5', 5, 6]]);
  });
});

describe('bytes', () => {
  it('the same inputs give the same bytes at another time; the times are fixed, the author is the tool', async () => {
    vi.useFakeTimers({ toFake: ['Date'], now: new Date('2026-03-01T09:00:00Z') });
    const eins = await mappe(LZB);
    vi.setSystemTime(new Date('2026-03-02T17:31:07Z'));
    const zwei = await mappe(LZB);
    expect(zwei.bytes.equals(eins.bytes)).toBe(true);
    expect([eins.wb.creator, eins.wb.lastModifiedBy, eins.wb.created.toISOString(), eins.wb.modified.toISOString()]).toEqual(['kennzahlen', 'kennzahlen', '1980-01-01T00:00:00.000Z', '1980-01-01T00:00:00.000Z']);
    // Every zip entry at 1 January 1980, 00:00 in its local fields, also in this process's time zone (UTC+14).
    const eintraege = [...eins.bytes.toString('latin1').matchAll(/PK\x03\x04/g)].map((m) => [eins.bytes.readUInt16LE(m.index + 10), eins.bytes.readUInt16LE(m.index + 12)]);
    expect(eintraege.length).toBeGreaterThanOrEqual(9);
    expect(new Set(eintraege.map(String))).toEqual(new Set([String([0, (1 << 5) | 1])]));
  });

  it('--stamp writes the time of creation into the title block and the document properties', async () => {
    vi.useFakeTimers({ toFake: ['Date'], now: new Date('2026-03-01T09:00:00Z') });
    const { wb } = await mappe([...LZB, '--stamp']);
    expect(wb.created.toISOString()).toBe('2026-03-01T09:00:00.000Z');
    expect(zellen(blatt(wb, 'LZB')).find((r) => r[0] === 'Erstellt')?.[1]).toBe('2026-03-01T23:00:00+14:00');
  });

  it('goes to a pipe as the bytes of the set and of --out; to a terminal it is a usage error that names --out', async () => {
    const teile: Buffer[] = [];
    const pipe = new Writable({ write: (c: Buffer, _e, cb) => (teile.push(c), cb()) });
    const io = (stdout: Writable) => ({ stdout, stderr: new PassThrough(), stdin: Readable.from([]), env: {} });
    expect(await main([...LZB, '--format', 'xlsx', '-q'], io(pipe))).toBe(0);
    expect(Buffer.concat(teile).equals((await satz(LZB)).bytes)).toBe(true);
    expect(Buffer.concat(teile).equals((await mappe(LZB)).bytes)).toBe(true);

    let fehler = '';
    const terminal = Object.assign(new PassThrough(), { isTTY: true });
    const stderr = new Writable({ write: (c, _e, cb) => ((fehler += c), cb()) });
    expect(await main(['demo', '--format', 'xlsx'], { ...io(terminal), stderr })).toBe(2);
    expect(fehler).toContain('--out DATEI.xlsx');
    expect(terminal.read()).toBeNull();
    // The extension of --out names the format, for check too.
    const check = join(unterordner('c'), 'pruefung.xlsx');
    expect((await imProzess(['check', '--zeitraeume', 'fixtures/kanten/zeitraeume.csv', '--out', check])).code).toBe(0);
    expect(readFileSync(check).subarray(0, 4).toString('latin1')).toBe('PK\x03\x04');
  });
});
