// Every option of every command, once: its flag, value, help in German and English, choices,
// default, parser with range, config key and the commands that take it. Commander's options, the
// help, the keys `--config` accepts, the TypeScript type of the parsed values and the README's
// option tables are all made from this table (docs/vertrag.md §2), so a new option is one entry.

import { ersterTag, letzterTag } from '../core/kalender.js';
import { FILTER } from '../core/filter.js';
import { K1E3_NENNER, STANDARD_KENNZAHL_EINSTELLUNGEN } from '../core/kennzahlen/definitionen.js';
import { EINSTELLUNGS_GRENZEN, STANDARD_EINSTELLUNGEN } from '../core/lzb/regel.js';
import { MERKMALE } from '../core/merkmale.js';
import type { EingabeRolle, Kodierung, Trennzeichen } from '../core/modell.js';
import { nutzungsfehler } from '../fehler.js';
import { FORMEN } from '../input/breit.js';
import { parseDatum, parseMonat, type Dezimal } from '../input/zellen.js';
import { SPRACHEN, type Sprache } from '../report/darstellung.js';

export const BEFEHLE = ['lzb', 'aggregate', 'report', 'check', 'demo', 'vergleich'] as const;
export type Befehl = (typeof BEFEHLE)[number];

export type { Sprache };
export type Text = Record<Sprache, string>;

export type Format = 'table' | 'json' | 'csv' | 'md' | 'html' | 'xlsx';
export const ALLE_FORMATE: readonly Format[] = ['table', 'json', 'csv', 'md', 'html', 'xlsx'];

/** Reads a value given as text (flag or config); throws a usage error naming `name`. */
export type Parser<T> = (roh: string, name: string) => T;

export interface OptionDef<T = unknown> {
  /** The long flag, `--lzb-min`. */
  flag: `--${string}`;
  /** A short alias, `-q`. */
  kurz?: `-${string}`;
  /** The value's placeholder in the help; without one the option is a switch. */
  arg?: `<${string}>`;
  hilfe: Text;
  befehle: readonly Befehl[];
  /** The value when neither flag nor config gives one, as text and parsed like one. */
  standard?: string;
  /** The default in words, where the data or the terminal decide it. */
  standardText?: Text;
  wert?: Parser<T>;
  /** The key under `einstellungen` in `--config` (`jobcenter` is the file's own top-level key). */
  konfig?: string;
  /** The option names an input file of this role (`eingaben.<rolle>` in `--config`). */
  rolle?: EingabeRolle;
  /** `--color` has `--no-color`: the negation's help. */
  negation?: Text;
  /** Where one command words the option differently or allows fewer values. */
  je?: Partial<Record<Befehl, { hilfe?: Text; auswahl?: readonly string[]; standard?: string }>>;
}

// Value parsers. Ranges live where the domain defines them; messages name the flag.

export function ganzzahl(min: number, max: number): Parser<number> {
  return (roh, name) => {
    const n = Number(roh);
    if (!/^\s*\d+\s*$/.test(roh) || n < min || n > max) throw nutzungsfehler(`${name} erwartet eine ganze Zahl von ${min} bis ${max}, nicht „${roh}“.`);
    return n;
  };
}

/** `--monat 2017-03` and friends: every month format of docs/vertrag.md §3. */
export const monat: Parser<number> = (roh, name) => {
  const m = parseMonat(roh);
  if (!m.ok || m.wert === null) throw nutzungsfehler(`${name} erwartet ${m.ok ? 'einen Monat' : m.erwartet}, nicht „${roh}“.`);
  return m.wert;
};

/**
 * A day given as a date or a month, for `--daten-ab` / `--datenstand`: a month means its first
 * day (data begin) or its last day (Datenstand).
 */
function tag(monatsEnde: boolean): Parser<number> {
  return (roh, name) => {
    const d = parseDatum(roh);
    if (d.ok && d.wert !== null) return d.wert;
    const m = parseMonat(roh);
    if (m.ok && m.wert !== null) return monatsEnde ? letzterTag(m.wert) : ersterTag(m.wert);
    throw nutzungsfehler(`${name} erwartet ein Datum (2017-03-15, 15.03.2017) oder einen Monat (2017-03), nicht „${roh}“.`);
  };
}

/** A file or folder name: an empty one would read as the working folder or as nothing at all. */
const datei: Parser<string> = (roh, name) => {
  if (!roh.trim()) throw nutzungsfehler(`${name} braucht einen Datei- oder Ordnernamen, nicht „${roh}“.`);
  return roh;
};

/** A Jobcenter's key: five digits, as text (`05111` keeps its zero). */
const regionalschluessel: Parser<string> = (roh, name) => {
  if (!/^\d{5}$/.test(roh.trim())) throw nutzungsfehler(`${name} erwartet den Schlüssel eines Jobcenters, fünf Ziffern wie 12062 oder 05111, nicht „${roh}“.`);
  return roh.trim();
};

/** Keys separated by commas, as text (`05111,12062`): none empty. */
const schluesselliste: Parser<string[]> = (roh, name) => {
  const teile = roh.split(',').map((k) => k.trim());
  if (teile.some((k) => k === '')) throw nutzungsfehler(`${name} erwartet Schlüssel, durch Kommas getrennt, wie 05111,12062, nicht „${roh}“.`);
  return teile;
};

/** A sheet by name, or by its position (digits, where no sheet has that name): settled against the workbook. */
const blattwahl: Parser<string> = (roh, name) => {
  if (roh.trim() === '') throw nutzungsfehler(`${name}: erwartet den Namen oder die Nummer eines Blatts, nicht einen leeren Text.`);
  return roh;
};

/** A value from a list of spellings (case-insensitive), each meaning one value. */
function schreibweisen<T>(bedeutung: Record<string, T>, erwartet: string): Parser<T> {
  return (roh, name) => {
    const w = bedeutung[roh.toLowerCase()];
    if (w === undefined) throw nutzungsfehler(`${name} erwartet ${erwartet}, nicht „${roh}“.`);
    return w;
  };
}

/**
 * One of fixed values; for flags commander checks them first (they are the option's choices), for
 * config values this does.
 */
function eineVon<const W extends readonly string[]>(werte: W): Parser<W[number]> & { werte: W } {
  const parser: Parser<W[number]> = (roh, name) => {
    if (!werte.includes(roh)) throw nutzungsfehler(`${name} erwartet ${oder(werte)}, nicht „${roh}“.`);
    return roh as W[number];
  };
  return Object.assign(parser, { werte });
}

export const oder = (werte: readonly string[]) => (werte.length === 1 ? werte[0] : `${werte.slice(0, -1).join(', ')} oder ${werte[werte.length - 1]}`);

const def = <const D extends OptionDef<any>>(d: D): D => d;
const text = (de: string, en: string): Text => ({ de, en });

const MIT_DATEN = ['lzb', 'aggregate', 'report', 'check'] as const;
/** Commands that read tables: their reading settings. */
const LESEND = [...MIT_DATEN, 'vergleich'] as const;
const BERICHTE = ['lzb', 'aggregate', 'report', 'demo'] as const;
const ALLE = BEFEHLE;
const grenze = (g: keyof typeof EINSTELLUNGS_GRENZEN) => ganzzahl(EINSTELLUNGS_GRENZEN[g].min, EINSTELLUNGS_GRENZEN[g].max);

/**
 * The table. Its order is the order of the help and the README. A key is commander's name for the
 * flag (`--lzb-window` → lzbWindow), as the parsed flags are read by it.
 */
export const OPTIONEN = {
  // The months asked for.
  monat: def({
    flag: '--monat', arg: '<monat>', wert: monat, befehle: ['lzb', 'aggregate', 'report', 'demo', 'vergleich'],
    hilfe: text('Berichtsmonat, z. B. 2017-06', 'reporting month, e.g. 2017-06'),
    standardText: text('der letzte Monat, dessen Stichtag die Daten erreichen', 'the latest month whose reference day the data reach'),
    // The demo's data and targets are those of 2017; its report is the one of the programme's June.
    je: { demo: { standard: '2017-06' } },
  }),
  von: def({ flag: '--von', arg: '<monat>', wert: monat, befehle: ['lzb', 'aggregate'], hilfe: text('erster Monat einer Reihe', 'first month of a series') }),
  bis: def({ flag: '--bis', arg: '<monat>', wert: monat, befehle: ['lzb', 'aggregate'], hilfe: text('letzter Monat einer Reihe (= Berichtsmonat)', 'last month of a series (= reporting month)') }),
  nach: def({
    flag: '--nach', arg: '<merkmal>', wert: eineVon(MERKMALE), befehle: ['lzb', 'aggregate', 'report', 'demo'],
    hilfe: text('jede Zahl nach diesem Merkmal aufgliedern (braucht --personen)', 'break every number down by this attribute (needs --personen)'),
    je: {
      report: { hilfe: text('Kennzahlen für Frauen und Männer daneben (braucht --personen)', 'indicators for women and men alongside (needs --personen)'), auswahl: ['geschlecht'] },
      demo: { hilfe: text('Kennzahlen für Frauen und Männer daneben', 'indicators for women and men alongside'), auswahl: ['geschlecht'] },
    },
  }),
  filter: def({
    flag: '--filter', arg: '<filter>', wert: eineVon(FILTER), befehle: ['aggregate'],
    hilfe: text('nur diese Personen, in Zählern und Nennern (braucht --personen)', 'only these persons, in numerators and denominators alike (needs --personen)'),
  }),
  list: def({
    flag: '--list', arg: '<datei>', wert: datei, befehle: ['lzb'],
    hilfe: text('Personenliste des Berichtsmonats als CSV schreiben (die einzige Ausgabe mit Personen-IDs)', 'write the reporting month\'s list of persons as CSV (the only output with person ids)'),
  }),
  failOnMiss: def({
    flag: '--fail-on-miss', befehle: ['report', 'demo'],
    hilfe: text('Exit-Code 1, wenn ein Ziel verfehlt ist, 65, wenn eines nicht berechenbar ist (für CI)', 'exit code 1 when a target is missed, 65 when one cannot be computed (for CI)'),
  }),
  k1e3Nenner: def({
    flag: '--k1e3-nenner', arg: '<monat>', wert: eineVon(K1E3_NENNER), standard: STANDARD_KENNZAHL_EINSTELLUNGEN.k1e3Nenner, konfig: 'k1e3_nenner', befehle: ['report', 'demo', 'vergleich'],
    hilfe: text('Nenner der Zugangsrate K1E3: Bestand des Bezugsmonats (VO) oder des Vormonats', 'denominator of the inflow rate K1E3: stock of the reference month (as the ordinance says) or of the month before'),
  }),

  // Inputs.
  config: def({
    flag: '--config', arg: '<datei>', wert: datei, befehle: LESEND,
    hilfe: text('JSON-Konfiguration ("-" = stdin): Eingaben, Jobcenter, Spaltenzuordnung, Einstellungen (Flags haben Vorrang)', 'JSON configuration ("-" = stdin): inputs, Jobcenter, column mapping, settings (flags win)'),
  }),
  zeitraeume: def({
    flag: '--zeitraeume', arg: '<datei>', wert: datei, rolle: 'zeitraeume', befehle: MIT_DATEN,
    hilfe: text('Leistungszeiträume (CSV oder .xlsx; "-" = stdin): person_id;beginn;ende;status oder person_id;monat;status', 'benefit periods (CSV or .xlsx; "-" = stdin): person_id;beginn;ende;status or person_id;monat;status'),
  }),
  personen: def({
    flag: '--personen', arg: '<datei>', wert: datei, rolle: 'personen', befehle: MIT_DATEN,
    hilfe: text('Personenmerkmale (CSV oder .xlsx): person_id;geschlecht;geburtsdatum;alleinerziehend;fluchtkontext', 'person attributes (CSV or .xlsx): person_id;geschlecht;geburtsdatum;alleinerziehend;fluchtkontext'),
  }),
  integrationen: def({
    flag: '--integrationen', arg: '<datei>', wert: datei, rolle: 'integrationen', befehle: ['aggregate', 'report', 'check'],
    hilfe: text('Integrationen und Eintritte (CSV oder .xlsx): person_id;datum;art;kontinuierlich;bedarfsdeckend', 'integrations and entries (CSV or .xlsx): person_id;datum;art;kontinuierlich;bedarfsdeckend'),
  }),
  massnahmen: def({
    flag: '--massnahmen', arg: '<datei>', wert: datei, rolle: 'massnahmen', befehle: ['aggregate', 'report', 'check'],
    hilfe: text('Maßnahmeteilnahmen (CSV oder .xlsx): person_id;beginn;ende;art', 'participations in measures (CSV or .xlsx): person_id;beginn;ende;art'),
  }),
  leistungen: def({
    flag: '--leistungen', arg: '<datei>', wert: datei, rolle: 'leistungen', befehle: ['aggregate', 'report', 'check'],
    hilfe: text('Leistungen je Monat (CSV oder .xlsx): monat;llu;luh (Euro; Zeilen eines Monats werden addiert)', 'benefits per month (CSV or .xlsx): monat;llu;luh (euros; rows of one month are added up)'),
  }),
  monatswerte: def({
    flag: '--monatswerte', arg: '<datei>', wert: datei, rolle: 'monatswerte', befehle: ['report', 'check', 'vergleich'],
    hilfe: text('fertige Monatswerte (CSV oder .xlsx): monat;gruppe;elb;integrationen;… und Spalten lokaler Ziele, oder breit: je Monat eine Spalte', 'ready-made monthly values (CSV or .xlsx): monat;gruppe;elb;integrationen;… and columns of local goals, or wide: one column per month'),
  }),
  regionalschluessel: def({
    flag: '--regionalschluessel', arg: '<schlüssel>', wert: regionalschluessel, konfig: 'regionalschluessel', befehle: ['aggregate'],
    hilfe: text('Schlüssel des Jobcenters (fünf Ziffern wie 12062) als erste Spalte jeder Zeile: so ergeben die Monatswerte mehrerer Jobcenter zusammen eine Tabelle für vergleich', 'the Jobcenter\'s key (five digits such as 12062) as the first column of every row: so the monthly values of several Jobcenters make one table for vergleich'),
  }),
  vergleichstypen: def({
    flag: '--vergleichstypen', arg: '<datei>', wert: datei, rolle: 'vergleichstypen', befehle: ['vergleich', 'report', 'check'],
    hilfe: text('Vergleichstyp je Jobcenter (CSV oder .xlsx): regionalschluessel;vergleichstyp;name;land; die Vergleichsgruppe ist der Typ des eigenen', 'comparison type per Jobcenter (CSV or .xlsx): regionalschluessel;vergleichstyp;name;land; the peer group is the own one\'s type'),
  }),
  peers: def({
    flag: '--peers', arg: '<schlüssel,…>', wert: schluesselliste, befehle: ['vergleich', 'report'],
    hilfe: text('die Vergleichsgruppe als Liste von Schlüsseln (das eigene Jobcenter gehört dazu)', 'the peer group as a list of keys (the own Jobcenter belongs to it)'),
    standardText: text('der Vergleichstyp (--vergleichstypen), sonst alle Jobcenter der Tabelle', 'the comparison type (--vergleichstypen), else every Jobcenter of the table'),
  }),
  nachbarn: def({
    flag: '--nachbarn', arg: '<k>', wert: ganzzahl(1, 1000), befehle: ['vergleich', 'report'],
    hilfe: text('die Vergleichsgruppe: die k Jobcenter, die dem eigenen in --merkmale am nächsten sind (standardisiert, euklidisch)', 'the peer group: the k Jobcenters closest to the own one in --merkmale (standardised, Euclidean)'),
  }),
  merkmale: def({
    flag: '--merkmale', arg: '<spalten>', wert: schluesselliste, standardText: text('elb,lzb/elb (ELB-Bestand und LZB-Anteil)', 'elb,lzb/elb (ELB stock and LZB share)'), befehle: ['vergleich', 'report'],
    hilfe: text('Strukturmerkmale für --nachbarn im Berichtsmonat: Spalten der Monatswerte oder Quotienten a/b', 'structure features for --nachbarn in the reporting month: Monatswerte columns or ratios a/b'),
  }),
  ziele: def({
    flag: '--ziele', arg: '<datei>', wert: datei, rolle: 'ziele', befehle: ['report', 'check'],
    hilfe: text('Zielwerte eines Jahres (JSON; "-" = stdin)', 'one year\'s targets (JSON; "-" = stdin)'),
  }),
  jobcenter: def({ flag: '--jobcenter', arg: '<name>', konfig: 'jobcenter', befehle: ['lzb', 'aggregate', 'report', 'vergleich'], hilfe: text('Name des Jobcenters für die Berichte; bei Monatswerten mehrerer Jobcenter (Spalte Regionalschlüssel, JC-Nr, region oder jobcenter) der Schlüssel des gewählten, z. B. 05111', 'name of the Jobcenter for the reports; for monthly values of several Jobcenters (column Regionalschlüssel, JC-Nr, region or jobcenter) the key of the one chosen, e.g. 05111') }),

  // The LZB rule and the data's coverage.
  datenAb: def({
    flag: '--daten-ab', arg: '<datum>', wert: tag(false), konfig: 'daten_ab', befehle: BERICHTE,
    hilfe: text('ab wann die Daten vollständig sind', 'from when the data are complete'),
    standardText: text('früheste Angabe im Extrakt', 'the earliest date in the extract'),
  }),
  datenstand: def({
    flag: '--datenstand', arg: '<datum>', wert: tag(true), konfig: 'datenstand', befehle: BERICHTE,
    hilfe: text('bis wann die Daten reichen', 'until when the data reach'),
    standardText: text('der späteste Beginn in den Leistungszeiträumen', 'the latest start in the benefit periods'),
  }),
  stichtagTag: def({
    flag: '--stichtag-tag', arg: '<tag>', wert: grenze('stichtagTag'), standard: String(STANDARD_EINSTELLUNGEN.stichtagTag), konfig: 'stichtag_tag', befehle: BERICHTE,
    hilfe: text('Tag des Monats, der Stichtag ist', 'day of the month that is the reference day'),
  }),
  lzbMin: def({
    flag: '--lzb-min', arg: '<m>', wert: grenze('lzbMin'), standard: String(STANDARD_EINSTELLUNGEN.lzbMin), konfig: 'lzb_min', befehle: BERICHTE,
    hilfe: text('LZB ab m Monaten Bezug …', 'long-term recipient from m months of receipt …'),
  }),
  lzbWindow: def({
    flag: '--lzb-window', arg: '<w>', wert: grenze('lzbFenster'), standard: String(STANDARD_EINSTELLUNGEN.lzbFenster), konfig: 'lzb_window', befehle: BERICHTE,
    hilfe: text('… in den letzten w Monaten', '… in the last w months'),
  }),

  // How inputs are read.
  delimiter: def({
    flag: '--delimiter', arg: '<zeichen>', konfig: 'delimiter', befehle: LESEND,
    wert: schreibweisen<Trennzeichen>({ ';': ';', semikolon: ';', ',': ',', komma: ',', tab: '\t', '\t': '\t', '\\t': '\t' }, '";", "," oder "tab"'),
    hilfe: text('Trennzeichen der CSV-Eingaben: ";", "," oder "tab"', 'delimiter of the CSV inputs: ";", "," or "tab"'),
    standardText: text('aus der Kopfzeile erkannt, sonst ";"', 'detected from the header, else ";"'),
  }),
  encoding: def({
    flag: '--encoding', arg: '<kodierung>', konfig: 'encoding', befehle: LESEND,
    wert: schreibweisen<Kodierung>({ utf8: 'utf8', 'utf-8': 'utf8', cp1252: 'cp1252', 'windows-1252': 'cp1252', win1252: 'cp1252', utf16le: 'utf16le', 'utf-16le': 'utf16le', 'utf-16': 'utf16le' }, 'utf8, cp1252 oder utf16le'),
    hilfe: text('Kodierung der CSV-Eingaben: utf8, cp1252, utf16le', 'encoding of the CSV inputs: utf8, cp1252, utf16le'),
    standardText: text('BOM → UTF-8, wenn gültig → Windows-1252', 'BOM → UTF-8, if valid → Windows-1252'),
  }),
  decimal: def({
    flag: '--decimal', arg: '<art>', konfig: 'decimal', befehle: ['aggregate', 'report', 'check', 'vergleich'],
    wert: schreibweisen<Dezimal>({ comma: 'komma', komma: 'komma', point: 'punkt', punkt: 'punkt' }, 'comma oder point'),
    hilfe: text('Dezimalzeichen in Zahlen: comma oder point', 'decimal mark in numbers: comma or point'),
    standardText: text('comma, bei Komma-getrennten Dateien point', 'comma, point in comma-separated files'),
  }),
  kopfzeile: def({
    flag: '--kopfzeile', arg: '<n>', wert: ganzzahl(1, 1000), konfig: 'kopfzeile', befehle: LESEND,
    hilfe: text('Zeile der Spaltenüberschriften in den Eingaben (CSV und .xlsx); Zeilen darüber (Titel einer BA-Tabelle) werden übersprungen', 'line of the column headers in the inputs (CSV and .xlsx); lines above it (a BA table\'s titles) are skipped'),
    standardText: text('die erste Zeile, die Spalten der Rolle nennt, sonst Zeile 1', 'the first line naming the role\'s columns, else line 1'),
  }),
  layout: def({
    flag: '--layout', arg: '<form>', wert: eineVon(FORMEN), standard: 'auto', konfig: 'layout', befehle: ['report', 'check', 'vergleich'],
    hilfe: text('Form der Monatswerte: lang (eine Zeile je Monat), breit (eine Spalte je Monat, eine Zeile je Wert) oder auto (an der Kopfzeile erkannt)', 'layout of the monthly values: lang (a row per month), breit (a column per month, a row per value) or auto (recognised by the header)'),
  }),
  blatt: def({
    flag: '--blatt', arg: '<name|nr>', wert: blattwahl, befehle: LESEND,
    hilfe: text('Blatt der Excel-Eingaben (.xlsx), Name oder Nummer in der Reihenfolge der Reiter; je Rolle: "blaetter" in der Konfiguration', 'sheet of the Excel inputs (.xlsx), name or number in tab order; per role: "blaetter" in the config'),
    standardText: text('das erste Blatt', 'the first sheet'),
  }),
  maxErrors: def({
    flag: '--max-errors', arg: '<n>', wert: ganzzahl(1, 1_000_000), standard: '100', befehle: LESEND,
    hilfe: text('höchstens so viele Probleme je Lauf melden', 'report at most this many problems per run'),
  }),
  threads: def({
    flag: '--threads', arg: '<n>', wert: ganzzahl(1, 2), standard: '2', befehle: MIT_DATEN,
    hilfe: text('große Eingaben mit so vielen Threads lesen und zählen (1 oder 2)', 'read and count large inputs with this many threads (1 or 2)'),
  }),

  // Output.
  format: def({
    flag: '--format', arg: '<format>', wert: eineVon(ALLE_FORMATE), befehle: ALLE,
    hilfe: text('Ausgabeformat', 'output format'),
    standardText: text('table am Terminal, sonst json', 'table at a terminal, else json'),
    je: { check: { auswahl: ['table', 'json', 'xlsx'] } },
  }),
  json: def({ flag: '--json', befehle: ALLE, hilfe: text('gleich --format json', 'same as --format json') }),
  out: def({
    flag: '--out', arg: '<datei>', wert: datei, befehle: ALLE,
    hilfe: text('Ergebnis atomar in diese Datei schreiben statt auf stdout; Platzhalter {jobcenter}, {monat}, {format}', 'write the result atomically to this file instead of stdout; placeholders {jobcenter}, {monat}, {format}'),
    je: { check: { hilfe: text('Ergebnis atomar in diese Datei schreiben statt auf stdout', 'write the result atomically to this file instead of stdout') } },
  }),
  outDir: def({
    flag: '--out-dir', arg: '<ordner>', wert: datei, befehle: [...BERICHTE, 'vergleich'],
    hilfe: text('alle Formate (json, csv, md, html, xlsx) und zuletzt ein Manifest mit Prüfsummen in diesen Ordner schreiben (wird angelegt); Platzhalter {jobcenter}, {monat}', 'write every format (json, csv, md, html, xlsx) and last a manifest with checksums into this folder (made if missing); placeholders {jobcenter}, {monat}'),
  }),
  lang: def({ flag: '--lang', arg: '<sprache>', wert: eineVon(SPRACHEN), konfig: 'lang', befehle: [...BERICHTE, 'vergleich'], hilfe: text('Sprache der Beschriftungen (und dieser Hilfe)', 'language of the labels (and of this help)') }),
  suppressBelow: def({
    flag: '--suppress-below', arg: '<n>', wert: ganzzahl(1, 1_000_000), konfig: 'suppress_below', befehle: [...BERICHTE, 'vergleich'],
    hilfe: text('Zahlen unter n (und was auf ihnen beruht) als * ausgeben, wie die BA in veröffentlichten Tabellen', 'print numbers below n (and what rests on them) as *, as the BA does in published tables'),
  }),
  stamp: def({
    flag: '--stamp', befehle: [...BERICHTE, 'vergleich'],
    hilfe: text('Erstellungszeit in die Ausgabe schreiben (sonst sind gleiche Eingaben byte-gleiche Ausgaben)', 'write the time of creation into the output (otherwise equal inputs give byte-equal outputs)'),
  }),
  color: def({ flag: '--color', befehle: ALLE, hilfe: text('Farbe erzwingen', 'force colour'), negation: text('keine Farbe (auch NO_COLOR=1)', 'no colour (also NO_COLOR=1)') }),
  quiet: def({ flag: '--quiet', kurz: '-q', befehle: [...BERICHTE, 'vergleich'], hilfe: text('keine Hinweise auf stderr', 'no notes on stderr') }),
  verbose: def({
    flag: '--verbose', befehle: ALLE,
    hilfe: text('Details zu Eingaben, Zeiten und Speicher auf stderr; bei internen Fehlern den Stack', 'details on inputs, times and memory on stderr; the stack on internal errors'),
  }),
} as const satisfies Record<string, OptionDef<unknown>>;

export type OptionName = keyof typeof OPTIONEN;
type WertVon<D> = D extends { wert: Parser<infer T> } ? T : D extends { arg: string } ? string : boolean;

/** The parsed values of a call: flag, else config, else default; absent where none applies. */
export type Werte = { -readonly [K in OptionName]?: WertVon<(typeof OPTIONEN)[K]> };

/** The config keys under `einstellungen`, as the table defines them. */
export const EINSTELLUNGEN: readonly string[] = Object.values(OPTIONEN as Record<string, OptionDef>).flatMap((d) => (d.konfig && d.konfig !== 'jobcenter' ? [d.konfig] : []));

export function optionenVon(befehl: Befehl): [OptionName, OptionDef][] {
  return (Object.entries(OPTIONEN) as [OptionName, OptionDef][]).filter(([, d]) => d.befehle.includes(befehl));
}

/** The default as the help and the README say it: in words, or the value. */
export const standardVon = (d: OptionDef, sprache: Sprache, befehl?: Befehl): string | undefined => (befehl && d.je?.[befehl]?.standard) || (d.standardText?.[sprache] ?? d.standard);

export function hilfeVon(d: OptionDef, befehl: Befehl, sprache: Sprache): string {
  const h = (d.je?.[befehl]?.hilfe ?? d.hilfe)[sprache];
  const standard = standardVon(d, sprache, befehl);
  return standard === undefined ? h : `${h} (${sprache === 'de' ? 'Standard' : 'default'}: ${standard})`;
}

/** The values an option allows, where they are fixed: its parser's, or fewer in one command. */
export const auswahlVon = (d: OptionDef, befehl?: Befehl): readonly string[] | undefined =>
  (befehl && d.je?.[befehl]?.auswahl) || (d.wert as Partial<{ werte: readonly string[] }> | undefined)?.werte;
