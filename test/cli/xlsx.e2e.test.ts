// Workbooks (.xlsx) as inputs (issue 11): each fixture in fixtures/xlsx/ has a CSV twin with the
// same content (fixtures/xlsx/erzeuge.py writes them as Excel does), and both give the same
// numbers; a bad cell is named by sheet and cell, with exit 65.

import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { arbeitsordner, einmalJe, imProzess } from './hilfen.js';

const X = 'fixtures/xlsx';
const lauf = einmalJe();
// Registered here, at the top: a folder made inside a test would outlive the file's afterAll.
const { datei, unterordner } = arbeitsordner('xlsx');
/** The report without its inputs (file names and checksums differ by design). */
const ohneEingaben = (stdout: string) => {
  const r = JSON.parse(stdout);
  delete r.eingaben;
  return r;
};

describe('a BA Eckwerte workbook', () => {
  const BA = ['--monat', '2024-06', '--json', '--config', 'fixtures/ba/konfiguration.json'];
  const PLAIN = ['--monat', '2024-06', '--json'];
  it('gives the numbers of the plain CSV: title rows, merged titles, month dates, text numbers, a formula, symbols, footnotes', async () => {
    const xlsx = await lauf(['report', ...BA, '--monatswerte', `${X}/eckwerte.xlsx`, '--blatt', 'Monatswerte']);
    const csv = await lauf(['report', ...PLAIN, '--monatswerte', 'fixtures/ba/monatswerte-plain.csv']);
    expect(xlsx.code, xlsx.stderr).toBe(0);
    expect(csv.code, csv.stderr).toBe(0);
    expect(ohneEingaben(xlsx.stdout)).toEqual(ohneEingaben(csv.stdout));
    // Row numbers are the sheet's: 3 title rows (one blank), the header in row 4, footnotes from row 19.
    expect(xlsx.stderr).toContain(`${X}/eckwerte.xlsx: 3 Titelzeilen über der Kopfzeile (Zeile 4) und 5 Fußnotenzeilen ab Zeile 19 übersprungen`);
    expect(JSON.parse(xlsx.stdout).eingaben[0]).toMatchObject({ rolle: 'monatswerte', zeilen: 13, kodierung: null, trennzeichen: null, blatt: 'Monatswerte' });
  });

  it('chooses the sheet by number, or per role in the config; the first sheet is the default', async () => {
    const nr = await lauf(['report', ...BA, '--monatswerte', `${X}/eckwerte.xlsx`, '--blatt', '2']);
    expect(nr.code, nr.stderr).toBe(0);
    const konfig = datei('k.json', JSON.stringify({ spalten: { monatswerte: { 'Bestand ELB': 'elb', 'Bestand LZB': 'lzb' } }, blaetter: { monatswerte: 'Monatswerte' } }));
    const ausKonfig = await imProzess(['report', '--monat', '2024-06', '--json', '--config', konfig, '--monatswerte', `${X}/eckwerte.xlsx`]);
    expect(ausKonfig.code, ausKonfig.stderr).toBe(0);
    expect(ohneEingaben(ausKonfig.stdout)).toEqual(ohneEingaben(nr.stdout));
    // The first sheet is the contents with the symbol legend: no header there, and the message says which sheets there are.
    const erstes = await lauf(['check', '--monatswerte', `${X}/eckwerte.xlsx`, '--format', 'table']);
    expect(erstes.code).toBe(65);
    expect(erstes.stdout).toContain(`${X}/eckwerte.xlsx:Inhalt!1: In den ersten 30 Zeilen von Blatt „Inhalt“ steht keine Kopfzeile mit Spalten der Rolle monatswerte. Die Arbeitsmappe hat 2 Blätter („Inhalt“, „Monatswerte“); --blatt wählt ein anderes.`);
    const fehlt = await lauf(['check', '--monatswerte', `${X}/eckwerte.xlsx`, '--blatt', 'Daten', '--format', 'table']);
    expect(fehlt.code).toBe(2);
    expect(fehlt.stderr).toContain(`${X}/eckwerte.xlsx: ein Blatt „Daten“ gibt es nicht; die Arbeitsmappe hat die Blätter 1 „Inhalt“, 2 „Monatswerte“.`);
    const falscheKonfig = datei('f.json', JSON.stringify({ blaetter: { monatswerte: 0 } }));
    const f = await imProzess(['check', '--config', falscheKonfig, '--monatswerte', `${X}/eckwerte.xlsx`]);
    expect(f.code).toBe(65);
    expect(f.stderr).toContain('blaetter.monatswerte: erwartet den Namen eines Blatts als Text oder seine Nummer (1 = das erste)');
  });
});

describe('Monatswerte of several Jobcenters in a workbook', () => {
  it('keep their keys as text (05111) and give the CSV twin\'s numbers', async () => {
    const args = ['report', '--monat', '2024-06', '--jobcenter', '05111', '--json', '--monatswerte'];
    const xlsx = await lauf([...args, `${X}/mehrere-jobcenter.xlsx`]);
    const csv = await lauf([...args, 'fixtures/monatswerte/mehrere-jobcenter.csv']);
    expect(xlsx.code, xlsx.stderr).toBe(0);
    expect(ohneEingaben(xlsx.stdout)).toEqual(ohneEingaben(csv.stdout));
    expect(JSON.parse(xlsx.stdout).kennzahlen.find((k: { id: string }) => k.id === 'K2')).toMatchObject({ wert: 18, zaehler: 360, nenner: 2000 });
  });

  it('refuse a key Excel stored as a number in some rows (5111 beside 05111)', async () => {
    const r = await lauf(['check', '--monatswerte', `${X}/mehrere-jobcenter-zahlen.xlsx`, '--format', 'table']);
    expect(r.code).toBe(65);
    expect(r.stdout).toContain('„05111“ und „5111“ unterscheiden sich nur in führenden Nullen');
  });

  it('refuse an empty key, as a merged cell leaves it', async () => {
    const csv = datei('leer.csv', 'Regionalschlüssel;Monat;ELB\n05111;2024-01;10\n;2024-02;10\n');
    const r = await imProzess(['check', '--monatswerte', csv, '--format', 'table']);
    expect(r.code).toBe(65);
    expect(r.stdout).toContain(`${csv}:3:1: Spalte „regionalschlüssel“ ist leer; jede Zeile braucht den Schlüssel ihres Jobcenters (verbundene Zellen in Excel?`);
  });
});

describe('person-level extracts from a data warehouse as workbooks', () => {
  it('give the demo report of the CSV extracts: serial dates in two formats, flags as numbers and truth values, sums as numbers and as German text', async () => {
    const basis = ['report', '--config', 'fixtures/demo/kennzahlen.json', '--ziele', 'fixtures/demo/ziele-2017.json', '--monat', '2017-06', '--json'];
    const xlsx = await imProzess([...basis, '--zeitraeume', `${X}/zeitraeume.xlsx`, '--personen', `${X}/personen.xlsx`, '--leistungen', `${X}/leistungen.xlsx`]);
    const csv = await imProzess(basis);
    expect(xlsx.code, xlsx.stderr).toBe(0);
    expect(csv.code).toBe(0);
    expect(ohneEingaben(xlsx.stdout)).toEqual(ohneEingaben(csv.stdout));
    const eingaben = JSON.parse(xlsx.stdout).eingaben as { rolle: string; datei: string; zeilen: number; blatt?: string; sha256: string }[];
    expect(eingaben.filter((e) => e.blatt).map((e) => [e.rolle, e.zeilen, e.blatt])).toEqual([['zeitraeume', 20226, 'Bestand'], ['personen', 12500, 'Personen'], ['leistungen', 60, 'Leistungen']]);
    // The checksum is the file's, every byte of it (the library need not read the zip to its end).
    for (const e of eingaben.filter((e) => e.blatt)) expect(e.sha256).toBe(createHash('sha256').update(readFileSync(e.datei)).digest('hex'));
  });
});

describe('workbooks of other writers', () => {
  it('LibreOffice\'s 1904 date system (date1904="true"): the dates of the CSV, not four years and a day early', async () => {
    const args = ['lzb', '--datenstand', '2017-06-30', '--monat', '2017-06', '--json', '--zeitraeume'];
    const xlsx = await lauf([...args, `${X}/zeitraeume-1904.xlsx`]);
    const csv = await lauf([...args, 'fixtures/kanten/zeitraeume.csv']);
    expect(xlsx.code, xlsx.stderr).toBe(0);
    expect(ohneEingaben(xlsx.stdout)).toEqual(ohneEingaben(csv.stdout));
  });

  it('openpyxl\'s (and so pandas\') absolute part paths', async () => {
    const args = ['report', '--config', 'fixtures/demo/kennzahlen.json', '--monat', '2017-06', '--json'];
    const xlsx = await lauf([...args, '--leistungen', `${X}/leistungen-openpyxl.xlsx`]);
    expect(xlsx.code, xlsx.stderr).toBe(0);
    expect(ohneEingaben(xlsx.stdout)).toEqual(ohneEingaben((await lauf(args)).stdout));
  });

  it('a hidden first sheet is passed over for the first the user sees; names ignore case, as in Excel', async () => {
    const plain = await lauf(['report', '--monat', '2024-06', '--json', '--monatswerte', 'fixtures/ba/monatswerte-plain.csv']);
    const versteckt = await lauf(['report', '--monat', '2024-06', '--json', '--monatswerte', `${X}/versteckt.xlsx`]);
    expect(versteckt.code, versteckt.stderr).toBe(0);
    expect(ohneEingaben(versteckt.stdout)).toEqual(ohneEingaben(plain.stdout));
    expect(JSON.parse(versteckt.stdout).eingaben[0].blatt).toBe('Monatswerte');
    const gross = await lauf(['report', '--monat', '2024-06', '--json', '--monatswerte', `${X}/versteckt.xlsx`, '--blatt', 'MONATSWERTE']);
    expect(ohneEingaben(gross.stdout)).toEqual(ohneEingaben(plain.stdout));
    const fehlt = await lauf(['check', '--monatswerte', `${X}/versteckt.xlsx`, '--blatt', '3']);
    expect(fehlt.stderr).toContain('ein Blatt Nr. 3 gibt es nicht; die Arbeitsmappe hat die Blätter 1 „Hilfswerte (ausgeblendet)“, 2 „Monatswerte“.');
  });

  it('a sheet whose part the library cannot find is named, with the sheets to choose from', async () => {
    const r = await lauf(['check', '--monatswerte', `${X}/sdk.xlsx`, '--format', 'table']);
    expect(r.code).toBe(65);
    expect(r.stdout).toContain('Blatt Nr. 1 hat keine lesbare Tabelle (ein Diagrammblatt, oder von einem Programm geschrieben, dessen Aufbau das Werkzeug nicht liest); die Arbeitsmappe hat die Blätter 1 „Daten“, 2 „Kopie“. Abhilfe: mit --blatt ein anderes wählen');
    expect((await lauf(['check', '--monatswerte', `${X}/sdk.xlsx`, '--blatt', 'Kopie', '--format', 'table'])).code).toBe(0);
  });

  it('a workbook cut off anywhere is an error (65), not a silent end', async () => {
    const ganz = readFileSync(`${X}/eckwerte.xlsx`);
    for (const laenge of [1000, 3000, ganz.length - 10]) {
      const r = await imProzess(['check', '--monatswerte', datei(`abgeschnitten-${laenge}.xlsx`, ganz.subarray(0, laenge)), '--format', 'table']);
      expect(r.code).toBe(65);
      expect(r.stdout).toContain('Die Arbeitsmappe ist unvollständig: ihr Ende fehlt (abgeschnitten beim Kopieren, oder noch nicht fertig geschrieben?).');
    }
  });
});

describe('bad cells', () => {
  it('are named by sheet and cell, with value and expectation (65)', async () => {
    const r = await lauf(['check', '--zeitraeume', `${X}/fehler.xlsx`, '--format', 'table']);
    expect(r.code).toBe(65);
    expect(r.stdout.split('\n').slice(0, 6)).toEqual([
      `✗ zeitraeume    ${X}/fehler.xlsx: 5 Probleme`,
      `  ${X}/fehler.xlsx:Daten!B3: Spalte „beginn“: „31.02.2017“ ist ungültig; erwartet ein Datum wie 2017-03-15 oder 15.03.2017 (diesen Tag gibt es nicht).`,
      `  ${X}/fehler.xlsx:Daten!B4: Spalte „beginn“: die Zelle enthält einen Fehlerwert (#DIV/0!, #NV o. Ä.) statt eines Werts.`,
      // A 16-digit id as a number: rounded to Excel's 15 digits it would be another person's.
      `  ${X}/fehler.xlsx:Daten!A6: Spalte „person_id“: die Zahl 4711000000000001 hat mehr als 15 Stellen, von denen Excel nur 15 behält (eine Kennung? dann die Spalte als Text speichern).`,
      // A date that lost its format shows as Excel's serial number: the message says what it likely is.
      `  ${X}/fehler.xlsx:Daten!B7: Spalte „beginn“: „42078“ ist ungültig; erwartet ein Datum wie 2017-03-15 oder 15.03.2017; eine Zahl wie Excels Seriennummer eines Tages: die Zelle hat wohl ihr Datumsformat verloren (in Excel als Datum formatieren).`,
      `  ${X}/fehler.xlsx:Daten!F5: rechts der Kopfzeile steht ein Wert, zuerst „Notiz“; eine Spalte ohne Überschrift wird nicht gelesen.`,
    ]);
    const breit = await lauf(['check', '--monatswerte', `${X}/fehler-breit.xlsx`, '--format', 'table']);
    expect(breit.code).toBe(65);
    expect(breit.stdout.split('\n').slice(1, 3)).toEqual([
      `  ${X}/fehler-breit.xlsx:Zeitreihe!A3: Spalte „Regionalschlüssel“: die Zelle enthält einen Fehlerwert (#DIV/0!, #NV o. Ä.) statt eines Werts.`,
      `  ${X}/fehler-breit.xlsx:Zeitreihe!D4: „elb“ für 2024-02: die Zelle enthält einen Fehlerwert (#DIV/0!, #NV o. Ä.) statt eines Werts.`,
    ]);
    const json = await lauf(['check', '--zeitraeume', `${X}/fehler.xlsx`, '--format', 'json']);
    expect(JSON.parse(json.stdout).eingaben[0].probleme[0]).toMatchObject({ blatt: 'Daten', zeile: 3, spalte: 2, spaltenname: 'beginn', wert: '31.02.2017' });
  });

  it('a zip that is no workbook is said to be one (65)', async () => {
    const r = await lauf(['check', '--monatswerte', `${X}/kein-excel.zip`, '--format', 'table']);
    expect(r.code).toBe(65);
    expect(r.stdout).toContain('eine ZIP-Datei, aber keine Excel-Arbeitsmappe (.xlsx): sie enthält keine Tabellenblätter');
  });

  it('leave no temporary file behind, also when reading stops at the first sheet', async () => {
    // The library keeps the sheets of an Excel-ordered workbook in temporary folders while it
    // reads, in the folder the environment names (TMPDIR): set here for this test alone (test
    // files run one after another in a worker process, and os.tmpdir() reads the variable anew).
    const temp = unterordner('tmp');
    const mitTemp = async (tmp: string, args: string[]) => {
      const vorher = process.env.TMPDIR;
      process.env.TMPDIR = tmp;
      try {
        return await imProzess(args);
      } finally {
        if (vorher === undefined) delete process.env.TMPDIR;
        else process.env.TMPDIR = vorher;
      }
    };
    // A data row named as the header: reading stops at row 31 of the 61 of the sheet.
    const frueh = await mitTemp(temp, ['check', '--leistungen', `${X}/leistungen.xlsx`, '--kopfzeile', '2', '--format', 'table']);
    const ohneTemp = await mitTemp(`${temp}/fehlt`, ['check', '--leistungen', `${X}/leistungen.xlsx`, '--format', 'table']);
    expect(frueh.code).toBe(65);
    expect(frueh.stdout).toContain(`${X}/leistungen.xlsx:Leistungen!A2: `);
    // A temp folder that is not there is the machine's problem, not the file's.
    expect([ohneTemp.code, ohneTemp.stderr]).toEqual([73, `kennzahlen: ${X}/leistungen.xlsx: die Arbeitsmappe wird beim Lesen im Temp-Ordner ${temp}/fehlt entpackt, aber den Ordner gibt es nicht.\nHinweis: TMPDIR auf einen Ordner mit Platz (etwa so viel wie das entpackte Blatt) und Schreibrecht setzen.\n`]);
    expect(readdirSync(temp)).toEqual([]);
  });
});

describe('Monatswerte in the wide layout (a column per month, a row per value)', () => {
  const BA = ['--monat', '2024-06', '--json', '--config', 'fixtures/ba/konfiguration.json'];
  const BREIT = 'fixtures/ba/monatswerte-breit.csv';

  it('is recognised by its header and gives the long table\'s numbers, as CSV and as a workbook', async () => {
    const lang = await lauf(['report', '--monat', '2024-06', '--json', '--monatswerte', 'fixtures/ba/monatswerte-plain.csv']);
    for (const d of [BREIT, `${X}/monatswerte-breit.xlsx`]) {
      const r = await lauf(['report', ...BA, '--monatswerte', d]);
      expect(r.code, r.stderr).toBe(0);
      expect(ohneEingaben(r.stdout)).toEqual(ohneEingaben(lang.stdout));
      expect(r.stderr).toContain(`${d}: 3 Titelzeilen über der Kopfzeile (Zeile 4) und 4 Fußnotenzeilen ab Zeile 9 übersprungen`);
      // The file's rows are counted: three values, not 39 month cells.
      expect(JSON.parse(r.stdout).eingaben[0].zeilen).toBe(3);
    }
    const erklaert = await lauf(['report', ...BA, '--monatswerte', BREIT, '--layout', 'breit']);
    expect(ohneEingaben(erklaert.stdout)).toEqual(ohneEingaben(lang.stdout));
  });

  it('places a bad value at its cell: the value\'s row and the month\'s column', async () => {
    const text = readFileSync(BREIT, 'utf8').replace('Bestand LZB *;2.500.000;2.500.000;-;.;', 'Bestand LZB *;2.500.000;2.500.000;-;2,5 Mio;');
    const r = await imProzess(['check', '--monatswerte', datei('schlecht.csv', text), '--config', 'fixtures/ba/konfiguration.json', '--format', 'json']);
    expect(r.code).toBe(65);
    expect(JSON.parse(r.stdout).eingaben[0].probleme).toEqual([
      expect.objectContaining({ zeile: 7, spalte: 5, spaltenname: 'lzb', wert: '2,5 Mio' }),
    ]);
  });

  it('refuses a row without its region key once, at the key\'s cell (a merged cell in Excel)', async () => {
    const verbunden = datei('verbunden.csv', 'Regionalschlüssel;Merkmal;Jan 2024;Feb 2024\n05111;elb;10;20\n;integrationen;1;2\n12062;elb;5;6\n');
    const r = await imProzess(['check', '--monatswerte', verbunden, '--format', 'json']);
    expect(r.code).toBe(65);
    expect(JSON.parse(r.stdout).eingaben[0].probleme).toEqual([expect.objectContaining({ zeile: 3, spalte: 1 })]);
  });

  it('refuses values under a column without a heading (a month heading over sub-columns) and an empty group below a group', async () => {
    const unter = datei('unter.csv', 'Merkmal;2024-01;;2024-02;\n;Männer;Frauen;Männer;Frauen\nelb;1000;3000;1000;3000\nintegrationen;10;90;10;90\n');
    const r = await imProzess(['check', '--monatswerte', unter, '--format', 'table']);
    expect(r.code).toBe(65);
    expect(r.stdout).toContain(`${unter}:2:3: Spalte 3 hat keine Überschrift, enthält aber in 3 Zeilen Werte, zuerst „Frauen“ (eine Überschrift über mehreren Spalten?); sie würde nicht gelesen.`);
    const gruppe = datei('gruppe.csv', 'Gruppe;Merkmal;2024-01;2024-02\nFrauen;elb;10;20\n;integrationen;1;2\n');
    const g = await imProzess(['check', '--monatswerte', gruppe, '--format', 'table']);
    expect(g.code).toBe(65);
    expect(g.stdout).toContain(`${gruppe}:3:1: Spalte „Gruppe“ ist leer, nach Zeilen der Gruppe „Frauen“ (verbundene Zellen in Excel?); eine leere Gruppe hieße: das ganze Jobcenter.`);
    // The total first, then a breakdown: an empty group is the whole Jobcenter, as in the long layout.
    const erst = datei('erst.csv', 'Gruppe;Merkmal;2024-01;2024-02\n;elb;10;20\nFrauen;elb;4;8\n');
    expect((await imProzess(['check', '--monatswerte', erst, '--format', 'table'])).code).toBe(0);
  });

  it('refuses a month twice, at its header cell, and a value twice, at its row', async () => {
    const zweimal = datei('zweimal.csv', 'Merkmal;2024-01;2024-02;2024-02\nelb;10;20;30\nelb;1;2;3\n');
    const r = await imProzess(['check', '--monatswerte', zweimal, '--format', 'table']);
    expect(r.code).toBe(65);
    expect(r.stdout).toContain(`${zweimal}:1:4: Monat 2024-02 kommt für die Gruppe „gesamt“ doppelt vor`);
    expect(r.stdout).toContain(`${zweimal}:3:1: „elb“ steht zweimal, in Zeile 2 und 3; erwartet wird eine Zeile je Wert.`);
  });

  it('reads a month with a BA marker (p, *, 1)), lists other columns as not read, and refuses a month it cannot read', async () => {
    const markiert = datei('markiert.csv', 'Merkmal;Jan 2024;Feb 2024 p);Mrz 2024*;Apr 2024 1);Veränderung in %\nelb;10;20;30;40;5\n');
    const r = await imProzess(['report', '--monatswerte', markiert, '--format', 'table']);
    // The last month is April (nothing is computable from elb alone, but the month is the table's last): none dropped.
    expect(r.stderr).toContain('Für den Berichtsmonat 04/2024 ist keine Kennzahl berechenbar.');
    const c = await imProzess(['check', '--monatswerte', markiert, '--format', 'table']);
    expect(c.stdout).toContain('Monatswerte: elb · nicht geprüft, da weder Kennzahl noch Ziel sie nutzt: veränderung in %');
    const unlesbar = datei('unlesbar.csv', 'Merkmal;Jan 2024;Feb 2024;Mrz 2024 (vorläufig)\nelb;10;20;30\n');
    const u = await imProzess(['check', '--monatswerte', unlesbar, '--format', 'table']);
    expect(u.code).toBe(65);
    expect(u.stdout).toContain(`${unlesbar}:1:4: „Mrz 2024 (vorläufig)“ steht zwischen den Monaten, ist aber keiner, den das Werkzeug liest; seine Spalte bliebe ungelesen.`);
  });

  it('is declared where detection would not see it, and a declared layout that does not fit is an error', async () => {
    const lang = await imProzess(['check', '--monatswerte', BREIT, '--config', 'fixtures/ba/konfiguration.json', '--layout', 'lang', '--format', 'table']);
    expect(lang.code).toBe(65);
    expect(lang.stdout).toContain('Pflichtspalte „monat“ fehlt');
    const breit = await imProzess(['check', '--monatswerte', 'fixtures/ba/monatswerte-plain.csv', '--layout', 'breit', '--format', 'table']);
    expect(breit.code).toBe(65);
    expect(breit.stdout).toContain('keine Kopfzeile mit Monaten als Spalten (--layout breit)');
    const falsch = await imProzess(['check', '--monatswerte', BREIT, '--layout', 'quer']);
    expect(falsch.code).toBe(2);
  });
});

describe('reading settings without an input they apply to', () => {
  it('are said, not silently dropped', async () => {
    const blatt = await imProzess(['lzb', '--zeitraeume', 'fixtures/kanten/zeitraeume.csv', '--datenstand', '2017-06-30', '--blatt', 'Daten', '--monat', '2017-06', '--format', 'json']);
    expect(blatt.code).toBe(0);
    expect(blatt.stderr).toContain('--blatt Daten: keine Eingabe ist eine Excel-Arbeitsmappe (.xlsx); die Angabe wirkt nicht.');
    const layout = await imProzess(['check', '--zeitraeume', 'fixtures/kanten/zeitraeume.csv', '--layout', 'breit', '--format', 'table']);
    expect(layout.stderr).toContain('--layout breit: gilt für Monatswerte, und keine Eingabe ist eine; die Angabe wirkt nicht.');
    const konfig = datei('k.json', JSON.stringify({ blaetter: { zeitraeume: 'Bestand' } }));
    const rolle = await imProzess(['check', '--config', konfig, '--zeitraeume', 'fixtures/kanten/zeitraeume.csv', '--format', 'table']);
    expect(rolle.stderr).toContain(`„blaetter.zeitraeume“ (Bestand) in ${konfig}: fixtures/kanten/zeitraeume.csv ist keine Excel-Arbeitsmappe; die Angabe wirkt nicht.`);
    const ohneRolle = datei('k2.json', JSON.stringify({ blaetter: { personen: 'Personen' } }));
    const keine = await imProzess(['check', '--config', ohneRolle, '--zeitraeume', `${X}/zeitraeume-1904.xlsx`, '--encoding', 'cp1252', '--format', 'table']);
    expect(keine.stderr).toContain(`„blaetter.personen“ (Personen) in ${ohneRolle}: keine Eingabe der Rolle personen; die Angabe wirkt nicht.`);
    expect(keine.stderr).toContain('--encoding: gilt für CSV-Dateien, und keine Eingabe ist eine; die Angabe wirkt nicht.');
    // Used, so not said.
    const genutzt = await imProzess(['check', '--zeitraeume', `${X}/zeitraeume-1904.xlsx`, '--blatt', 'Tabelle1', '--format', 'table']);
    expect([genutzt.code, genutzt.stderr]).toEqual([0, '']);
  });
});
