// A large simple file is read by two threads (the second half by a worker). The result must be
// what one thread reads: the same numbers, the same persons, the same problems at the same lines.

import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { generiere } from '../../tools/generate.js';
import { kennzahlen } from './hilfen.js';

const ordner = mkdtempSync(join(tmpdir(), 'kz-parallel-'));
const monate = join(ordner, 'zeitraeume-monate.csv');
const kaputt = join(ordner, 'kaputt.csv');

beforeAll(async () => {
  // 70,000 persons × 36 months in monthly form: above the 32 MB from which a worker helps.
  await generiere({ personen: 70_000, seed: 3, von: '2015-01', bis: '2017-12', form: 'monate', out: ordner });
  // The same file with problems in both halves, one of them in the second half's first line.
  const zeilen = readFileSync(monate, 'utf8').split('\n');
  const mitte = Math.floor(zeilen.length / 2);
  zeilen[10] = 'K0000001;2016-13;ELB';
  zeilen[mitte] = 'K0000002;2016-02;ALG';
  zeilen[mitte + 1] = 'K0000003;2016-02';
  zeilen[zeilen.length - 2] = ';2016-02;ELB';
  writeFileSync(kaputt, zeilen.join('\n'));
}, 120_000);

describe('two threads read like one', () => {
  it('gives byte-identical LZB results and person lists', () => {
    expect(statSync(monate).size).toBeGreaterThan(32 << 20);
    const args = ['lzb', '--zeitraeume', monate, '--von', '2016-01', '--bis', '2017-12', '--json'];
    const eins = kennzahlen([...args, '--threads', '1', '--list', join(ordner, 'liste1.csv')]);
    const zwei = kennzahlen([...args, '--threads', '2', '--list', join(ordner, 'liste2.csv')]);
    expect(eins.code).toBe(0);
    expect(zwei.stdout).toBe(eins.stdout);
    expect(readFileSync(join(ordner, 'liste2.csv'))).toEqual(readFileSync(join(ordner, 'liste1.csv')));
    expect(JSON.parse(zwei.stdout).stichtage.at(-1).lzb).toBeGreaterThan(10_000);
  });

  it('reports the same problems at the same lines', () => {
    const eins = kennzahlen(['check', '--zeitraeume', kaputt, '--json', '--threads', '1']);
    const zwei = kennzahlen(['check', '--zeitraeume', kaputt, '--json', '--threads', '2']);
    expect(eins.code).toBe(65);
    expect(zwei.stdout).toBe(eins.stdout);
    const probleme = JSON.parse(zwei.stdout).eingaben[0].probleme;
    expect(probleme).toHaveLength(4);
    expect(probleme[0]).toMatchObject({ zeile: 11, spalte: 2, wert: '2016-13' });
  });
});
