// Columns are a contract (README, „Spalten sind ein Vertrag“): in the person-level roles every
// column of a file is either one the role reads, or mapped to one in the config, or listed there as
// deliberately ignored (`null`). Anything else is an error, because a column the tool does not read
// may be the one that should have changed the numbers (`bis` meant as `ende` leaves every period
// open). This module checks a header against a role's columns and words what to do.

import type { Problem } from '../fehler.js';

/**
 * A header label without the footnote marker BA tables put after it: `Bestand ELB 1)`,
 * `Integrationen²`, `K2 *`. The marker points to a note below the table; it is not part of the
 * column's name, so a config mapping and the role's columns must see the name without it. A
 * number in brackets that opened in the label (`Zeitraum (Monat 1)`) is part of the name.
 */
export function ohneFussnotenzeichen(name: string): string {
  let s = name.trim();
  for (let vorher = ''; vorher !== s; ) {
    vorher = s;
    s = s.replace(/[\u00b9\u00b2\u00b3\u2070-\u2079]+$/, '').replace(/\s*\*+$/, '').trimEnd();
    const klammer = /\s*\d{1,2}\s?\)$/.exec(s);
    if (klammer && s.slice(0, klammer.index).lastIndexOf('(') <= s.slice(0, klammer.index).lastIndexOf(')') && klammer.index > 0) s = s.slice(0, klammer.index).trimEnd();
  }
  return s;
}

export const normiereName = (name: string) => ohneFussnotenzeichen(name).toLowerCase();

/** Letters and digits only, umlauts spelt out: „Leistung-bis“, „leistung bis“ and „LeistungBis“ compare equal. */
export function schluessel(name: string): string {
  return ohneFussnotenzeichen(name)
    .toLowerCase()
    .replace(/ä/g, 'ae').replace(/ö/g, 'oe').replace(/ü/g, 'ue').replace(/ß/g, 'ss')
    .normalize('NFKD')
    .replace(/[^a-z0-9]/g, '');
}

/**
 * What users' exports call the canonical columns: German database and Excel headers, BA terms,
 * English. Only for suggestions: a synonym is never read without a mapping.
 */
const SYNONYME: Record<string, readonly string[]> = {
  person_id: ['id', 'person', 'personid', 'personen', 'personennummer', 'personennr', 'persnr', 'pnr', 'kundennr', 'kundennummer', 'kdnr', 'kundenid', 'kunde', 'elbid', 'pid', 'kennung', 'personenkennung'],
  beginn: ['von', 'ab', 'start', 'anfang', 'begin', 'from', 'beginndatum', 'startdatum', 'leistungvon', 'leistungsbeginn', 'bezugvon', 'bezugsbeginn', 'datumvon', 'gueltigab', 'gueltigvon', 'eintritt', 'eintrittsdatum', 'beginnam', 'vonam', 'bewilligungvon'],
  ende: ['bis', 'end', 'to', 'until', 'enddatum', 'endedatum', 'leistungbis', 'leistungsende', 'bezugbis', 'bezugsende', 'datumbis', 'gueltigbis', 'austritt', 'austrittsdatum', 'endeam', 'biszum', 'bisam', 'bewilligungbis'],
  status: ['art', 'leistungsart', 'typ', 'statuselb', 'elbnef', 'erwerbsfaehig', 'erwerbsfaehigkeit', 'personenstatus'],
  monat: ['berichtsmonat', 'jahrmonat', 'monatjahr', 'zeitraum', 'month', 'periode', 'stichtagsmonat', 'leistungsmonat', 'bezugsmonat'],
  geschlecht: ['sex', 'gender', 'geschl'],
  geburtsdatum: ['geburtstag', 'gebdatum', 'gebdat', 'geboren', 'geburt', 'birthdate', 'dateofbirth', 'geboren am'],
  alleinerziehend: ['ae', 'alleinerziehende', 'alleinerz', 'alleinerziehender'],
  fluchtkontext: ['flucht', 'asyl', 'fluechtling', 'gefluechtet', 'fluchthintergrund', 'kontextflucht', 'fluchtmigration'],
  datum: ['beginn', 'eintritt', 'eintrittsdatum', 'integrationsdatum', 'aufnahme', 'aufnahmedatum', 'start', 'date', 'beschaeftigungsbeginn'],
  art: ['typ', 'integrationsart', 'massnahmeart', 'massnahmenart', 'kategorie', 'type'],
  kontinuierlich: ['kont', 'nachhaltig', 'kontinuierlichebeschaeftigung'],
  bedarfsdeckend: ['bedarfsdeckung', 'hilfebeduerftigkeitbeendet'],
  llu: ['lebensunterhalt', 'leistungenzumlebensunterhalt', 'regelbedarf', 'alg2', 'arbeitslosengeld2', 'buergergeld'],
  luh: ['kdu', 'unterkunft', 'unterkunftundheizung', 'kostenderunterkunft', 'kdunterkunft'],
  bg_nr: ['bg', 'bgnummer', 'bedarfsgemeinschaft', 'bgid'],
  elb: ['bestandelb', 'elbbestand', 'erwerbsfaehigeleistungsberechtigte', 'anzahlelb'],
  lzb: ['bestandlzb', 'lzbbestand', 'langzeitleistungsbeziehende', 'langzeitleistungsbezieher'],
};

/** Edits between two names, a swap of two neighbouring letters (`edne` for `ende`) counting as one. */
function abstand(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.length][b.length];
}

/** A slip of one letter in a short name, of two in a longer one. */
const nahGenug = (abstand: number, laenge: number) => abstand <= (laenge <= 4 ? 1 : 2);

/**
 * The canonical column a header most likely means, among `kandidaten`: a known synonym first
 * (`bis` → `ende`, `Kunden-Nr` → `person_id`), then a near spelling (`edne` → `ende`). Null when
 * nothing is close: a guess that misleads is worse than the list of what is allowed.
 */
export function gemeinteSpalte(name: string, kandidaten: readonly string[]): string | null {
  const s = schluessel(name);
  if (!s) return null;
  const bekannt = bekannteSpalte(name, kandidaten);
  if (bekannt) return bekannt;
  const bester = naechster(s, kandidaten.flatMap((k) => [k, ...(SYNONYME[k] ?? [])].map((w): [string, string] => [k, schluessel(w)])), (z) => z.length);
  if (bester) return bester;
  // „Datum Leistungsende“, „Ende der Leistung“: a longer header that contains a synonym or the name.
  for (const k of kandidaten) if ([k, ...(SYNONYME[k] ?? [])].some((w) => schluessel(w).length >= 4 && s.includes(schluessel(w)))) return k;
  return null;
}

/**
 * The canonical column a header names exactly, in its own spelling or a known synonym's; no
 * near spellings, so a title line („Zeitraum: Januar 2023“) is not taken for a column.
 */
export function bekannteSpalte(name: string, kandidaten: readonly string[]): string | null {
  const s = schluessel(name);
  if (!s) return null;
  for (const k of kandidaten) if (schluessel(k) === s) return k;
  for (const k of kandidaten) if ((SYNONYME[k] ?? []).some((w) => schluessel(w) === s)) return k;
  return null;
}

/** The header of a file that a mapping most likely meant (`Leistung-bis` → `Leistung bis`). */
export function aehnlichsterKopf(name: string, kopf: readonly string[]): string | null {
  const s = schluessel(name);
  return naechster(s, kopf.map((k): [string, string] => [k.trim(), schluessel(k)]), (z) => Math.max(z.length, s.length));
}

/** The value whose key is nearest to `s`, if near enough for a slip in a name of `laenge(key)`. */
function naechster(s: string, paare: readonly [string, string][], laenge: (z: string) => number): string | null {
  let bester: string | null = null, besterAbstand = Infinity;
  for (const [wert, z] of paare) {
    const d = abstand(s, z);
    if (nahGenug(d, laenge(z)) && d < besterAbstand) [bester, besterAbstand] = [wert, d];
  }
  return bester;
}

/** One entry of the config's column mapping: the user's header → a canonical column, or null: not read. */
export interface Zuordnung {
  von: string;
  nach: string | null;
}

/** What the header check needs to know about a role. */
export interface KopfVertrag {
  rolle: string;
  /** Columns the role reads (the schema's), and which of them must be there. */
  spalten: readonly string[];
  pflicht: readonly string[];
  /**
   * Monatswerte are open: other columns are not read and not an error (a BA table has many), but
   * one that is spelt like a missing column of `bekannt` is (`elbb` beside no `elb`).
   */
  offen?: { bekannt: readonly string[] };
}

export interface KopfFormat {
  /** The header as written. */
  roherKopf: readonly string[];
  /** Canonical names after the mapping; null: ignored by the config. */
  kopf: readonly (string | null)[];
  zuordnung: readonly Zuordnung[];
  /** The config file the mapping comes from, to name it in messages. */
  konfiguration?: string;
  /** The header's line in the file (1 unless title lines stand above it). */
  kopfzeile?: number;
}

export interface KopfErgebnis {
  /** Column index of each canonical column read. */
  position: Map<string, number>;
  /** Columns without a name: only empty cells are allowed in them. */
  namenlos: number[];
  probleme: Problem[];
}

/** A header as it may be quoted in a message: a garbled one is cut, not printed whole. */
const kurz = (s: string) => {
  const t = s.trim();
  return t.length > 60 ? `${t.slice(0, 57)}…` : t;
};
const zitat = (s: string) => `„${kurz(s)}“`;

/** A column whose meaning the check cannot guess. */
const UNKLAR = '?';

/**
 * The fix for a header's unknown columns, ready to paste: the config's mapping for the role with
 * the mappings that hold, a guess for each unknown column, and null (not read) where there is none.
 */
export function abhilfe(rolle: string, eintraege: readonly [string, string | null][], offen: readonly string[], konfiguration?: string): string {
  const wo = konfiguration ? `in ${konfiguration}` : 'in einer Konfiguration (--config DATEI)';
  // A column that already has its canonical name needs no entry.
  eintraege = eintraege.filter(([von, nach]) => nach === null || normiereName(von) !== normiereName(nach));
  if (!eintraege.length) return `Abhilfe: ${wo} die Zuordnung "spalten": {"${rolle}": …} entfernen; die Spalten heißen schon wie verlangt.`;
  const paare = eintraege.map(([von, nach]) => `${JSON.stringify(von.trim())}: ${nach === null ? 'null' : JSON.stringify(nach)}`).join(', ');
  // Where nothing fits, the snippet holds "?", which no config accepts: pasting it must not quietly
  // drop a column that might be the one to change the numbers.
  const frage = eintraege.some(([, nach]) => nach === UNKLAR)
    ? `; „?“ durch die gemeinte Spalte ersetzen${offen.length ? ` (noch ohne Spalte: ${offen.join(', ')})` : ''} oder durch null, wenn die Spalte nicht gelesen werden soll`
    : '';
  return `Abhilfe: ${wo} eintragen: "spalten": {"${rolle}": {${paare}}}${frage}.`;
}

/**
 * Checks a header against a role: every column known, mapped or ignored; every mapping's source in
 * the file and its target a column of the role; no column twice; the required columns there. All
 * problems at once, so `check` can list them together.
 */
export function pruefeKopf(f: KopfFormat, v: KopfVertrag, datei: string): KopfErgebnis {
  const probleme: Problem[] = [];
  const zeile = f.kopfzeile ?? 1;
  const position = new Map<string, number>();
  const namenlos: number[] = [];
  const liste = v.spalten.join(', ');
  const gefunden = f.roherKopf.map(kurz).filter(Boolean).join(', ') || 'nichts';
  const roheNamen = new Set(f.roherKopf.map(normiereName));
  const zugeordnet = new Set<string>();
  const vorgeschlagen = new Set<string>();
  /** The mapping as it should be: what holds, and a guess for each unknown column. */
  const vorschlag: [string, string | null][] = [];
  let unbekannt = 0;

  for (const z of f.zuordnung) {
    const von = normiereName(z.von);
    zugeordnet.add(von);
    const wo = `Zuordnung „${z.von}“ → ${z.nach === null ? 'null' : `„${z.nach}“`}${f.konfiguration ? ` in ${f.konfiguration}` : ''} (spalten.${v.rolle})`;
    if (!roheNamen.has(von)) {
      unbekannt++;
      const gemeint = aehnlichsterKopf(z.von, f.roherKopf);
      probleme.push({
        datei, zeile, spaltenname: z.von, wert: z.von,
        erwartet: `eine Spalte der Datei: ${gefunden}`,
        meldung: `${wo}: die Datei hat keine Spalte ${zitat(z.von)}${gemeint ? `; gemeint ist wohl ${zitat(gemeint)}` : ` (gefunden: ${gefunden})`}.`,
      });
      continue;
    }
    // Open Monatswerte may rename a column to any name; one spelt like a standard column is a typo.
    const gemeint = z.nach === null || v.spalten.includes(normiereName(z.nach)) ? null : gemeinteSpalte(z.nach, v.offen ? v.offen.bekannt : v.spalten);
    if (z.nach === null || v.spalten.includes(normiereName(z.nach)) || (v.offen && !gemeint)) {
      vorschlag.push([z.von, z.nach]);
      continue;
    }
    unbekannt++;
    vorschlag.push([z.von, gemeint ?? UNKLAR]);
    if (gemeint) vorgeschlagen.add(gemeint);
    const welche = v.offen ? 'der Monatswerte' : `von ${v.rolle} (${liste})`;
    probleme.push({
      datei, zeile, spaltenname: z.von, wert: z.nach,
      erwartet: v.offen ? `eine Spalte der Monatswerte wie ${gemeint}` : `eine Spalte von ${v.rolle}: ${liste}`,
      meldung: `${wo}: ${zitat(z.nach)} ist keine Spalte ${welche}${gemeint ? `; gemeint ist wohl „${gemeint}“` : ''}.`,
    });
  }

  const fehlendeBekannte = v.offen ? v.offen.bekannt.filter((n) => !f.kopf.includes(n)) : [];
  f.kopf.forEach((name, i) => {
    const roh = f.roherKopf[i] ?? '';
    if (name === null) return;
    if (name === '') return void namenlos.push(i);
    if (v.spalten.includes(name)) {
      if (position.has(name)) {
        probleme.push({ datei, zeile, spalte: i + 1, spaltenname: roh, wert: roh, meldung: `Spalte „${name}“ kommt doppelt vor (auch Spalte ${position.get(name)! + 1}).` });
      } else position.set(name, i);
      return;
    }
    // A mapped column whose target is wrong was reported with its mapping above.
    if (zugeordnet.has(normiereName(roh))) return;
    if (v.offen) {
      const gemeint = gemeinteSpalte(roh, fehlendeBekannte);
      if (!gemeint) return;
      vorgeschlagen.add(gemeint);
      unbekannt++;
      vorschlag.push([roh, gemeint]);
      probleme.push({
        datei, zeile, spalte: i + 1, spaltenname: roh, wert: roh,
        erwartet: `eine Spalte wie ${gemeint}, oder eine, die nichts Bekanntem ähnelt`,
        meldung: `Spalte ${zitat(roh)} wird nicht gelesen, aber „${gemeint}“ fehlt; gemeint ist wohl „${gemeint}“.`,
      });
      return;
    }
    const gemeint = gemeinteSpalte(roh, v.spalten.filter((s) => !position.has(s) && !f.kopf.includes(s)));
    if (gemeint) vorgeschlagen.add(gemeint);
    unbekannt++;
    vorschlag.push([roh, gemeint ?? UNKLAR]);
    probleme.push({
      datei, zeile, spalte: i + 1, spaltenname: roh, wert: roh,
      erwartet: `eine Spalte von ${v.rolle}: ${liste}`,
      meldung: `Spalte ${zitat(roh)} ist keine Spalte von ${v.rolle} (${liste})${gemeint ? `; gemeint ist wohl „${gemeint}“` : ''}.`,
    });
  });
  if (unbekannt) {
    const offen = v.spalten.filter((s) => !position.has(s) && !vorgeschlagen.has(s) && !f.kopf.includes(s));
    probleme.push({ datei, zeile, meldung: abhilfe(v.rolle, vorschlag, offen, f.konfiguration) });
  }

  for (const name of v.pflicht) {
    // A required column that an unknown one seems to mean is said once, with that column.
    if (position.has(name) || vorgeschlagen.has(name)) continue;
    probleme.push({
      datei, zeile, spaltenname: name,
      meldung: `Pflichtspalte „${name}“ fehlt (Rolle ${v.rolle}; gefunden: ${gefunden}).`,
      erwartet: `Spalten ${v.pflicht.join(', ')}`,
    });
  }
  return { position, namenlos, probleme };
}
