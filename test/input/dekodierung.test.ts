import { describe, expect, it } from 'vitest';
import { cp1252ZuText, erkenneBom, NachUtf8, Utf8Pruefung } from '../../src/input/dekodierung.js';

describe('Windows-1252', () => {
  it('maps 0x80…0x9F to € „ “ – and friends, where Node 20 gives C1 control characters', () => {
    const bytes = Buffer.from([0x80, 0x84, 0x93, 0x96, 0x8a, 0x9f, 0x20, 0xe4, 0xf6, 0xfc, 0xdf, 0xc4]);
    expect(cp1252ZuText(bytes)).toBe('€„“–ŠŸ äöüßÄ');
  });
  it('keeps the five undefined bytes as their Latin-1 code points', () => {
    expect(cp1252ZuText(Buffer.from([0x81, 0x8d, 0x8f, 0x90, 0x9d]))).toBe('\u0081\u008d\u008f\u0090\u009d');
  });
});

describe('BOM', () => {
  it('recognises UTF-8, UTF-16LE and refuses UTF-16BE/UTF-32', () => {
    expect(erkenneBom(Buffer.from([0xef, 0xbb, 0xbf, 0x41]))).toEqual({ kodierung: 'utf8', laenge: 3 });
    expect(erkenneBom(Buffer.from([0xff, 0xfe, 0x41, 0x00]))).toEqual({ kodierung: 'utf16le', laenge: 2 });
    expect(erkenneBom(Buffer.from([0xfe, 0xff, 0x00, 0x41]))?.kodierung).toBe('utf16be');
    expect(erkenneBom(Buffer.from([0xff, 0xfe, 0x00, 0x00]))?.kodierung).toBe('utf32');
    expect(erkenneBom(Buffer.from('person_id'))).toBeNull();
  });
});

describe('UTF-8 check across chunk boundaries', () => {
  const text = Buffer.from('Müller;€;ok', 'utf8');
  it('accepts a multi-byte character split between chunks, at every split point', () => {
    for (let i = 0; i <= text.length; i++) {
      const p = new Utf8Pruefung();
      expect(p.weiter(text.subarray(0, i)) && p.weiter(text.subarray(i)) && p.ende(), `split at ${i}`).toBe(true);
    }
  });
  it('rejects Latin-1 bytes, and a file ending inside a character', () => {
    const p = new Utf8Pruefung();
    expect(p.weiter(Buffer.from([0x4d, 0xfc, 0x6c]))).toBe(false);
    const q = new Utf8Pruefung();
    expect(q.weiter(text.subarray(0, 2))).toBe(true);
    expect(q.ende()).toBe(false);
  });
  it('transcodes UTF-16LE split in the middle of a code unit', () => {
    const bytes = Buffer.from('Jörg€', 'utf16le');
    const t = new NachUtf8('utf16le');
    const teile = [t.weiter(bytes.subarray(0, 3)), t.weiter(bytes.subarray(3)), t.ende()];
    expect(Buffer.concat(teile).toString('utf8')).toBe('Jörg€');
  });
});
