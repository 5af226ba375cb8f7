import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dekodiere } from '../../src/input/dekodierung.js';
import { jsonSyntaxfehler } from '../../src/input/json.js';

describe('JSON syntax errors: the first one, by line and column, in German', () => {
  it.each([
    ['a missing comma between members', '{"jahr": 2024,\n "ziele": [ { "kennzahl": "K2" "mindestens": 1 } ] }', 2, 32, 'erwartet „,“ oder „}“ nach einem Wert'],
    ['a missing comma between array elements', '[1\n 2]', 2, 2, 'erwartet „,“ oder „]“ nach einem Wert'],
    ['a string that runs to the end of its line', '{\n  "a": 1,\n  "b": "abc\n}', 3, 12, 'Text in Anführungszeichen nicht geschlossen (begonnen in Zeile 3)'],
    ['a string that runs to the end of the file', '{"a": "abc', 1, 11, 'Text in Anführungszeichen nicht geschlossen (begonnen in Zeile 1)'],
    ['a trailing comma in an array, at the comma', '[1, 2,\n]', 1, 6, 'Komma vor „]“ ist in JSON nicht erlaubt'],
    ['a trailing comma in an object, at the comma', '{"a": 1,\n "b": 2,\n}', 2, 8, 'Komma vor „}“ ist in JSON nicht erlaubt'],
    ['a key without quotes', '{ jahr: 2017 }', 1, 3, 'Schlüssel müssen in "…" stehen'],
    ['a key in single quotes', "{\n  'jahr': 2017 }", 2, 3, 'Schlüssel müssen in "…" stehen'],
    ['a line comment', '{\n  // Ziele 2024\n  "jahr": 2024 }', 2, 3, 'Kommentare sind in JSON nicht erlaubt'],
    ['a block comment', '{ "jahr": 2024 /* vorläufig */ }', 1, 16, 'Kommentare sind in JSON nicht erlaubt'],
    ['a file that stops inside an object', '{\n  "jahr": 2024,\n  "ziele": [ { "kennzahl": "K2" } ]\n', 3, 36, 'unerwartetes Ende der Datei: „}“ fehlt für „{“ aus Zeile 1'],
    ['a file that stops inside an array', '{\n  "jahr": 2017,\n  "ziele": [\n', 3, 13, 'unerwartetes Ende der Datei: „]“ fehlt für „[“ aus Zeile 3'],
    ['a file that stops after a colon', '{\n"a":', 2, 5, 'unerwartetes Ende der Datei: „}“ fehlt für „{“ aus Zeile 1'],
    ['an empty file', ' \r\n', 1, 1, 'leer; erwartet wird ein JSON-Objekt { … }'],
    ['a bracket that closes the wrong thing', '{ "jahr": 2017,\n  "ziele": [ }', 2, 14, '„[“ aus Zeile 2 wird mit „]“ geschlossen, nicht mit „}“'],
    ['a closing bracket too many', '{\n  "a": 1\n}\n}', 4, 1, '„}“ zu viel: „{“ aus Zeile 1 ist schon in Zeile 3 geschlossen'],
    ['text after the value', '{"a": 1}\n{"b": 2}', 2, 1, 'nach dem Ende des JSON-Werts folgt noch Text; eine JSON-Datei enthält genau einen Wert'],
    ['a missing colon', '{"jahr" 2017}', 1, 9, 'erwartet „:“ nach dem Schlüssel "jahr"'],
    ['a missing value', '{"jahr": }', 1, 10, 'erwartet einen Wert nach „:“, gefunden „}“'],
    ['two commas', '[1,,2]', 1, 4, 'erwartet einen Wert, gefunden „,“'],
    ['a decimal comma, at the comma', '{ "hoechstens": 3,4 }', 1, 18, 'Dezimalzahlen stehen in JSON mit Punkt: 3.4 statt 3,4'],
    ['a Windows path with single backslashes', '{ "zeitraeume": "C:\\daten\\zr.csv" }', 1, 20, '„\\d“ ist in JSON keine Escape-Folge; ein Backslash wird als \\\\ geschrieben (etwa C:\\\\daten)'],
    ['a short \\u escape', '{"a": "\\u12"}', 1, 8, '„\\u“ braucht vier Hexadezimalziffern, etwa \\u00e4'],
    ['a raw tab in a string', '{"a": "x\ty"}', 1, 9, 'Tabulator in Text ist in JSON nicht erlaubt; \\t schreiben'],
    ['a capitalised literal', '{"a": True}', 1, 7, '„True“ ist kein JSON-Wert; klein geschrieben: true'],
    ['NaN', '{"a": NaN}', 1, 7, '„NaN“ gibt es in JSON nicht'],
    ['a bare word', '{"filter": u25}', 1, 12, 'unerwartetes Wort „u25“; Text steht in JSON in "…"'],
    ['a value in single quotes', "{\"a\": 'x'}", 1, 7, `Text steht in JSON in "…", nicht in '…'`],
    ['typographic quotes, as a word processor makes them', '{"a": „x“}', 1, 7, 'typografisches Anführungszeichen „; Text steht in JSON in geraden "…"'],
    ['a leading zero', '{"a": 01}', 1, 7, 'führende Null in „01“ ist in JSON nicht erlaubt'],
    ['a leading plus', '{"a": +1}', 1, 7, '„+“ vor einer Zahl ist in JSON nicht erlaubt'],
    ['a point without digits after it', '{"a": 1.}', 1, 9, 'nach dem Dezimalpunkt fehlt eine Ziffer'],
    ['a number starting with a point', '[.5]', 1, 2, 'eine Zahl beginnt in JSON mit einer Ziffer: 0.5 statt .5'],
    ['an exponent without digits', '[1e+]', 1, 5, 'im Exponenten fehlt eine Ziffer'],
    ['a minus without digits', '[-]', 1, 3, 'nach „-“ fehlt eine Ziffer'],
    ['a non-breaking space', '{"a":\u00a01}', 1, 6, 'erwartet einen Wert nach „:“, gefunden U+00A0 (geschütztes Leerzeichen)'],
  ])('%s', (_fall, text, zeile, spalte, meldung) => {
    expect(() => JSON.parse(text)).toThrow();
    expect(jsonSyntaxfehler(text)).toEqual({ zeile, spalte, meldung });
  });

  it('counts columns in characters, whatever the line ending and umlauts or emoji before', () => {
    expect(jsonSyntaxfehler('{\r\n  "Größe": 1 "x": 2 }')).toEqual({ zeile: 2, spalte: 14, meldung: 'erwartet „,“ oder „}“ nach einem Wert' });
    expect(jsonSyntaxfehler('{"😀": 1 "x": 2 }')).toEqual({ zeile: 1, spalte: 9, meldung: 'erwartet „,“ oder „}“ nach einem Wert' });
  });

  it('finds nothing in valid JSON, however deeply nested', () => {
    expect(jsonSyntaxfehler(readFileSync('fixtures/demo/ziele-2017.json', 'utf8'))).toBeNull();
    expect(jsonSyntaxfehler('[-0.5e+3, true, false, null, "\\u00e4\\n\\"", {}, []]')).toBeNull();
    expect(jsonSyntaxfehler('['.repeat(100_000) + ']'.repeat(100_000))).toBeNull();
  });

  it('finds an error exactly when JSON.parse refuses the text, on mangled JSON', () => {
    const vorlagen = [readFileSync('fixtures/demo/ziele-2017.json', 'utf8'), '{"a":[1,-2.5e+3,true,false,null,{"b":"x\\"\\u00e4\\n"}],"c":{}}', '[[],[{}],""]', '0'];
    const zeichen = fc.constantFrom(...'{}[],:"\\\n 01-.e+truenl/*\t\u0001ä\'#');
    const aenderung = fc.tuple(fc.nat(), fc.constantFrom('weg', 'dazu', 'statt'), zeichen);
    fc.assert(
      fc.property(fc.constantFrom(...vorlagen), fc.array(aenderung, { minLength: 1, maxLength: 3 }), (vorlage, aenderungen) => {
        let t = vorlage;
        for (const [stelle, art, z] of aenderungen) {
          const p = stelle % (t.length + 1);
          t = art === 'weg' ? t.slice(0, p) + t.slice(p + 1) : art === 'dazu' ? t.slice(0, p) + z + t.slice(p) : t.slice(0, p) + z + t.slice(p + 1);
        }
        let gueltig = true;
        try {
          JSON.parse(t);
        } catch {
          gueltig = false;
        }
        expect(jsonSyntaxfehler(t) === null).toBe(gueltig);
      }),
      { numRuns: 6_000 },
    );
  });
});

describe('decoding a whole JSON input', () => {
  const text = '{"name": "erhöhen – 5 €"}';
  it('UTF-8, with or without BOM', () => {
    expect(dekodiere(Buffer.from(text))).toEqual({ text, kodierung: 'utf8' });
    expect(dekodiere(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]))).toEqual({ text, kodierung: 'utf8' });
  });
  it('Windows-1252 when the bytes are not UTF-8, with € and – from 0x80…0x9F', () => {
    const bytes = Buffer.from([...Buffer.from('{"name": "erh', 'latin1'), 0xf6, ...Buffer.from('hen ', 'latin1'), 0x96, ...Buffer.from(' 5 ', 'latin1'), 0x80, ...Buffer.from('"}', 'latin1')]);
    expect(dekodiere(bytes)).toEqual({ text, kodierung: 'cp1252' });
  });
  it('UTF-16LE with BOM, and without it by the zero bytes after ASCII', () => {
    const utf16 = Buffer.from(text, 'utf16le');
    expect(dekodiere(Buffer.concat([Buffer.from([0xff, 0xfe]), utf16]))).toEqual({ text, kodierung: 'utf16le' });
    expect(dekodiere(utf16)).toEqual({ text, kodierung: 'utf16le' });
  });
  it('refuses UTF-16BE and UTF-32', () => {
    expect(dekodiere(Buffer.from([0xfe, 0xff, 0x00, 0x7b]))).toEqual({ nichtUnterstuetzt: 'utf16be' });
    expect(dekodiere(Buffer.from([0xff, 0xfe, 0x00, 0x00]))).toEqual({ nichtUnterstuetzt: 'utf32' });
  });
});
