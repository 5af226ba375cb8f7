import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { isoTag, OFFEN } from '../../src/core/kalender.js';
import { Merkmale } from '../../src/core/merkmale.js';
import { PersonRegister, Zeitlinien } from '../../src/core/zeitlinien.js';
import { lesePersonen } from '../../src/input/personen.js';
import { oeffneQuelle } from '../../src/input/quelle.js';
import { erkenneTrennzeichen } from '../../src/input/format.js';
import { oeffneTabelle, type LeseOptionen } from '../../src/input/tabelle.js';
import { leseZeitraeume } from '../../src/input/zeitraeume.js';
import { arbeitsordner } from '../cli/hilfen.js';

const keinStdin = Object.assign(Readable.from([]), { isTTY: false });
const stdinMit = (text: string | Buffer) => Object.assign(Readable.from([Buffer.from(text)]), { isTTY: false });
const arbeit = arbeitsordner('tabelle');
const OPT: LeseOptionen = { maxProbleme: 100 };
/** The Windows-1252 export carries a free-text remark, which its config leaves unread. */
const CP1252: LeseOptionen = { ...OPT, spaltenzuordnung: { Bemerkung: null } };

const nachId = (perioden: string[][]) => perioden.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));

async function zeitraeume(datei: string, opt: LeseOptionen = OPT, stdin = keinStdin) {
  const register = new PersonRegister();
  const z = new Zeitlinien();
  const tabelle = await oeffneTabelle(await oeffneQuelle(datei, stdin), 'zeitraeume', opt);
  const e = await leseZeitraeume(tabelle, register, z);
  // Persons with ELB periods (the register also knows persons seen only as NEF), by id: the
  // register numbers a batch's persons in the order of its table, not of the file.
  const perioden = nachId(Array.from({ length: register.anzahl }, (_, p) => [
    register.id(p),
    z.laeufe(p).map(([a, b]) => `${isoTag(a)}…${b === OFFEN ? 'offen' : isoTag(b)}`).join(' '),
  ]).filter(([, p]) => p !== ''));
  return { e, perioden, tabelle };
}

describe('delimiter sniffing', () => {
  it('counts ; , and tab outside quotes in the header line; ; wins a tie', () => {
    expect(erkenneTrennzeichen('person_id;beginn;ende')).toBe(';');
    expect(erkenneTrennzeichen('person_id,beginn,ende')).toBe(',');
    expect(erkenneTrennzeichen('person_id\tbeginn\tende')).toBe('\t');
    expect(erkenneTrennzeichen('"a,b";"c,d"')).toBe(';');
    expect(erkenneTrennzeichen('a;b,c')).toBe(';');
    expect(erkenneTrennzeichen('nur_eine_spalte')).toBe(';');
  });
});

describe('one extract in five encodings and layouts reads to the same timelines', () => {
  it('UTF-8, Windows-1252 with CRLF, UTF-8 BOM with quoted header, UTF-16LE with tabs, commas without final newline', async () => {
    const basis = await zeitraeume('fixtures/kanten/zeitraeume.csv');
    const erwartet = nachId(basis.perioden.map(([id, p]) => [id === 'A' ? 'Ä-Jörg€' : id, p]));
    const faelle = [
      ['fixtures/kodierung/zeitraeume-cp1252.csv', 'cp1252', ';'],
      ['fixtures/kodierung/zeitraeume-utf8-bom.csv', 'utf8', ';'],
      ['fixtures/kodierung/zeitraeume-utf16le.txt', 'utf16le', '\t'],
      ['fixtures/kodierung/zeitraeume-komma.csv', 'utf8', ','],
    ] as const;
    for (const [datei, kodierung, trennzeichen] of faelle) {
      const { e, perioden } = await zeitraeume(datei, kodierung === 'cp1252' ? CP1252 : OPT);
      expect(e.probleme, datei).toEqual([]);
      expect([e.info.kodierung, e.info.trennzeichen], datei).toEqual([kodierung, trennzeichen]);
      expect(e.info.zeilen, datei).toBe(19);
      expect(perioden, datei).toEqual(erwartet);
    }
  });

  it('merges overlapping, adjacent and out-of-order periods, and leaves NEF out', async () => {
    const { perioden, e } = await zeitraeume('fixtures/kanten/zeitraeume.csv');
    const p = Object.fromEntries(perioden);
    expect(p.I).toBe('2015-03-19…offen');
    expect(p.J).toBe('2015-01-01…offen');
    expect(p.H).toBe('2015-06-01…offen');
    expect(p.K).toBeUndefined(); // NEF only: never in the timelines
    expect(e.zeilenNef).toBe(3);
    // The latest observation is the latest start; the ends in December may be plans.
    expect([isoTag(e.erstes!), isoTag(e.letztes!)]).toEqual(['2012-01-01', '2016-07-01']);
  });

  it('recognises UTF-16LE that lost its BOM by the zero bytes of its header', async () => {
    const { readFileSync } = await import('node:fs');
    const ohneBom = readFileSync('fixtures/kodierung/zeitraeume-utf16le.txt').subarray(2);
    const basis = await zeitraeume('fixtures/kodierung/zeitraeume-utf16le.txt');
    const { e, perioden } = await zeitraeume('-', OPT, stdinMit(ohneBom));
    expect([e.info.kodierung, e.info.trennzeichen, e.probleme.length]).toEqual(['utf16le', '\t', 0]);
    expect(perioden).toEqual(basis.perioden);
  });

  it('hashes the raw bytes (BOM included)', async () => {
    const { e } = await zeitraeume('fixtures/kodierung/zeitraeume-utf8-bom.csv');
    const { createHash } = await import('node:crypto');
    const { readFileSync } = await import('node:fs');
    expect(e.info.sha256).toBe(createHash('sha256').update(readFileSync('fixtures/kodierung/zeitraeume-utf8-bom.csv')).digest('hex'));
  });

  it('hashes a large file on a worker thread to the same SHA-256', async () => {
    const { createHash } = await import('node:crypto');
    const zeile = 'P0000001;2015-01-01;2015-01-31;ELB\n';
    const inhalt = Buffer.from('person_id;beginn;ende;status\n' + zeile.repeat(Math.ceil((9 << 20) / zeile.length)));
    const datei = arbeit.datei('gross.csv', inhalt);
    const quelle = await oeffneQuelle(datei, keinStdin);
    expect(quelle.pruefsumme).not.toBeNull();
    const { e } = await zeitraeume(datei);
    expect(e.info.sha256).toBe(createHash('sha256').update(inhalt).digest('hex'));
  });

  it('honours --encoding over detection', async () => {
    // Read as UTF-8, the cp1252 file's ä/€ bytes are invalid sequences and come out as U+FFFD.
    const { perioden } = await zeitraeume('fixtures/kodierung/zeitraeume-cp1252.csv', { ...CP1252, kodierung: 'utf8' });
    expect(perioden.filter(([id]) => id.includes('\uFFFD')).length).toBe(1);
  });
});

describe('monthly form', () => {
  it('is recognised by its header and reads every month format', async () => {
    const { e, perioden } = await zeitraeume('fixtures/monatsform/zeitraeume.csv');
    expect(e.form).toBe('monate');
    expect(e.probleme).toEqual([]);
    // P21: 2015-04 … 2016-12 in four different month notations → one run of 21 months.
    const register = new PersonRegister();
    const z = new Zeitlinien();
    await leseZeitraeume(await oeffneTabelle(await oeffneQuelle('fixtures/monatsform/zeitraeume.csv', keinStdin), 'zeitraeume', OPT), register, z);
    const [[von, bis]] = z.laeufe(register.nummer('P21'));
    expect(bis - von + 1).toBe(21);
    expect(z.laeufe(register.nummer('Pluecke')).length).toBe(2);
    expect(perioden.map(([id]) => id)).not.toContain('PNEF');
  });
});

describe('problems carry file, line, column, value and expectation', () => {
  it('lists every bad cell and row of a file', async () => {
    const { e } = await zeitraeume('fixtures/fehler/zeitraeume.csv');
    expect(e.probleme.map((p) => [p.zeile, p.spalte, p.spaltenname, p.wert])).toEqual([
      [3, 2, 'beginn', '31.02.2016'],
      [4, 3, 'ende', '2016-04-30'],
      [5, 4, 'status', 'ALG'],
      [6, undefined, undefined, 'E;2016-01-01'],
      [7, 1, 'person_id', ''],
      [8, 2, 'beginn', '2016-13-01'],
    ]);
    expect(e.probleme[0].erwartet).toMatch(/2017-03-15 oder 15\.03\.2017/);
    expect(e.probleme[3].meldung).toBe('2 Felder statt 4 wie in der Kopfzeile (Trennzeichen Semikolon).');
    expect(e.probleme.every((p) => p.datei === 'fixtures/fehler/zeitraeume.csv')).toBe(true);
  });

  it('stops after --max-errors problems and says so', async () => {
    const { e } = await zeitraeume('fixtures/fehler/zeitraeume.csv', { maxProbleme: 2 });
    expect(e.probleme.length).toBe(2);
    expect(e.abgebrochen).toBe(true);
  });

  it('names missing required columns with what was found', async () => {
    const { e } = await zeitraeume('fixtures/fehler/ohne-beginn.csv');
    // Each unknown column with the column it seems to mean, and the config that would fix it all;
    // the missing required columns are named there, not twice.
    expect(e.probleme.map((p) => [p.zeile, p.spalte, p.meldung])).toEqual([
      [1, 1, 'Spalte „Person“ ist keine Spalte von zeitraeume (person_id, beginn, ende, status); gemeint ist wohl „person_id“.'],
      [1, 2, 'Spalte „Von“ ist keine Spalte von zeitraeume (person_id, beginn, ende, status); gemeint ist wohl „beginn“.'],
      [1, 3, 'Spalte „Bis“ ist keine Spalte von zeitraeume (person_id, beginn, ende, status); gemeint ist wohl „ende“.'],
      [1, undefined, 'Abhilfe: in einer Konfiguration (--config DATEI) eintragen: "spalten": {"zeitraeume": {"Person": "person_id", "Von": "beginn", "Bis": "ende"}}.'],
    ]);
    const ohneBeides = await zeitraeume('-', OPT, stdinMit('id_nr;status\nA;ELB\n'));
    expect(ohneBeides.e.probleme.map((p) => p.meldung)).toEqual([
      'Spalte „id_nr“ ist keine Spalte von zeitraeume (person_id, beginn, ende, status); gemeint ist wohl „person_id“.',
      'Abhilfe: in einer Konfiguration (--config DATEI) eintragen: "spalten": {"zeitraeume": {"id_nr": "person_id"}}.',
      'Pflichtspalte „beginn“ fehlt (Rolle zeitraeume; gefunden: id_nr, status).',
    ]);
  });

  it('trims blanks around an id and refuses an empty one, on both readers', async () => {
    for (const q of ['', '"']) {
      const { e, perioden } = await zeitraeume('-', OPT, stdinMit(`person_id;beginn;ende;status\n${q} 4711 ${q};2015-01-01;;ELB\n  ;2015-01-01;;ELB\n`));
      expect(perioden, q).toEqual([['4711', '2015-01-01…offen']]);
      expect(e.probleme.map((p) => [p.zeile, p.spalte, p.meldung]), q).toEqual([[3, 1, 'Spalte „person_id“: „  “ ist ungültig; erwartet einen nicht leeren Wert.']]);
    }
  });

  it('counts a CRLF line break inside a quoted field as one line, as an editor shows it', async () => {
    const text = 'person_id;beginn;ende;status;Bemerkung\r\nA;2015-01-01;;ELB;"Z1\r\nZ2\r\nZ3"\r\nB;2015-01-01;;ELB;\r\n;;;;\r\nC;2015-13-01;;ELB;\r\n';
    const { e } = await zeitraeume('-', CP1252, stdinMit(text));
    expect(e.probleme.map((p) => [p.zeile, p.spalte, p.wert])).toEqual([[7, 2, '2015-13-01']]);
  });

  it('reports an unclosed quote at the line and field where it opened, not at the end of the file', async () => {
    const { e } = await zeitraeume('fixtures/fehler/anfuehrung.csv');
    expect(e.probleme.map((p) => [p.zeile, p.spalte, p.meldung])).toEqual([[3, 2, 'CSV-Struktur fehlerhaft: das Anführungszeichen in Zeile 3, Spalte 2 wird bis zum Dateiende nicht geschlossen.']]);
    // A long file after it, CRLF, an escaped "" and a closed multi-line field before it, Windows-1252.
    const zeilen = ['person_id;beginn;ende;status', '"Ä ""J"" ";2015-01-01;;ELB', '"B', '2";2015-01-01;2015-06-30;ELB', 'C;2015-01-01;;ELB', 'D;2015-01-01;;"ELB'];
    for (let i = 0; i < 50_000; i++) zeilen.push(`P${i};2015-01-01;2015-06-30;ELB`);
    const text = Buffer.from(zeilen.join('\r\n') + '\r\n', 'latin1');
    const lang = await zeitraeume('-', OPT, stdinMit(text));
    expect(lang.tabelle.kodierung).toBe('cp1252');
    expect(lang.e.probleme.map((p) => [p.zeile, p.spalte])).toEqual([[6, 4]]);
  });

  it('skips rows of nothing but delimiters (unused spreadsheet rows) on both readers, keeping line numbers', async () => {
    const zeilen = ['person_id;beginn;ende;status', 'A;2016-01-01;;ELB', ';;;', ' ; ;\t;', 'B;2016-13-01;;ELB', ';;', 'C;01.02.2016 00:00:00;;ELB', ''];
    for (const a of ['A;2016-01-01;;ELB', 'A;"2016-01-01";;ELB']) {
      const text = zeilen.join('\n').replace('A;2016-01-01;;ELB', a);
      const { e, perioden, tabelle } = await zeitraeume('-', OPT, stdinMit(text));
      expect(tabelle.einfach, a).toBe(!a.includes('"'));
      expect([e.leereZeilen, e.info.zeilen], a).toEqual([3, 3]);
      expect(e.probleme.map((p) => [p.zeile, p.spaltenname, p.wert]), a).toEqual([[5, 'beginn', '2016-13-01']]);
      expect(perioden, a).toEqual([['A', '2016-01-01…offen'], ['C', '2016-02-01…offen']]);
    }
  });

  it('refuses an empty file as having no header', async () => {
    await expect(zeitraeume('fixtures/fehler/leer.csv')).rejects.toMatchObject({ art: 'eingabedaten', probleme: [{ zeile: 1 }] });
  });

  it('finds duplicate persons and bad flags in personen', async () => {
    const t = await oeffneTabelle(await oeffneQuelle('fixtures/fehler/personen.csv', keinStdin), 'personen', OPT);
    const e = await lesePersonen(t, new PersonRegister(), new Merkmale());
    expect(e.probleme.map((p) => [p.zeile, p.spalte, p.spaltenname])).toEqual([
      [3, 1, 'person_id'],
      [4, 2, 'geschlecht'],
      [5, 4, 'alleinerziehend'],
    ]);
  });
});

describe('sources', () => {
  it('reads - from stdin, and a missing file is exit-66 material', async () => {
    const { e, perioden } = await zeitraeume('-', OPT, stdinMit('person_id;beginn\nX;01.01.2015\n'));
    expect(e.info.datei).toBe('-');
    expect(perioden).toEqual([['X', '2015-01-01…offen']]);
    await expect(oeffneQuelle('fixtures/gibt-es-nicht.csv', keinStdin)).rejects.toMatchObject({ art: 'datei_fehlt' });
    await expect(oeffneQuelle('fixtures', keinStdin)).rejects.toMatchObject({ art: 'datei_fehlt' });
  });

  it('refuses - when stdin is a terminal (usage error, not a hang)', async () => {
    await expect(oeffneQuelle('-', Object.assign(Readable.from([]), { isTTY: true }))).rejects.toMatchObject({ art: 'nutzung' });
  });

  it('applies a column mapping, case-insensitively', async () => {
    const { e, perioden } = await zeitraeume('fixtures/zuordnung/zeitraeume.csv', {
      ...OPT,
      spaltenzuordnung: { 'KUNDEN-NR': 'person_id', 'Leistung von': 'beginn', 'leistung bis': 'ende', Art: 'status' },
    });
    expect(e.probleme).toEqual([]);
    expect(perioden[0]).toEqual(['4711', '2015-01-01…offen']);
  });

  it('streams a file larger than one read chunk with a multi-byte character on the boundary', async () => {
    // Reads come in 1 MiB chunks: the two bytes of "ä" are placed on both sides of the first boundary.
    const GRENZE = 1 << 20;
    const kopf = 'person_id;beginn;ende;status\n';
    const zeile = (i: number) => `P${String(i).padStart(6, '0')};2015-01-01;2015-01-31;ELB\n`;
    const n = Math.floor((GRENZE - 100 - kopf.length) / zeile(0).length);
    const vorher = kopf.length + n * zeile(0).length;
    const besonders = `J${'x'.repeat(GRENZE - 2 - vorher)}ä;2015-01-01;;ELB\n`;
    const zeilen = [kopf, ...Array.from({ length: n }, (_, i) => zeile(i)), besonders, ...Array.from({ length: 100 }, (_, i) => zeile(n + i))];
    const buf = Buffer.from(zeilen.join(''), 'utf8');
    expect(buf.subarray(GRENZE - 1, GRENZE + 1).toString('utf8')).toBe('ä');
    const { e, perioden } = await zeitraeume('-', OPT, stdinMit(buf));
    expect(e.probleme).toEqual([]);
    expect(e.info.kodierung).toBe('utf8');
    expect(e.info.zeilen).toBe(n + 101);
    expect(perioden.filter(([id]) => id.endsWith('xä'))).toHaveLength(1);
  });

  it('reads a monthly stock\'s plain lines straight, and leaves every other line to the usual way, as csv-parse reads them', async () => {
    const zeilen = [
      'A;2017-01;ELB', 'A;2017-02;', 'B;2017-01;NEF', 'C;2017-1;ELB', 'D;2017-01;ELB;x', 'E;2017-01', '123456789;2017-03;ELB',
      ' F;2017-01;ELB', 'G ;2017-02;ELB', ';2017-01;ELB', 'H;2017-13;ELB', 'I;2017-04;elb', 'J;1899-12;ELB', 'K;2017-05;ELB',
    ];
    const text = `person_id;monat;status\n${zeilen.join('\n')}\n`;
    const schnell = await zeitraeume('-', OPT, stdinMit(text));
    const allgemein = await zeitraeume('-', { ...OPT, leser: 'allgemein' }, stdinMit(text));
    expect(schnell.perioden).toEqual(allgemein.perioden);
    expect(schnell.e.probleme).toEqual(allgemein.e.probleme);
    expect([schnell.e.info.zeilen, schnell.e.zeilenNef]).toEqual([zeilen.length, 1]);
    // D and E have four and two fields, the empty id, 2017-13 and 1899-12 are no values; `2017-1` and
    // `elb` the text path reads, blanks around an id it trims.
    expect(schnell.e.probleme.map((p) => p.zeile)).toEqual([6, 7, 11, 12, 14]);
    expect(schnell.perioden.map(([id]) => id)).toEqual(['123456789', 'A', 'C', 'F', 'G', 'I', 'K']);
  });

  it('trims an id as the text path does on the byte path too: Unicode blanks and control characters at its ends', async () => {
    // One person under ids that trim() makes equal, as csv-parse's way reads them.
    const ids = ['A1', 'A1\u00a0', 'A1\v', 'A1\f', '\ufeffA1', 'A1\u2003', '\u3000A1'];
    const text = `person_id;monat;status\n${ids.map((id, i) => `${id};2016-${String(i + 1).padStart(2, '0')};ELB`).join('\n')}\nB2;2016-01;ELB\n`;
    const schnell = await zeitraeume('-', OPT, stdinMit(text));
    const allgemein = await zeitraeume('-', { ...OPT, leser: 'allgemein' }, stdinMit(text));
    expect(schnell.perioden).toEqual(allgemein.perioden);
    expect(schnell.perioden.map(([id]) => id)).toEqual(['A1', 'B2']);
  });

  it('completes a line cut by a chunk boundary, also between CR and LF, and one longer than a chunk', async () => {
    const GRENZE = 1 << 20;
    const kopf = 'person_id;monat\r\n';
    const zeile = (i: number) => `P${String(i).padStart(6, '0')};2016-0${(i % 9) + 1}\r\n`;
    const n = Math.floor((GRENZE - 100 - kopf.length) / zeile(0).length);
    const vorher = kopf.length + n * zeile(0).length;
    // Its CR is the last byte of the first chunk, its LF the first of the second.
    const schnitt = `Q${'y'.repeat(GRENZE - vorher - ';2017-01\r\n'.length)};2017-01\r\n`;
    const lang = `L${'z'.repeat(GRENZE + 10)};2017-02\r\n`;
    const zeilen = [kopf, ...Array.from({ length: n }, (_, i) => zeile(i)), schnitt, ...Array.from({ length: 50 }, (_, i) => zeile(n + i)), lang, zeile(n + 50)];
    const buf = Buffer.from(zeilen.join(''), 'utf8');
    expect(buf.subarray(GRENZE - 1, GRENZE + 1).toString('latin1')).toBe('\r\n');
    const { e, perioden } = await zeitraeume('-', OPT, stdinMit(buf));
    expect([e.probleme, e.info.zeilen, perioden.length]).toEqual([[], n + 53, n + 53]);
    // A monthly stock's units are months (2017-01 is 2017 · 12 + 0), which the helper prints as if days.
    const monat = (m: number) => `${isoTag(2017 * 12 + m - 1)}…${isoTag(2017 * 12 + m - 1)}`;
    expect(perioden.filter(([id]) => id.startsWith('Q') || id.startsWith('L')).map(([id, p]) => [id.length, p])).toEqual([
      [GRENZE + 11, monat(2)],
      [schnitt.length - ';2017-01\r\n'.length, monat(1)],
    ]);
  });
});
