// The person register and the month bits (issue 13): the faster structures must number persons and
// build timelines exactly as the plain ones do, whatever the ids and the order of the rows.

import { statSync } from 'node:fs';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Monatsbits, PersonRegister, Personenvorschau, VORAUSSCHAU, Zeitlinien } from '../../src/core/zeitlinien.js';
import { arbeitsordner } from '../cli/hilfen.js';
import { liesZeitraeume } from '../input/hilfen.js';

describe('PersonRegister', () => {
  it('tells apart ids that share their first eight bytes or differ only in length, and keeps them through growth', () => {
    const r = new PersonRegister();
    const ids = ['AB', 'AB\u0000', 'ABCDEFGH', 'ABCDEFGH1', 'ABCDEFGH2', 'ABCDEFG', 'ABCDEFGHIJKLMNOPQRS', 'ABCDEFGHIJKLMNOPQRT', '', 'Ä', 'ÄÖÜßäöü€'];
    // Ids that differ only after their eighth byte, many enough that some share a probe chain (where
    // only the rest of the id tells them apart), and the table grows several times meanwhile.
    const zeichen = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
    const lang = [...zeichen].flatMap((a) => [`ABCDEFGH${a}`, ...[...zeichen].map((b) => `ABCDEFGH${a}${b}`)]);
    const alle = [...new Set([...ids, ...lang, ...Array.from({ length: 3000 }, (_, i) => `X${i}`)])];
    alle.forEach((id, i) => expect(r.nummer(id)).toBe(i));
    alle.forEach((id, i) => {
      expect(r.finde(id)).toBe(i);
      expect(r.id(i)).toBe(id);
    });
    expect(r.finde('ABCDEFGH_')).toBe(-1);
    expect(r.finde('ABCDEFGHIJKLMNOPQRU')).toBe(-1);
    expect(r.anzahl).toBe(alle.length);
  });

  it('numbers ids in order of first sight, as a Map would (property)', () => {
    const id = fc.oneof(fc.string({ minLength: 0, maxLength: 20 }), fc.constantFrom('AAAAAAAA', 'AAAAAAAAB', 'AAAAAAA', 'AAAAAAAAAAAAAAAAC'));
    fc.assert(
      fc.property(fc.array(id, { maxLength: 400 }), (folge) => {
        const r = new PersonRegister();
        const m = new Map<string, number>();
        for (const x of folge) {
          if (!m.has(x)) m.set(x, m.size);
          if (r.nummer(x) !== m.get(x)) return false;
        }
        return [...m].every(([x, i]) => r.finde(x) === i && r.id(i) === x);
      }),
      { numRuns: 100 },
    );
  });
});

describe('PersonRegister.laengen', () => {
  it('lists the byte lengths of the ids registered, short and long, each once', () => {
    const r = new PersonRegister();
    expect(r.laengen()).toEqual([]);
    for (const id of ['0815', '4711', 'K0000001', 'Ä', 'X'.repeat(31), 'Y'.repeat(40), 'Z'.repeat(40)]) r.nummer(id);
    expect(r.laengen()).toEqual([2, 4, 8, 31, 40]);
  });
});

describe('Personenvorschau', () => {
  // As for a register of millions of persons (the default starts there).
  const ab = VORAUSSCHAU.ab;
  beforeEach(() => void (VORAUSSCHAU.ab = 1));
  afterEach(() => void (VORAUSSCHAU.ab = ab));
  const bytes = (text: string) => new TextEncoder().encode(text);
  it('finds the registered persons of ids of up to eight bytes ahead, in the order rows ask, and registers nobody', () => {
    const r = new PersonRegister();
    ['A1', 'B22', 'C3333333', 'LANGE-KENNUNG'].forEach((id) => r.nummer(id));
    // Lines "A1", "X9", "C3333333", "LANGE-KENNUNG", "B22", "A1" one after another.
    const b = bytes('A1X9C3333333LANGE-KENNUNGB22A1');
    const von = Int32Array.of(0, 2, 4, 12, 25, 28), bis = Int32Array.of(2, 4, 12, 25, 28, 30);
    const v = new Personenvorschau(r);
    v.fuelle(b, von, bis, 6);
    expect(r.anzahl).toBe(4);
    // Unknown (X9) and long ids are −1: the row looks them up (or registers them) itself.
    expect([...von].map((a, i) => v.nimm(b, a, bis[i]))).toEqual([0, -1, 2, -1, 1, 0]);
  });

  it('looks nobody up while the register holds fewer persons than VORAUSSCHAU.ab (its table is fast enough)', () => {
    const r = new PersonRegister();
    r.nummer('A1');
    const b = bytes('A1');
    const v = new Personenvorschau(r);
    VORAUSSCHAU.ab = 2;
    v.fuelle(b, Int32Array.of(0), Int32Array.of(2), 1);
    expect(v.nimm(b, 0, 2)).toBe(-1);
    r.nummer('B2');
    v.fuelle(b, Int32Array.of(0), Int32Array.of(2), 1);
    expect(v.nimm(b, 0, 2)).toBe(0);
  });

  it('gives −1 for a cell it was not handed: another buffer, other bounds, or one already passed', () => {
    const r = new PersonRegister();
    r.nummer('A1');
    r.nummer('B2');
    const b = bytes('A1B2');
    const v = new Personenvorschau(r);
    v.fuelle(b, Int32Array.of(0, 2), Int32Array.of(2, 4), 2);
    // The same bytes in another buffer (a line completed across two chunks) are not taken for it.
    expect(v.nimm(bytes('A1B2'), 0, 2)).toBe(-1);
    expect(v.nimm(b, 0, 1)).toBe(-1);
    expect(v.nimm(b, 2, 4)).toBe(1);
    expect(v.nimm(b, 0, 2)).toBe(-1);
    // A new chunk replaces what was held.
    const c = bytes('B2');
    v.fuelle(c, Int32Array.of(0), Int32Array.of(2), 1);
    expect(v.nimm(b, 2, 4)).toBe(-1);
    expect(v.nimm(c, 0, 2)).toBe(1);
  });
});

describe('Monatsbits', () => {
  /** Months (person, month) in the given order, through the bits and straight into timelines. */
  const beide = (zeilen: [number, number][]) => {
    const direkt = new Zeitlinien();
    for (const [p, m] of zeilen) direkt.hinzu(p, m, m);
    const ueberBits = new Zeitlinien();
    const bits = new Monatsbits(ueberBits);
    for (const [p, m] of zeilen) bits.setze(p, m);
    bits.uebertrage();
    const personen = Math.max(0, ...zeilen.map(([p]) => p + 1));
    return Array.from({ length: personen }, (_, p) => [ueberBits.laeufe(p), direkt.laeufe(p)]);
  };

  it('makes runs of months, widening its span to the left and right in whole words', () => {
    // 24200 = January 2016 as a month index; the span starts a year before the first month seen.
    const zeilen: [number, number][] = [[0, 24200], [1, 24200], [0, 24201], [0, 24203], [2, 24100], [1, 24260], [1, 24199], [0, 24202]];
    const [[a, a2], [b, b2], [c, c2]] = beide(zeilen);
    expect(a).toEqual([[24200, 24203]]);
    expect(b).toEqual([[24199, 24200], [24260, 24260]]);
    expect(c).toEqual([[24100, 24100]]);
    expect([a, b, c]).toEqual([a2, b2, c2]);
  });

  it('hands a span wider than 21 years (a typo) on month by month, keeping the bits already set', () => {
    const [[a, a2], [b, b2]] = beide([[0, 24200], [0, 24201], [1, 24200], [1, 24200 + 12 * 40], [0, 24202]]);
    expect(a).toEqual([[24200, 24202]]);
    expect(b).toEqual([[24200, 24200], [24680, 24680]]);
    expect([a, b]).toEqual([a2, b2]);
  });

  it('gives the timelines that adding each month directly gives, in any order (property)', () => {
    const zeile = fc.tuple(fc.integer({ min: 0, max: 30 }), fc.integer({ min: 24000, max: 24400 }));
    fc.assert(
      fc.property(fc.array(zeile, { maxLength: 300 }), (zeilen) => beide(zeilen).every(([x, y]) => JSON.stringify(x) === JSON.stringify(y))),
      { numRuns: 100 },
    );
  });
});

describe('a monthly stock read through the batch', () => {
  it('gives each id its months, registers persons of NEF rows only, and names the person of the latest month', async () => {
    // Month order; ids of up to eight bytes go into the batch, a longer one and one with a blank the row-by-row way.
    const csv = [
      'person_id;monat;status',
      'B7;2017-01;ELB', 'A1;2017-01;ELB', 'LANGE-ID-123;2017-01;ELB', 'N0;2017-01;NEF',
      'A1;2017-02;ELB', ' C3;2017-02;ELB', 'B7;2017-02;NEF',
      'A1;2017-03;ELB', 'B7;2017-03;ELB', 'LANGE-ID-123;2017-03;ELB',
      'Z9;2017-09;ELB',
    ].join('\n');
    const { e, register, z } = await liesZeitraeume({ text: csv });
    const monat = (m: number) => 2017 * 12 + m - 1;
    const von = (id: string) => z.laeufe(register.finde(id));
    expect(e.probleme).toEqual([]);
    expect([e.zeilenNef, register.anzahl]).toEqual([2, 6]);
    expect(von('A1')).toEqual([[monat(1), monat(3)]]);
    expect(von('B7')).toEqual([[monat(1), monat(1)], [monat(3), monat(3)]]);
    expect(von('LANGE-ID-123')).toEqual([[monat(1), monat(1)], [monat(3), monat(3)]]);
    expect(von('C3')).toEqual([[monat(2), monat(2)]]);
    expect(von('N0')).toEqual([]);
    expect([e.letztes, e.vorletztes, register.id(e.letztePerson!)]).toEqual([monat(9), monat(3), 'Z9']);
  });
});

describe('the person of the latest start', () => {
  // In a file of several read chunks (1 MiB each, read into one buffer again and again), the id kept
  // for the latest start must be a copy of its bytes, not a view of a chunk read over since.
  const { datei } = arbeitsordner('letzte');
  it.each([
    ['periods', 'person_id;beginn;ende;status', (i: number) => `Q${String(i).padStart(7, '0')};2016-0${(i % 9) + 1}-15;;ELB`, 'TYPO0001;2071-05-03;;ELB'],
    ['months', 'person_id;monat', (i: number) => `Q${String(i).padStart(7, '0')};2016-0${(i % 9) + 1}`, 'TYPO0001;2071-05'],
  ])('is named by its own id (%s)', async (art, kopf, zeile, ausreisser) => {
    const zeilen = Array.from({ length: 70_000 }, (_, i) => zeile(i));
    zeilen.splice(1000, 0, ausreisser);
    const pfad = datei(`${art}.csv`, `${kopf}\n${zeilen.join('\n')}\n`);
    const { e, register } = await liesZeitraeume({ datei: pfad });
    expect(statSync(pfad).size).toBeGreaterThan(1 << 20);
    expect(register.id(e.letztePerson!)).toBe('TYPO0001');
    // Nothing but the file's persons is registered.
    expect(register.anzahl).toBe(70_001);
  });
});
