// Options shared by the commands, and how flags, the config file and defaults combine: a flag
// wins over the config, the config over the default. Invalid values are usage errors (exit 2).

import { Command, Option } from 'commander';
import { formatISO } from 'date-fns/formatISO';
import { ersterTag, letzterTag } from '../core/kalender.js';
import { nutzungsfehler } from '../fehler.js';
import type { Kodierung } from '../core/modell.js';
import { leseKonfiguration, type EingabeRolle, type Einstellung, type Konfiguration } from '../input/konfiguration.js';
import { STDIN } from '../input/quelle.js';
import type { LeseOptionen } from '../input/tabelle.js';
import type { Trennzeichen } from '../core/modell.js';
import { parseDatum, parseMonat } from '../input/zellen.js';
import type { Darstellung } from '../report/darstellung.js';
import { ersetzePlatzhalter } from './ausgabe.js';
import { farbeAn } from './farbe.js';
import type { Io } from './io.js';

export type Format = 'table' | 'json' | 'csv' | 'md' | 'html';
export const ALLE_FORMATE: readonly Format[] = ['table', 'json', 'csv', 'md', 'html'];

export interface GemeinsameOptionen {
  config?: string;
  jobcenter?: string;
  delimiter?: string;
  encoding?: string;
  maxErrors?: string;
  threads?: string;
  format?: string;
  json?: boolean;
  out?: string;
  outDir?: string;
  lang?: string;
  suppressBelow?: string;
  stamp?: boolean;
  color?: boolean;
  quiet?: boolean;
  verbose?: boolean;
}

/**
 * Options for reading inputs. Every option a command takes must change what it does, so `check`
 * (which writes no report) goes without --jobcenter.
 */
export function mitEingabeOptionen(cmd: Command, mitJobcenter = true): Command {
  cmd.option('--config <datei>', 'JSON-Konfiguration ("-" = stdin): Eingaben, Jobcenter, Spaltenzuordnung, Einstellungen (Flags haben Vorrang)');
  if (mitJobcenter) cmd.option('--jobcenter <name>', 'Name des Jobcenters für die Berichte');
  return cmd
    .option('--delimiter <zeichen>', 'Trennzeichen der CSV-Eingaben: ";", "," oder "tab" (Standard: aus der Kopfzeile erkannt, sonst ";")')
    .option('--encoding <kodierung>', 'Kodierung der CSV-Eingaben: utf8, cp1252, utf16le (Standard: BOM → UTF-8, wenn gültig → Windows-1252)')
    .option('--max-errors <n>', 'höchstens so viele Probleme je Lauf melden', '100')
    .option('--threads <n>', 'große Leistungszeiträume-Dateien mit so vielen Threads lesen (1 oder 2)', '2');
}

/** Output options; `bericht`: the options of a report (language, suppression, stamp, notes on stderr). */
export function mitAusgabeOptionen(cmd: Command, formate: readonly Format[] = ALLE_FORMATE, bericht = true): Command {
  cmd
    .addOption(new Option('--format <format>', 'Ausgabeformat (Standard: table am Terminal, sonst json)').choices(formate))
    .option('--json', 'gleich --format json')
    .option('--out <datei>', 'Ergebnis atomar in diese Datei schreiben statt auf stdout; Platzhalter {jobcenter}, {monat}, {format}');
  if (formate.length > 2) cmd.option('--out-dir <ordner>', 'alle Formate (json, csv, md, html) und zuletzt ein Manifest mit Prüfsummen in diesen Ordner schreiben (wird angelegt); Platzhalter {jobcenter}, {monat}');
  if (bericht) {
    cmd
      .addOption(new Option('--lang <sprache>', 'Sprache der Beschriftungen').choices(['de', 'en']))
      .option('--suppress-below <n>', 'Zahlen unter n (und was auf ihnen beruht) als * ausgeben, wie die BA in veröffentlichten Tabellen')
      .option('--stamp', 'Erstellungszeit in die Ausgabe schreiben (sonst sind gleiche Eingaben byte-gleiche Ausgaben)');
  }
  cmd.option('--color', 'Farbe erzwingen').option('--no-color', 'keine Farbe (auch NO_COLOR=1)');
  if (bericht) cmd.option('-q, --quiet', 'keine Hinweise auf stderr');
  return cmd
    .option('--verbose', 'Details zu Eingaben, Zeiten und Speicher auf stderr; bei internen Fehlern den Stack');
}

/**
 * Language, disclosure threshold and stamp of a report. The clock is read here, in the shell, and
 * only with --stamp; the stamp is the machine's local time with its UTC offset, as an analyst reads it.
 */
export function darstellung(o: GemeinsameOptionen, jetzt: () => Date = () => new Date()): Darstellung {
  const unter = ganzzahl('--suppress-below', o.suppressBelow, 1, 1_000_000);
  return { sprache: o.lang === 'en' ? 'en' : 'de', unter: unter ?? null, stempel: o.stamp ? formatISO(jetzt()) : null };
}

/** Whether output (and so error output) is JSON, decided from the raw arguments before parsing. */
export function jsonAusArgumenten(argv: readonly string[], io: Io): boolean {
  const i = argv.findIndex((a) => a === '--format' || a.startsWith('--format='));
  if (argv.includes('--json')) return true;
  if (i >= 0) return (argv[i].includes('=') ? argv[i].split('=')[1] : argv[i + 1]) === 'json';
  if (argv.includes('--out')) return false;
  return !io.stdout.isTTY;
}

const ENDUNGEN: Record<string, Format> = { txt: 'table', json: 'json', csv: 'csv', md: 'md', html: 'html', htm: 'html' };

export function ausgabeFormat(o: GemeinsameOptionen, io: Io, erlaubt: readonly Format[] = ALLE_FORMATE): Format {
  if (o.json && o.format && o.format !== 'json') throw nutzungsfehler(`--json widerspricht --format ${o.format}.`);
  if (o.out && o.outDir) throw nutzungsfehler('--out oder --out-dir, nicht beides.');
  // A misspelt placeholder is a usage error before any input is read, not after.
  const probe = { jobcenter: null, monat: '2000-01' };
  if (o.out) ersetzePlatzhalter(o.out, { ...probe, format: 'json' });
  if (o.outDir) ersetzePlatzhalter(o.outDir, probe, '--out-dir');
  if (o.json) return 'json';
  if (o.format) return o.format as Format;
  if (o.out) {
    const endung = ENDUNGEN[/\.(\w+)$/.exec(o.out)?.[1].toLowerCase() ?? ''];
    if (endung && !erlaubt.includes(endung)) throw nutzungsfehler(`--out ${o.out}: dieser Befehl schreibt nur ${erlaubt.join(' oder ')}; --format nennt das Format, die Endung der Datei ist dann frei.`);
    return endung ?? 'json';
  }
  return io.stdout.isTTY ? 'table' : 'json';
}

export function mitFarbe(o: GemeinsameOptionen, io: Io, format: Format): boolean {
  return format === 'table' && !o.out && farbeAn(o.color, io.env, Boolean(io.stdout.isTTY));
}

/** A command's options: the shared ones and a flag per input role it has. */
export type EingabeFlags = GemeinsameOptionen & Partial<Record<EingabeRolle, string>>;

/**
 * The config of `--config`, if any, once it is clear that at most one of the inputs a command reads
 * (`rollen`) comes from standard input: with flags alone before anything is read, the config itself
 * included; with the config's `eingaben` right after it.
 */
export async function konfiguration(o: EingabeFlags, io: Io, rollen: readonly EingabeRolle[]): Promise<Konfiguration | null> {
  hoechstensEinmalStdin(o, null, rollen);
  if (!o.config) return null;
  const k = await leseKonfiguration(o.config, io.stdin);
  hoechstensEinmalStdin(o, k, rollen);
  return k;
}

/**
 * Standard input can be read only once: a second input named `-` would read nothing and fail later
 * as an empty file. A usage error naming every input that asks for it.
 */
export function hoechstensEinmalStdin(o: EingabeFlags, k: Konfiguration | null, rollen: readonly EingabeRolle[]): void {
  const namen: string[] = [];
  if (o.config === STDIN) namen.push('--config');
  for (const rolle of rollen) {
    if (eingabeDatei(o[rolle], k, rolle) !== STDIN) continue;
    namen.push(o[rolle] === undefined ? `„eingaben.${rolle}“ der Konfiguration` : `--${rolle}`);
  }
  if (namen.length < 2) return;
  const aufzaehlung = `${namen.slice(0, -1).join(', ')} und ${namen[namen.length - 1]}`;
  throw nutzungsfehler(
    `Nur eine Eingabe kann von der Standardeingabe kommen, aber ${aufzaehlung} nennen ${namen.length === 2 ? 'beide' : 'alle'} „-“.`,
    'Die übrigen als Dateien angeben: die Standardeingabe lässt sich nur einmal lesen.',
  );
}

/** A flag's value, else the config's, for one setting. */
export function einstellung(flag: string | undefined, k: Konfiguration | null, name: Einstellung): string | undefined {
  if (flag !== undefined) return flag;
  const v = k?.einstellungen[name];
  return v === undefined ? undefined : String(v);
}

export function eingabeDatei(flag: string | undefined, k: Konfiguration | null, rolle: EingabeRolle): string | undefined {
  return flag ?? k?.eingaben[rolle];
}

const TRENNER: Record<string, Trennzeichen> = { ';': ';', semikolon: ';', ',': ',', komma: ',', tab: '\t', '\t': '\t', '\\t': '\t' };
const KODIERUNG: Record<string, Kodierung> = {
  utf8: 'utf8', 'utf-8': 'utf8',
  cp1252: 'cp1252', 'windows-1252': 'cp1252', win1252: 'cp1252',
  utf16le: 'utf16le', 'utf-16le': 'utf16le', 'utf-16': 'utf16le',
};

export function ganzzahl(name: string, wert: string | undefined, min: number, max: number): number | undefined {
  if (wert === undefined) return undefined;
  const n = Number(wert);
  if (!/^\s*\d+\s*$/.test(wert) || n < min || n > max) throw nutzungsfehler(`${name} erwartet eine ganze Zahl von ${min} bis ${max}, nicht „${wert}“.`);
  return n;
}

export function leseOptionen(o: GemeinsameOptionen, k: Konfiguration | null, rolle: EingabeRolle, maxProbleme: number): LeseOptionen {
  const t = einstellung(o.delimiter, k, 'delimiter');
  const e = einstellung(o.encoding, k, 'encoding');
  const trennzeichen = t === undefined ? undefined : TRENNER[t.toLowerCase()];
  if (t !== undefined && !trennzeichen) throw nutzungsfehler(`--delimiter erwartet ";", "," oder "tab", nicht „${t}“.`);
  const kodierung = e === undefined ? undefined : KODIERUNG[e.toLowerCase()];
  if (e !== undefined && !kodierung) throw nutzungsfehler(`--encoding erwartet utf8, cp1252 oder utf16le, nicht „${e}“.`);
  return { trennzeichen, kodierung, spaltenzuordnung: k?.spalten[rolle], konfiguration: k?.datei, maxProbleme };
}

export function maxFehler(o: GemeinsameOptionen): number {
  return ganzzahl('--max-errors', o.maxErrors ?? '100', 1, 1_000_000)!;
}

/** `--monat 2017-03` and friends: every month format of docs/vertrag.md §3. */
export function monatOption(name: string, wert: string | undefined): number | undefined {
  if (wert === undefined) return undefined;
  const m = parseMonat(wert);
  if (!m.ok || m.wert === null) throw nutzungsfehler(`${name} erwartet ${m.ok ? 'einen Monat' : m.erwartet}, nicht „${wert}“.`);
  return m.wert;
}

/**
 * A day given as a date or a month, for `--daten-ab` / `--datenstand`: a month means its first
 * day (data begin) or its last day (Datenstand).
 */
export function tagOption(name: string, wert: string | undefined, monatsEnde: boolean): number | undefined {
  if (wert === undefined) return undefined;
  const d = parseDatum(wert);
  if (d.ok && d.wert !== null) return d.wert;
  const m = parseMonat(wert);
  if (m.ok && m.wert !== null) return monatsEnde ? letzterTag(m.wert) : ersterTag(m.wert);
  throw nutzungsfehler(`${name} erwartet ein Datum (2017-03-15, 15.03.2017) oder einen Monat (2017-03), nicht „${wert}“.`);
}

export function threads(o: GemeinsameOptionen): number {
  return ganzzahl('--threads', o.threads ?? '2', 1, 2)!;
}
