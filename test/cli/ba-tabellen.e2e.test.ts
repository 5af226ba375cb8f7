// BA tables saved as CSV from Excel (issue 11): title lines above the header, footnote markers in
// labels, a footnote and source block below the data and BA symbols in cells read as the plain
// table with the same numbers would be; what was skipped is said, and line numbers stay the file's.

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { arbeitsordner, imProzess } from './hilfen.js';

const { datei } = arbeitsordner('ba-tabellen');
const BA = 'fixtures/ba/monatswerte-ba.csv';
const PLAIN = 'fixtures/ba/monatswerte-plain.csv';
const KONFIG = 'fixtures/ba/konfiguration.json';
const report = (args: string[]) => imProzess(['report', '--monat', '2024-06', '--json', ...args]);
/** The report without its inputs (file name and checksum differ by design). */
const ohneEingaben = (stdout: string) => {
  const r = JSON.parse(stdout);
  delete r.eingaben;
  return r;
};

describe('a BA Monatswerte table', () => {
  it('gives the report of the plain table: titles, marked labels, footnotes and * - . cells', async () => {
    // The fixture: 3 title lines, the header in line 4, 13 months in lines 5–17, an empty row in
    // 18 and 5 footnote lines from 19; lzb is `-` in 2023-08, `.` in 2023-09, `*` in 2024-01.
    expect(readFileSync(BA, 'utf8').split('\r\n')[3]).toBe('Monat;Gruppe;Bestand ELB 1);Integrationen²;Bestand LZB *');
    const ba = await report(['--monatswerte', BA, '--config', KONFIG]);
    const plain = await report(['--monatswerte', PLAIN]);
    expect(ba.code, ba.stderr).toBe(0);
    expect(plain.code, plain.stderr).toBe(0);
    expect(ohneEingaben(ba.stdout)).toEqual(ohneEingaben(plain.stdout));
    expect(JSON.parse(ba.stdout).eingaben[0].zeilen).toBe(13);
    expect(ba.stderr).toContain(`${BA}: 3 Titelzeilen über der Kopfzeile (Zeile 4) und 5 Fußnotenzeilen ab Zeile 19 übersprungen`);
    expect(plain.stderr).not.toContain('übersprungen');
    // The symbols as the BA legend means them: `.` unknown and `*` suppressed are named as such.
    const tabelle = await imProzess(['report', '--monat', '2024-06', '--format', 'table', '--monatswerte', BA, '--config', KONFIG]);
    expect(tabelle.stdout).toContain('lzb fehlt für 2023-09; lzb gesperrt (*) für 2024-01');
  });

  it('reads `-` as zero (nothing there), not as a missing value', async () => {
    // K3 (change in LZB) for 08/2024 against 08/2023, where the BA table says `-`.
    const mit = datei('strich.csv', readFileSync(PLAIN, 'utf8').replace(/^2023-08;(.*);2\.500\.000$/m, '2023-08;$1;-') + '2024-08;Insgesamt;4.000.000;67.000;2.500.000\n');
    const r = await imProzess(['report', '--monat', '2024-08', '--json', '--monatswerte', mit]);
    expect(r.code, r.stderr).toBe(0);
    const k3 = JSON.parse(r.stdout).kennzahlen.find((k: { id: string }) => k.id === 'K3');
    // Zero, not missing: the change is against a base of 0 (not computable for that reason).
    expect(k3).toMatchObject({ zaehler: 2500000, nenner: 0, hinweis: 'Nenner ist 0' });
  });

  it('--kopfzeile names the header line; a wrong one is the header the problems are at', async () => {
    const genannt = await report(['--monatswerte', BA, '--config', KONFIG, '--kopfzeile', '4']);
    expect(genannt.code, genannt.stderr).toBe(0);
    expect(ohneEingaben(genannt.stdout)).toEqual(ohneEingaben((await report(['--monatswerte', PLAIN])).stdout));
    const konfig = datei('kopf.json', JSON.stringify({ ...JSON.parse(readFileSync(KONFIG, 'utf8')), einstellungen: { kopfzeile: 4 } }));
    const ausKonfig = await report(['--monatswerte', BA, '--config', konfig]);
    expect(ausKonfig.code, ausKonfig.stderr).toBe(0);
    expect(ohneEingaben(ausKonfig.stdout)).toEqual(ohneEingaben(genannt.stdout));
    const falsch = await imProzess(['check', '--monatswerte', BA, '--kopfzeile', '2', '--format', 'json']);
    expect(falsch.code).toBe(65);
    const probleme = JSON.parse(falsch.stdout).eingaben[0].probleme as { zeile?: number; meldung: string }[];
    expect(probleme.map((p) => p.zeile)).toContain(2);
    expect(probleme.some((p) => p.meldung.includes('Pflichtspalte „monat“ fehlt'))).toBe(true);
    const jenseits = await imProzess(['check', '--monatswerte', PLAIN, '--kopfzeile', '900', '--format', 'table']);
    expect(jenseits.code).toBe(65);
    expect(jenseits.stdout + jenseits.stderr).toContain('Kopfzeile 900 (--kopfzeile) gibt es nicht');
    const leer = await imProzess(['check', '--monatswerte', BA, '--config', KONFIG, '--kopfzeile', '3', '--format', 'table']);
    expect(leer.code).toBe(65);
    expect(leer.stdout).toContain('Zeile 3 (--kopfzeile) ist leer');
    const null_ = await imProzess(['check', '--monatswerte', PLAIN, '--kopfzeile', '0']);
    expect(null_.code).toBe(2);
    expect(null_.stderr).toContain('--kopfzeile erwartet eine ganze Zahl von 1 bis 1000, nicht „0“');
  });

  it('refuses data below the footnotes (65), naming its line', async () => {
    const text = readFileSync(BA, 'utf8').trimEnd() + '\r\n;;;;\r\n2024-07;Insgesamt;3.990.000;67.000;2.500.000\r\n';
    const r = await imProzess(['report', '--monat', '2024-06', '--format', 'table', '--monatswerte', datei('darunter.csv', text), '--config', KONFIG]);
    expect(r.code).toBe(65);
    expect(r.stderr).toContain(':25: Zeile 25 sieht aus wie Daten, steht aber unter den Fußnoten (ab Zeile 19)');
  });

  it('keeps the file\'s line numbers in problems below title lines', async () => {
    const text = readFileSync(BA, 'utf8').replace('2023-07;Insgesamt;3.950.000', '2023-07;Insgesamt;3,95 Mio');
    const r = await imProzess(['check', '--monatswerte', datei('kaputt.csv', text), '--config', KONFIG, '--format', 'json']);
    expect(r.code).toBe(65);
    expect(JSON.parse(r.stdout).eingaben[0].probleme[0]).toMatchObject({ zeile: 6, spalte: 3, wert: '3,95 Mio' });
  });

  it('check shows what was skipped in the file\'s line', async () => {
    const r = await imProzess(['check', '--monatswerte', BA, '--config', KONFIG, '--format', 'table']);
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toContain('3 Titelzeilen über der Kopfzeile (Zeile 4) und 5 Fußnotenzeilen ab Zeile 19 übersprungen');
  });
});

describe('a zeitraeume CSV with a title line', () => {
  const KANTEN = 'fixtures/kanten/zeitraeume.csv';
  const lzb = (zeitraeume: string, format = 'json') => imProzess(['lzb', '--von', '2015-06', '--bis', '2016-12', '--datenstand', '2016-12-31', '--format', format, '--zeitraeume', zeitraeume]);
  it('gives the numbers of the file without it, with the title said', async () => {
    const mitTitel = datei('titel.csv', `Leistungszeiträume Jobcenter Beispiel;;;\n;;;\n${readFileSync(KANTEN, 'utf8')}Quelle: eigenes Fachverfahren;;;\n`);
    const ohne = await lzb(KANTEN);
    const mit = await lzb(mitTitel);
    expect(mit.code, mit.stderr).toBe(0);
    expect(JSON.parse(mit.stdout).stichtage).toEqual(JSON.parse(ohne.stdout).stichtage);
    expect(mit.stderr).toContain(`${mitTitel}: 2 Titelzeilen über der Kopfzeile (Zeile 3) und eine Fußnotenzeile ab Zeile 23 übersprungen`);
  });
  it('refuses a valid row below the footnotes even where the fast path would take it', async () => {
    const text = `${readFileSync(KANTEN, 'utf8')}Quelle: eigenes Fachverfahren;;;\nZ;2015-01-01;;ELB\n`;
    const r = await lzb(datei('darunter.csv', text), 'table');
    expect(r.code).toBe(65);
    expect(r.stderr).toContain('darunter.csv:22: Zeile 22 sieht aus wie Daten, steht aber unter den Fußnoten (ab Zeile 21)');
  });
  it('through csv-parse too (quotes), with the file\'s line numbers', async () => {
    const text = `"Leistungszeiträume";;;\n${readFileSync(KANTEN, 'utf8').replace('B;2015-03-19', 'B;2015-13-19')}`;
    const r = await lzb(datei('quote.csv', text), 'table');
    expect(r.code).toBe(65);
    expect(r.stderr).toMatch(/quote\.csv:4:2: Spalte „beginn“: „2015-13-19“ ist ungültig/);
  });
});
