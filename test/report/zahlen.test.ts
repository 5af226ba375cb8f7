import { describe, expect, it } from 'vitest';
import { csvDokument, textZelle } from '../../src/report/csv.js';
import { anzahlText, csvZahl, deZahl, runde } from '../../src/report/zahlen.js';
import { numerus } from '../../src/core/modell.js';

describe('German number format', () => {
  it('groups thousands with dots and uses a decimal comma', () => {
    expect(deZahl(7485)).toBe('7.485');
    expect(deZahl(1234567.891, 2)).toBe('1.234.567,89');
    expect(deZahl(-539)).toBe('-539');
    expect(deZahl(0)).toBe('0');
  });

  it('rounds half away from zero, also where binary floating point stores x.x5 just below', () => {
    expect(runde(20.25, 1)).toBe(20.3);
    expect(runde(-20.25, 1)).toBe(-20.3);
    expect(runde(1.005, 2)).toBe(1.01);
    expect(runde(20.24, 1)).toBe(20.2);
    // 804,171 / 3,963,017 = 20.2919…% (the published national K2, docs/vertrag.md §4.3)
    expect(runde((804171 / 3963017) * 100, 1)).toBe(20.3);
  });

  it('writes CSV numbers with decimal comma and no grouping', () => {
    expect(csvZahl(1234.5)).toBe('1234,5');
    expect(csvZahl(20.94, 1)).toBe('20,9');
    expect(csvZahl(21, 1)).toBe('21,0');
  });

  it('says a count in words: singular for exactly one, plural for none and many', () => {
    expect([0, 1, 2].map((n) => numerus(n, 'kommt', 'kommen'))).toEqual(['kommen', 'kommt', 'kommen']);
    expect([0, 1, 1234].map((n) => anzahlText(n, 'eine Zeile', 'Zeilen'))).toEqual(['0 Zeilen', 'eine Zeile', '1.234 Zeilen']);
  });
});

describe('CSV for Excel', () => {
  it('escapes text cells that Excel would run as a formula', () => {
    expect(textZelle('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(['+49', '-1', '@SUM(A1)'].map(textZelle)).toEqual(["'+49", "'-1", "'@SUM(A1)"]);
    expect(textZelle('K0000001')).toBe('K0000001');
    expect(textZelle('a;b')).toBe('"a;b"');
  });

  it('starts with a BOM and ends lines with CRLF', () => {
    expect(csvDokument(['a', 'b'], [['1', '2']])).toBe('\uFEFFa;b\r\n1;2\r\n');
  });
});
