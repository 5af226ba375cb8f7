// The JSON inputs (`--config`, `--ziele`): bytes from a file or standard input, decoded like the
// CSV inputs, parsed by JSON.parse. When JSON.parse fails, its message is English and its position
// is sometimes missing or the end of the input, so a small scanner walks the text once more and
// names the first syntax error by line and column, in German and with a hint how to fix it.

import { createHash } from 'node:crypto';
import { KennzahlenFehler, type Problem } from '../fehler.js';
import { dekodiere } from './dekodierung.js';
import type { Kodierung } from '../core/modell.js';
import { leseGanz, type Standardeingabe } from './quelle.js';

export interface JsonEingabe {
  json: unknown;
  /** Of the bytes as read, whatever their encoding. */
  sha256: string;
  kodierung: Kodierung;
}

/**
 * Reads a JSON input or fails with exit 66 (missing), 65 (not JSON, pointing at line and column) or 2
 * (`-` with a terminal on standard input; `option` and `beispiel` make the hint).
 */
export async function leseJson(datei: string, stdin: Standardeingabe, option: string, beispiel: string): Promise<JsonEingabe> {
  const bytes = await leseGanz(datei, stdin, option, beispiel);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const d = dekodiere(bytes);
  if ('nichtUnterstuetzt' in d) {
    const name = d.nichtUnterstuetzt === 'utf16be' ? 'UTF-16BE' : 'UTF-32';
    const p: Problem = { datei, zeile: 1, meldung: `Kodierung ${name} wird nicht unterstützt; bitte als UTF-8 oder Windows-1252 speichern.` };
    throw new KennzahlenFehler('eingabedaten', `${datei}: Kodierung nicht unterstützt.`, [p]);
  }
  let json: unknown;
  try {
    json = JSON.parse(d.text);
  } catch {
    // The scanner checks the grammar JSON.parse checks, so it finds the error; if ever not, the
    // message stays without a place rather than in V8's English.
    const f = jsonSyntaxfehler(d.text);
    const p: Problem = f ? { datei, zeile: f.zeile, spalte: f.spalte, meldung: `kein gültiges JSON: ${f.meldung}` } : { datei, meldung: 'kein gültiges JSON' };
    throw new KennzahlenFehler('eingabedaten', `${datei}: kein gültiges JSON.`, [p]);
  }
  return { json, sha256, kodierung: d.kodierung };
}

export interface JsonSyntaxfehler {
  /** 1-based; a column counts characters, a tab as one. */
  zeile: number;
  spalte: number;
  meldung: string;
}

class Abbruch {
  constructor(
    readonly offset: number,
    readonly meldung: string,
  ) {}
}

const LEER = new Set([' ', '\t', '\n', '\r']);
const ZIFFER = /[0-9]/;
const WORTZEICHEN = /[\p{L}\p{N}_$]/u;
const ESCAPES = new Set(['"', '\\', '/', 'b', 'f', 'n', 'r', 't']);
const ZU: Record<'{' | '[', '}' | ']'> = { '{': '}', '[': ']' };

/** A character as a message shows it: visible ones in quotes, invisible ones by code point. */
function zeichen(c: string): string {
  const cp = c.codePointAt(0)!;
  if (cp === 0xa0) return 'U+00A0 (geschütztes Leerzeichen)';
  if (cp === 0xfeff) return 'U+FEFF (Byte-Order-Mark)';
  if (cp < 0x20 || (cp >= 0x7f && cp < 0xa0) || /\s/u.test(c)) return `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;
  return `„${c}“`;
}

/**
 * The first syntax error of a text that is not JSON (RFC 8259), or null when there is none. Meant
 * for text that JSON.parse refused; it checks the same grammar, without building a value, and keeps
 * its own stack so that deep nesting cannot overflow.
 */
export function jsonSyntaxfehler(text: string): JsonSyntaxfehler | null {
  try {
    pruefeSyntax(text);
    return null;
  } catch (e) {
    if (!(e instanceof Abbruch)) throw e;
    return { ...zeileSpalte(text, e.offset), meldung: e.meldung };
  }
}

function zeileSpalte(text: string, offset: number): { zeile: number; spalte: number } {
  let zeile = 1, anfang = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) {
    zeile++;
    anfang = i + 1;
  }
  // Code points, so that a character outside the BMP counts once, as an editor counts it.
  return { zeile, spalte: [...text.slice(anfang, offset)].length + 1 };
}

function pruefeSyntax(text: string): void {
  const n = text.length;
  let i = 0;
  const zeileVon = (offset: number) => zeileSpalte(text, offset).zeile;
  const fehler = (offset: number, meldung: string) => new Abbruch(offset, meldung);

  /** Open objects and arrays, innermost last, with where each began. */
  const stapel: { art: '{' | '['; offset: number }[] = [];
  /** What may come next: a value, an object key, the colon after a key, or what follows a value. */
  let erwartet: 'wert' | 'schluessel' | 'doppelpunkt' | 'danach' = 'wert';
  /** The token just read, for messages that depend on it (`[1,]`, `"a": }`, `3,4`). */
  let vorher: 'anfang' | 'klammer' | 'komma' | 'doppelpunkt' | 'schluessel' | 'wert' = 'anfang';
  let komma = -1;
  let schluessel = '';
  /** Start and end of the last number, to recognise a decimal comma (`"hoechstens": 3,4`). */
  let zahl = { von: -1, bis: -1 };
  /** The top-level container, once closed. */
  let ganz = null as { art: '{' | '['; von: number; bis: number } | null;

  const ende = () => {
    let j = n;
    while (j > 0 && LEER.has(text[j - 1])) j--;
    return j;
  };
  const falscheKlammer = (c: string) => {
    const offen = stapel[stapel.length - 1];
    return fehler(i, `„${offen.art}“ aus Zeile ${zeileVon(offen.offset)} wird mit „${ZU[offen.art]}“ geschlossen, nicht mit „${c}“`);
  };

  for (;;) {
    while (i < n && LEER.has(text[i])) i++;
    const offen = stapel[stapel.length - 1];
    if (i >= n) {
      if (offen) throw fehler(ende(), `unerwartetes Ende der Datei: „${ZU[offen.art]}“ fehlt für „${offen.art}“ aus Zeile ${zeileVon(offen.offset)}`);
      if (vorher === 'anfang') throw fehler(0, 'leer; erwartet wird ein JSON-Objekt { … }');
      return;
    }
    const c = text[i];
    if (c === '#' || (c === '/' && (text[i + 1] === '/' || text[i + 1] === '*'))) throw fehler(i, 'Kommentare sind in JSON nicht erlaubt');

    if (erwartet === 'doppelpunkt') {
      if (c !== ':') throw fehler(i, `erwartet „:“ nach dem Schlüssel "${schluessel}"`);
      i++;
      erwartet = 'wert';
      vorher = 'doppelpunkt';
      continue;
    }

    if (c === '}' || c === ']') {
      if (!offen) {
        if (ganz) throw fehler(i, `„${c}“ zu viel: „${ganz.art}“ aus Zeile ${zeileVon(ganz.von)} ist schon in Zeile ${zeileVon(ganz.bis)} geschlossen`);
        throw fehler(i, `unerwartetes „${c}“; erwartet einen Wert`);
      }
      if (c !== ZU[offen.art]) throw falscheKlammer(c);
      if (vorher === 'komma') throw fehler(komma, `Komma vor „${c}“ ist in JSON nicht erlaubt`);
      if (vorher === 'doppelpunkt') throw fehler(i, `erwartet einen Wert nach „:“, gefunden „${c}“`);
      stapel.pop();
      if (!stapel.length) ganz = { art: offen.art, von: offen.offset, bis: i };
      i++;
      erwartet = 'danach';
      vorher = 'wert';
      continue;
    }

    if (erwartet === 'danach') {
      if (!offen) throw fehler(i, 'nach dem Ende des JSON-Werts folgt noch Text; eine JSON-Datei enthält genau einen Wert');
      if (c !== ',') throw fehler(i, `erwartet „,“ oder „${ZU[offen.art]}“ nach einem Wert`);
      komma = i++;
      erwartet = offen.art === '{' ? 'schluessel' : 'wert';
      vorher = 'komma';
      continue;
    }

    if (erwartet === 'schluessel') {
      if (c === '"') {
        const von = i;
        liesText();
        schluessel = text.slice(von + 1, i - 1);
        erwartet = 'doppelpunkt';
        vorher = 'schluessel';
        continue;
      }
      if (ZIFFER.test(c) && vorher === 'komma' && komma === zahl.bis) {
        let bis = i;
        while (bis < n && ZIFFER.test(text[bis])) bis++;
        const vorn = text.slice(zahl.von, zahl.bis), hinten = text.slice(i, bis);
        throw fehler(komma, `Dezimalzahlen stehen in JSON mit Punkt: ${vorn}.${hinten} statt ${vorn},${hinten}`);
      }
      if (c === ',' || c === ':') throw fehler(i, `erwartet einen Schlüssel in "…", gefunden „${c}“`);
      throw fehler(i, 'Schlüssel müssen in "…" stehen');
    }

    // A value.
    if (c === '{' || c === '[') {
      stapel.push({ art: c, offset: i++ });
      erwartet = c === '{' ? 'schluessel' : 'wert';
      vorher = 'klammer';
      continue;
    }
    if (c === '"') liesText();
    else if (c === '-' || ZIFFER.test(c)) liesZahl();
    else if (WORTZEICHEN.test(c)) liesWort();
    else {
      if (c === "'") throw fehler(i, `Text steht in JSON in "…", nicht in '…'`);
      if ('„“”‚‘’»«'.includes(c)) throw fehler(i, `typografisches Anführungszeichen ${c}; Text steht in JSON in geraden "…"`);
      if (c === '+') throw fehler(i, '„+“ vor einer Zahl ist in JSON nicht erlaubt');
      if (c === '.' && ZIFFER.test(text[i + 1] ?? '')) throw fehler(i, 'eine Zahl beginnt in JSON mit einer Ziffer: 0.5 statt .5');
      const gefunden = zeichen(String.fromCodePoint(text.codePointAt(i)!));
      throw fehler(i, vorher === 'doppelpunkt' ? `erwartet einen Wert nach „:“, gefunden ${gefunden}` : `erwartet einen Wert, gefunden ${gefunden}`);
    }
    erwartet = 'danach';
    vorher = 'wert';
  }

  function liesText(): void {
    const von = i++;
    for (;;) {
      if (i >= n) throw fehler(i, `Text in Anführungszeichen nicht geschlossen (begonnen in Zeile ${zeileVon(von)})`);
      const c = text[i];
      if (c === '"') {
        i++;
        return;
      }
      if (c === '\n' || c === '\r') throw fehler(i, `Text in Anführungszeichen nicht geschlossen (begonnen in Zeile ${zeileVon(von)})`);
      if (c === '\\') {
        const e = text[i + 1] ?? '';
        if (e === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) throw fehler(i, '„\\u“ braucht vier Hexadezimalziffern, etwa \\u00e4');
          i += 6;
          continue;
        }
        if (!ESCAPES.has(e)) {
          throw fehler(i, `„\\${e}“ ist in JSON keine Escape-Folge; ein Backslash wird als \\\\ geschrieben (etwa C:\\\\daten)`);
        }
        i += 2;
        continue;
      }
      if (c < ' ') throw fehler(i, c === '\t' ? 'Tabulator in Text ist in JSON nicht erlaubt; \\t schreiben' : `Steuerzeichen ${zeichen(c)} in Text ist in JSON nicht erlaubt`);
      i++;
    }
  }

  function liesZahl(): void {
    const von = i;
    if (text[i] === '-') {
      i++;
      if (!ZIFFER.test(text[i] ?? '')) throw fehler(i, 'nach „-“ fehlt eine Ziffer');
    }
    if (text[i] === '0' && ZIFFER.test(text[i + 1] ?? '')) {
      let bis = i;
      while (bis < n && ZIFFER.test(text[bis])) bis++;
      throw fehler(von, `führende Null in „${text.slice(von, bis)}“ ist in JSON nicht erlaubt`);
    }
    while (i < n && ZIFFER.test(text[i])) i++;
    if (text[i] === '.') {
      i++;
      if (!ZIFFER.test(text[i] ?? '')) throw fehler(i, 'nach dem Dezimalpunkt fehlt eine Ziffer');
      while (i < n && ZIFFER.test(text[i])) i++;
    }
    if (text[i] === 'e' || text[i] === 'E') {
      i++;
      if (text[i] === '+' || text[i] === '-') i++;
      if (!ZIFFER.test(text[i] ?? '')) throw fehler(i, 'im Exponenten fehlt eine Ziffer');
      while (i < n && ZIFFER.test(text[i])) i++;
    }
    zahl = { von, bis: i };
  }

  function liesWort(): void {
    const von = i;
    while (i < n && WORTZEICHEN.test(text[i])) i++;
    const wort = text.slice(von, i);
    if (wort === 'true' || wort === 'false' || wort === 'null') return;
    const klein = wort.toLowerCase();
    if (klein === 'true' || klein === 'false' || klein === 'null') throw fehler(von, `„${wort}“ ist kein JSON-Wert; klein geschrieben: ${klein}`);
    if (wort === 'NaN' || wort === 'Infinity' || wort === 'undefined') throw fehler(von, `„${wort}“ gibt es in JSON nicht`);
    throw fehler(von, `unerwartetes Wort „${wort}“; Text steht in JSON in "…"`);
  }
}
