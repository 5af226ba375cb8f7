// How a workbook's cells read as text for the schemas, and how a cell is named in a message.

import { describe, expect, it } from 'vitest';
import { problemZeile, spaltenBuchstaben, zellAdresse } from '../../src/fehler.js';
import { zellText } from '../../src/input/mappe.js';
import { parseDatum, parseMonat, parseZahl } from '../../src/input/zellen.js';

describe('zellText', () => {
  it('writes numbers as Excel shows them in full, with the decimal mark the schemas read', () => {
    expect(zellText({ art: 'zahl', wert: 1234.5, prozent: false }, 'komma')).toBe('1234,5');
    expect(zellText({ art: 'zahl', wert: 1234.5, prozent: false }, 'punkt')).toBe('1234.5');
    // 0.1 + 0.2 is stored as 0.30000000000000004; Excel shows (and a CSV export writes) 15 digits.
    expect(zellText({ art: 'zahl', wert: 0.1 + 0.2, prozent: false }, 'komma')).toBe('0,3');
    expect(zellText({ art: 'zahl', wert: 3414144.9, prozent: false }, 'komma')).toBe('3414144,9');
    expect(parseZahl(zellText({ art: 'zahl', wert: 3414144.9, prozent: false }, 'komma'), 'komma')).toEqual({ ok: true, wert: 3414144.9 });
    expect(zellText({ art: 'zahl', wert: 5111, prozent: false }, 'komma')).toBe('5111');
  });

  it('keeps a percentage recognisable, so no number column takes a hundredth of what the cell shows', () => {
    const t = zellText({ art: 'zahl', wert: 0.345, prozent: true }, 'komma');
    expect(t).toBe('34,5 %');
    expect(parseZahl(t, 'komma').ok).toBe(false);
  });

  it('writes dates as ISO days (with a time where the cell has one), which date and month columns read', () => {
    const tag = zellText({ art: 'datum', wert: new Date(Date.UTC(2017, 2, 15)) }, 'komma');
    expect(tag).toBe('2017-03-15');
    expect(parseMonat(tag)).toEqual(parseMonat('2017-03'));
    const mitZeit = zellText({ art: 'datum', wert: new Date(Date.UTC(2017, 2, 15, 13, 5, 9)) }, 'komma');
    expect(mitZeit).toBe('2017-03-15 13:05:09');
    expect(parseDatum(mitZeit)).toEqual(parseDatum('2017-03-15'));
  });

  it('writes truth values as German Excel shows them, and error values as they are', () => {
    expect(zellText({ art: 'wahr', wert: true }, 'komma')).toBe('WAHR');
    expect(zellText({ art: 'wahr', wert: false }, 'komma')).toBe('FALSCH');
    expect(zellText({ art: 'fehler', wert: '#DIV/0!' }, 'komma')).toBe('#DIV/0!');
  });
});

describe('cell addresses', () => {
  it('name columns with Excel letters', () => {
    expect([1, 2, 26, 27, 52, 53, 702, 703, 16384].map(spaltenBuchstaben)).toEqual(['A', 'B', 'Z', 'AA', 'AZ', 'BA', 'ZZ', 'AAA', 'XFD']);
  });

  it('quote sheet names as Excel does where they are not one word', () => {
    expect(zellAdresse('Tabelle1', 17, 3)).toBe('Tabelle1!C17');
    expect(zellAdresse('Daten 2017', 17, 3)).toBe("'Daten 2017'!C17");
    expect(zellAdresse("Jan's", 2)).toBe("'Jan''s'!2");
    expect(problemZeile({ datei: 'a.xlsx', blatt: 'Übersicht', zeile: 4, spalte: 28, meldung: 'x' })).toBe('a.xlsx:Übersicht!AB4: x');
    expect(problemZeile({ datei: 'a.csv', zeile: 4, spalte: 2, meldung: 'x' })).toBe('a.csv:4:2: x');
  });
});
