import { describe, expect, it } from 'vitest';
import { monatIndex, tagNummer } from '../../src/core/kalender.js';
import { parseDatum, parseFlag, parseGeschlecht, parseMonat, parseStatus, parseZahl } from '../../src/input/zellen.js';

const wert = <T>(z: { ok: true; wert: T } | { ok: false; erwartet: string }) => (z.ok ? z.wert : `FEHLER: ${z.erwartet}`);

describe('dates', () => {
  it('reads ISO and German forms to the same day', () => {
    expect(wert(parseDatum('2017-03-15'))).toBe(tagNummer(2017, 3, 15));
    expect(wert(parseDatum('15.03.2017'))).toBe(tagNummer(2017, 3, 15));
    expect(wert(parseDatum(' 5.3.2017 '))).toBe(tagNummer(2017, 3, 5));
    expect(wert(parseDatum(''))).toBeNull();
  });
  it('reads a date with a time of day, as Excel and databases export it, as that day', () => {
    for (const s of ['15.03.2017 00:00:00', '15.03.2017 00:00', '2017-03-15 00:00:00', '2017-03-15T23:59:59', '2017-03-15 08:30:00.000', '15.03.2017 9:05']) {
      expect(wert(parseDatum(s)), s).toBe(tagNummer(2017, 3, 15));
    }
    // A time with a zone names a different calendar day depending on where it is read.
    for (const s of ['2017-03-15T00:00:00Z', '2017-03-15T00:00:00+01:00', '15.03.2017 24:00', '15.03.2017 12:60', '15.03.2017 00']) expect(parseDatum(s).ok, s).toBe(false);
  });
  it('accepts 29 February only in leap years', () => {
    expect(wert(parseDatum('29.02.2016'))).toBe(tagNummer(2016, 2, 29));
    expect(parseDatum('29.02.2017').ok).toBe(false);
    expect(parseDatum('2016-02-30').ok).toBe(false);
  });
  it('rejects other forms with what it expected', () => {
    for (const s of ['2017/03/15', '15-03-2017', '20170315', '31.04.2017', '2017-3-15', 'gestern']) {
      const z = parseDatum(s);
      expect(z.ok, s).toBe(false);
      if (!z.ok) expect(z.erwartet).toMatch(/2017-03-15 oder 15\.03\.2017/);
    }
  });
});

describe('months', () => {
  it('reads 2017-03, 03/2017, 03.2017 and 201703 alike', () => {
    for (const s of ['2017-03', '03/2017', '03.2017', '201703', '3/2017']) expect(wert(parseMonat(s)), s).toBe(monatIndex(2017, 3));
  });
  it('rejects month 13 and other text', () => {
    expect(parseMonat('2017-13').ok).toBe(false);
    expect(parseMonat('201713').ok).toBe(false);
    expect(parseMonat('Märzen 2017').ok).toBe(false);
    expect(parseMonat('März 1850').ok).toBe(false);
    expect(parseMonat('Foo 2017').ok).toBe(false);
  });
  it('reads a date as its month, as spreadsheets keep months as their first day', () => {
    for (const s of ['01.03.2017', '2017-03-01', '15.03.2017 00:00:00', '31.03.2017']) expect(wert(parseMonat(s)), s).toBe(monatIndex(2017, 3));
    expect(parseMonat('31.02.2017').ok).toBe(false);
  });
  it('reads German month names as BA tables and German Excel write them', () => {
    const faelle: [string, number][] = [
      ['Januar 2017', 1], ['Jan 2017', 1], ['Jan. 2017', 1], ['jan 2017', 1], ['Jänner 2017', 1],
      ['März 2017', 3], ['Mär 2017', 3], ['Mrz 2017', 3], ['Maerz 2017', 3], ['MAI 2017', 5], ['Juni 2017', 6], ['Jun 2017', 6],
      ['Sep 2017', 9], ['Sept. 2017', 9], ['Mrz 17', 3], ['Dez. 17', 12], ['September 2017', 9], ['Okt 2017', 10], ['Dez. 2017', 12], [' Dezember  2017 ', 12],
    ];
    for (const [s, m] of faelle) expect(wert(parseMonat(s)), s).toBe(monatIndex(2017, m));
  });
});

describe('flags, sex, status, text', () => {
  it('reads 1/0, ja/nein, true/false; empty is unknown', () => {
    expect(['1', 'ja', 'JA', 'true', 'j'].map((s) => wert(parseFlag(s)))).toEqual([true, true, true, true, true]);
    expect(['0', 'nein', 'False', 'n'].map((s) => wert(parseFlag(s)))).toEqual([false, false, false, false]);
    expect(wert(parseFlag(''))).toBeNull();
    expect(parseFlag('vielleicht').ok).toBe(false);
  });
  it('reads m/w/d/x', () => {
    expect(['m', 'W', 'weiblich', 'd', 'x'].map((s) => wert(parseGeschlecht(s)))).toEqual(['m', 'w', 'w', 'd', 'x']);
    expect(parseGeschlecht('q').ok).toBe(false);
  });
  it('treats an empty status as ELB', () => {
    expect([wert(parseStatus('')), wert(parseStatus('nef')), wert(parseStatus('ELB'))]).toEqual(['ELB', 'NEF', 'ELB']);
    expect(parseStatus('ALG').ok).toBe(false);
  });
});

describe('numbers and BA symbols', () => {
  it('reads German numbers with decimal comma and thousands dots', () => {
    expect(wert(parseZahl('1.234,5', 'komma'))).toEqual(1234.5);
    expect(wert(parseZahl('1234,5', 'komma'))).toEqual(1234.5);
    expect(wert(parseZahl('7.485', 'komma'))).toEqual(7485);
    expect(wert(parseZahl('-539', 'komma'))).toEqual(-539);
  });
  it('reads amounts as Excel saves currency cells: with €, EUR, and "- €" for zero', () => {
    expect(wert(parseZahl('2.853.219,87 €', 'komma'))).toEqual(2853219.87);
    expect(wert(parseZahl('2853219,87€', 'komma'))).toEqual(2853219.87);
    expect(wert(parseZahl('€ 1.000,00', 'komma'))).toEqual(1000);
    expect(wert(parseZahl('1,000.00 EUR', 'punkt'))).toEqual(1000);
    expect(wert(parseZahl('- €', 'komma'))).toEqual(0);
    expect(parseZahl('12 $', 'komma').ok).toBe(false);
  });
  it('reads English numbers with decimal point', () => {
    expect(wert(parseZahl('1234.5', 'punkt'))).toEqual(1234.5);
    expect(wert(parseZahl('1,234.5', 'punkt'))).toEqual(1234.5);
  });
  it('refuses the other convention instead of guessing', () => {
    expect(parseZahl('1234.5', 'komma').ok).toBe(false);
    expect(parseZahl('1.234,5', 'punkt').ok).toBe(false);
    expect(parseZahl('12a', 'komma').ok).toBe(false);
  });
  it('keeps BA symbols: - is zero, * suppressed, x and . not available — never a silent zero', () => {
    expect(wert(parseZahl('-', 'komma'))).toEqual(0);
    expect(wert(parseZahl('*', 'komma'))).toEqual({ art: 'gesperrt' });
    expect(wert(parseZahl('x', 'komma'))).toEqual({ art: 'fehlt' });
    expect(wert(parseZahl('.', 'komma'))).toEqual({ art: 'fehlt' });
    expect(wert(parseZahl('.x', 'komma'))).toEqual({ art: 'fehlt' });
    expect(wert(parseZahl('', 'komma'))).toEqual({ art: 'fehlt' });
  });
  it('turns no other symbol into a number: a dash of another kind or a word stays an error', () => {
    for (const s of ['–', '—', '…', 'k.A.', '**', '-.']) expect(parseZahl(s, 'komma').ok, s).toBe(false);
  });
});
