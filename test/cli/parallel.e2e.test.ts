// A large simple file is read by two threads (the second half by a worker). The result must be
// what one thread reads: the same numbers, the same persons, the same problems at the same lines.
// Run in-process with the built worker, and the size from which a file is split lowered from 32
// MiB to 8 MiB (from there a file's checksum is computed in the background, which a split needs):
// the same ways on a file a third the size. The two runs of each pair run side by side.

import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Readable } from 'node:stream';
import { oeffneQuelle } from '../../src/input/quelle.js';
import { oeffneTabelle } from '../../src/input/tabelle.js';
import { teilung, TEILUNG } from '../../src/input/teilleser-start.js';
import { arbeitsordner, imProzess as lauf, pruefeDist } from './hilfen.js';

const { ordner } = arbeitsordner('parallel');
const monate = join(ordner, 'zeitraeume-monate.csv');
const kaputt = join(ordner, 'kaputt.csv');
/** The lines (1-based) of kaputt.csv's four problems. */
let problemzeilen: number[] = [];

/**
 * A monthly stock as real extracts list it: month by month, each month's persons in a shuffled
 * order, ids of eight random characters, so that most persons have rows in both halves. Written
 * straight into one buffer (a second, not the generator's several).
 */
function monatsbestand(personen: number): Buffer {
  let s = 7;
  const zufall = (n: number) => ((s = (Math.imul(s, 1103515245) + 12345) >>> 0) % n);
  const zeichen = Buffer.from('ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789');
  const ids = new Uint8Array(personen * 8);
  for (let i = 0; i < ids.length; i++) ids[i] = zeichen[zufall(36)];
  // A spell per person: some short, many long enough to make LZB.
  const von = Int32Array.from({ length: personen }, () => zufall(30));
  const bis = Int32Array.from(von, (v) => Math.min(35, v + 1 + zufall(36)));
  const kopf = Buffer.from('person_id;monat;status\n');
  let zeilen = 0;
  for (let p = 0; p < personen; p++) zeilen += bis[p] - von[p] + 1;
  // Every line is `IIIIIIII;JJJJ-MM;ELB\n`: 21 bytes.
  const aus = Buffer.allocUnsafe(kopf.length + zeilen * 21);
  kopf.copy(aus);
  let o = kopf.length;
  const folge = Int32Array.from({ length: personen }, (_, i) => i);
  for (let m = 0; m < 36; m++) {
    for (let i = personen - 1; i > 0; i--) {
      const j = zufall(i + 1), t = folge[i];
      folge[i] = folge[j];
      folge[j] = t;
    }
    const rest = Buffer.from(`;${2015 + Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')};ELB\n`);
    for (const p of folge) {
      if (von[p] > m || m > bis[p]) continue;
      aus.set(ids.subarray(p * 8, p * 8 + 8), o);
      rest.copy(aus, o + 8);
      o += 21;
    }
  }
  return aus;
}

const teilungAb = TEILUNG.ab;
afterAll(() => void (TEILUNG.ab = teilungAb));

beforeAll(async () => {
  // The worker runs the built code (dist/), the test the sources: both must be the same.
  pruefeDist();
  TEILUNG.ab = 8 << 20;
  // 30,000 persons, month order: above the 8 MiB from which a worker reads the second half here.
  writeFileSync(monate, monatsbestand(30_000));
  // The same file with problems in both halves, one of them in the second half's first line.
  // Lines as split('\n') counts them, replaced in the bytes (faster than 1.8 million strings).
  const bytes = readFileSync(monate);
  const anfang = [0];
  for (let i = bytes.indexOf(10); i !== -1; i = bytes.indexOf(10, i + 1)) anfang.push(i + 1);
  const mitte = Math.floor(anfang.length / 2);
  const ersatz = new Map([[10, 'K0000001;2016-13;ELB'], [mitte, 'K0000002;2016-02;ALG'], [mitte + 1, 'K0000003;2016-02'], [anfang.length - 2, ';2016-02;ELB']]);
  problemzeilen = [...ersatz.keys()].map((z) => z + 1);
  const teile: Buffer[] = [];
  let bis = 0;
  for (const [zeile, text] of [...ersatz].sort(([a], [b]) => a - b)) {
    teile.push(bytes.subarray(bis, anfang[zeile]), Buffer.from(text));
    bis = anfang[zeile + 1] - 1;
  }
  teile.push(bytes.subarray(bis));
  writeFileSync(kaputt, Buffer.concat(teile));
}, 120_000);

describe('two threads read like one', () => {
  it('gives byte-identical LZB results and person lists', async () => {
    // The file is one two threads read: large, simple, hashed in the background.
    const stdin = Object.assign(Readable.from([]), { isTTY: false });
    expect(await teilung(await oeffneTabelle(await oeffneQuelle(monate, stdin), 'zeitraeume', { maxProbleme: 100 }))).toBeGreaterThan(statSync(monate).size / 2 - 30);
    const args = ['lzb', '--zeitraeume', monate, '--von', '2016-01', '--bis', '2017-12', '--json'];
    const [eins, zwei] = await Promise.all([
      lauf([...args, '--threads', '1', '--list', join(ordner, 'liste1.csv')]),
      lauf([...args, '--threads', '2', '--list', join(ordner, 'liste2.csv')]),
    ]);
    expect(eins.code).toBe(0);
    expect(zwei.stdout).toBe(eins.stdout);
    // Byte for byte: latin1 maps each byte to one character (toEqual on two 2 MB Buffers takes seconds).
    const liste = (n: number) => readFileSync(join(ordner, `liste${n}.csv`), 'latin1');
    expect(liste(1).length).toBeGreaterThan(1 << 19);
    expect(liste(2)).toBe(liste(1));
    expect(JSON.parse(zwei.stdout).stichtage.at(-1).lzb).toBeGreaterThan(3_000);
  });

  it('reports the same problems at the same lines, and stops where one reader stops when they are too many', async () => {
    // Four problems, in both halves. Allowed all, the worker's are placed by the first half's
    // lines; allowed two, one reader stops at the third, and two threads must list the same two and
    // count the same rows (the second part is read again with what is left of the budget: nothing).
    const [alle, eins, zwei] = await Promise.all([
      lauf(['check', '--zeitraeume', kaputt, '--json', '--threads', '2']),
      lauf(['check', '--zeitraeume', kaputt, '--json', '--threads', '1', '--max-errors', '2']),
      lauf(['check', '--zeitraeume', kaputt, '--json', '--threads', '2', '--max-errors', '2']),
    ]);
    expect(JSON.parse(alle.stdout).eingaben[0].probleme.map((p: { zeile: number }) => p.zeile)).toEqual(problemzeilen);
    expect(eins.code).toBe(65);
    expect(zwei.stdout).toBe(eins.stdout);
    const probleme = JSON.parse(zwei.stdout).eingaben[0].probleme;
    expect(probleme).toHaveLength(2);
    expect(probleme[0]).toMatchObject({ zeile: 11, spalte: 2, wert: '2016-13' });
  });

  it('reads a file whose values the config maps with one thread: its unmapped values are one problem, as one reader finds them', async () => {
    // A value the mapping does not know in each half, so that two parts would each sum up their own.
    const bytes = readFileSync(monate);
    const erste = bytes.indexOf(';ELB\n', 1000), letzte = bytes.lastIndexOf(';ELB\n');
    expect(letzte).toBeGreaterThan(bytes.length - 40);
    const codes = join(ordner, 'codes.csv');
    writeFileSync(codes, Buffer.concat([bytes.subarray(0, erste), Buffer.from(';XYZ\n'), bytes.subarray(erste + 5, letzte), Buffer.from(';ABC\n'), bytes.subarray(letzte + 5)]));
    const k = join(ordner, 'werte.json');
    writeFileSync(k, JSON.stringify({ eingaben: { zeitraeume: codes }, werte: { zeitraeume: { status: { ALG: 'ELB' } } } }));
    const r = await lauf(['check', '--config', k, '--json', '--threads', '2']);
    const probleme = JSON.parse(r.stdout).eingaben[0].probleme;
    // Each row is a problem of its own, and the summary of values without a mapping names both.
    const zusammen = probleme.filter((p: { meldung: string }) => p.meldung.includes('ohne Zuordnung'));
    expect(zusammen).toHaveLength(1);
    expect(zusammen[0].meldung).toContain('„XYZ“, „ABC“');
  });

  it('finds data below footnotes where the first half ends in them, as one reader does: the worker alone could not', async () => {
    // The line that holds the file's middle byte ends the first half (see teilung): a footnote there,
    // of the same length, leaves the split where it was and every row of the second half below it.
    const bytes = readFileSync(monate);
    const mitte = Math.floor(bytes.length / 2);
    const anfang = bytes.lastIndexOf(10, mitte) + 1;
    const ende = bytes.indexOf(10, mitte);
    const fussnote = Buffer.from('1) Stand: Dezember'.padEnd(ende - anfang, ' ').slice(0, ende - anfang));
    const datei = join(ordner, 'fussnote.csv');
    writeFileSync(datei, Buffer.concat([bytes.subarray(0, anfang), fussnote, bytes.subarray(ende)]));
    // Two threads read such a file again with one, and say what one reader says: row by row, each
    // row below the notes a problem, until the hundredth stops the reading.
    const r = await lauf(['check', '--zeitraeume', datei, '--json', '--threads', '2']);
    expect(r.code).toBe(65);
    const zeile = bytes.subarray(0, anfang).toString('latin1').split('\n').length;
    const eingabe = JSON.parse(r.stdout).eingaben[0];
    expect(eingabe.probleme.map((p: { zeile: number }) => p.zeile)).toEqual(Array.from({ length: 100 }, (_, i) => zeile + 1 + i));
    const probleme = eingabe.probleme;
    expect(probleme[0].meldung).toBe(`Zeile ${zeile + 1} sieht aus wie Daten, steht aber unter den Fußnoten (ab Zeile ${zeile}); Daten gehören über die Fußnoten, sonst würden sie nicht gelesen.`);
  });
});
