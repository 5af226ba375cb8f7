// Writing results: to stdout, or to files atomically (temporary file in the same folder, fsync,
// rename), so a reader on a network share never sees half a report and an error leaves nothing
// behind. `--out-dir` writes every format of a report and a manifest with checksums last.

import { createHash, randomBytes } from 'node:crypto';
import { existsSync, statSync } from 'node:fs';
import { mkdir, open, rename, unlink } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { setTimeout as warte } from 'node:timers/promises';
import { KennzahlenFehler, nutzungsfehler } from '../fehler.js';
import type { ChalkInstance } from 'chalk';
import { dateiname } from '../report/dateiname.js';
import type { Dokument } from '../report/dokument.js';
import { html } from '../report/html.js';
import { markdown } from '../report/markdown.js';
import { terminal } from '../report/terminal.js';
import { formatISO } from 'date-fns/formatISO';
import type { Arbeitsmappe } from '../report/arbeitsmappe.js';
import type { Darstellung } from '../report/darstellung.js';
import { xlsxBytes } from '../report/xlsx.js';
import { farbeAn } from './farbe.js';
import type { Io } from './io.js';
import { oder, type Format, type Werte } from './optionen.js';

/** A target that another process holds open (Windows, SMB shares) refuses the rename for a moment. */
const GESPERRT = new Set(['EPERM', 'EBUSY', 'EACCES']);
const WARTEZEITEN_MS = [50, 100, 200, 400, 800];

function ausgabeFehler(ziel: string, e: unknown): KennzahlenFehler {
  const code = (e as NodeJS.ErrnoException).code;
  // ENOENT also comes from a folder that exists but takes no new files (/proc, some mounts).
  const ordnerDa = code === 'ENOENT' && existsSync(dirname(resolve(ziel)));
  const grund =
    code === 'EACCES' || code === 'EPERM' || code === 'EROFS' ? 'keine Schreibberechtigung' :
    ordnerDa ? `der Ordner ${dirname(ziel)} nimmt keine neuen Dateien an` :
    code === 'ENOENT' ? 'Ordner gibt es nicht' :
    code === 'ENOTDIR' || code === 'EEXIST' ? 'ein Teil des Pfads ist eine Datei, kein Ordner' :
    code === 'EISDIR' ? 'ist ein Ordner' :
    code === 'ENOSPC' ? 'kein Platz mehr auf dem Datenträger' :
    code === 'EBUSY' ? 'die Datei ist von einem anderen Programm gesperrt' :
    `nicht schreibbar (${code ?? String(e)})`;
  return new KennzahlenFehler('ausgabe', `${ziel}: ${grund}.`);
}

export async function schreibeAtomar(ziel: string, inhalt: string | Buffer): Promise<void> {
  const temp = join(dirname(ziel), `.${basename(ziel)}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`);
  try {
    const datei = await open(temp, 'wx');
    try {
      await datei.writeFile(inhalt);
      await datei.sync();
    } finally {
      await datei.close();
    }
    for (let versuch = 0; ; versuch++) {
      try {
        await rename(temp, ziel);
        return;
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code ?? '';
        if (!GESPERRT.has(code) || versuch >= WARTEZEITEN_MS.length) throw e;
        await warte(WARTEZEITEN_MS[versuch]);
      }
    }
  } catch (e) {
    await unlink(temp).catch(() => undefined);
    throw ausgabeFehler(ziel, e);
  }
}

/**
 * Makes a folder and the folders above it, one level at a time. Node 20's `mkdir(…, { recursive })`
 * never returns where a folder exists but refuses new entries with ENOENT (/proc): the run would hang.
 */
async function legeOrdnerAn(ordner: string): Promise<void> {
  const ziel = resolve(ordner);
  const fehlend: string[] = [];
  for (let o = ziel; !existsSync(o); o = dirname(o)) {
    fehlend.unshift(o);
    if (dirname(o) === o) break;
  }
  for (const o of fehlend) {
    await mkdir(o).catch((e) => {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw ausgabeFehler(o, e);
    });
  }
  if (!statSync(ziel).isDirectory()) throw ausgabeFehler(ordner, Object.assign(new Error(), { code: 'ENOTDIR' }));
}


export interface Platzhalter {
  jobcenter: string | null;
  monat: string;
}

/** `--out berichte/{jobcenter}-{monat}.{format}`, `--out-dir ablage/{jobcenter}/{monat}` (no {format}: a set holds every format). */
export function ersetzePlatzhalter(muster: string, p: Platzhalter & { format?: string }, option = '--out'): string {
  return muster.replace(/\{(\w+)\}/g, (ganz, name: string) => {
    if (name === 'jobcenter') return dateiname(p.jobcenter ?? 'jobcenter');
    if (name === 'monat') return p.monat;
    if (name === 'format' && p.format !== undefined) return p.format;
    throw nutzungsfehler(`${option}: unbekannter Platzhalter ${ganz}; erlaubt sind {jobcenter}, {monat}${p.format === undefined ? '' : ', {format}'}.`);
  });
}

export const ENDUNG: Record<string, string> = { table: 'txt', json: 'json', csv: 'csv', md: 'md', html: 'html', xlsx: 'xlsx' };

/** A rendering of a report: text, or the bytes of a workbook, which take their time to pack. */
export type Inhalt = string | Buffer;
export type Erzeuger = () => Inhalt | Promise<Inhalt>;

const bytes = (inhalt: Inhalt): Buffer => (typeof inhalt === 'string' ? Buffer.from(inhalt, 'utf8') : inhalt);

export interface Ausgabeziel {
  out?: string;
  outDir?: string;
}

/** Outputs never replace an input: a slip of `--out` must not destroy the month's extract. */
export function pruefeNichtEingabe(ziel: string, eingaben: readonly { datei: string }[]): void {
  const z = resolve(ziel);
  const treffer = eingaben.find((e) => e.datei !== '-' && resolve(e.datei) === z);
  if (treffer) throw nutzungsfehler(`${ziel} ist die Eingabe ${treffer.datei}; eine Ausgabe darf keine Eingabe überschreiben.`);
}

/**
 * The report goes to stdout, to `--out FILE`, or as a set of every format into `--out-dir`. In a
 * set, the manifest (names, sizes, SHA-256) is written last: a reader that sees it sees a whole set.
 */
export async function gibBerichtAus(
  io: Io,
  ziel: Ausgabeziel,
  format: string,
  formate: Record<string, Erzeuger>,
  name: string,
  platzhalter: Platzhalter,
  eingaben: readonly { datei: string }[] = [],
): Promise<string[]> {
  if (ziel.outDir) {
    // A month's folder on the share (`--out-dir ablage/{monat}`) is made when it is not there yet.
    const ordner = ersetzePlatzhalter(ziel.outDir, platzhalter, '--out-dir');
    await legeOrdnerAn(ordner);
    const dateien: { datei: string; format: string; bytes: number; sha256: string }[] = [];
    for (const [f, erzeuge] of Object.entries(formate)) {
      if (f === 'table') continue;
      const datei = `${ersetzePlatzhalter(name, { ...platzhalter, format: f })}.${ENDUNG[f]}`;
      const inhalt = bytes(await erzeuge());
      pruefeNichtEingabe(join(ordner, datei), eingaben);
      await schreibeAtomar(join(ordner, datei), inhalt);
      dateien.push({ datei, format: f, bytes: inhalt.length, sha256: createHash('sha256').update(inhalt).digest('hex') });
    }
    const manifest = `${ersetzePlatzhalter(name, { ...platzhalter, format: 'manifest' })}.manifest.json`;
    await schreibeAtomar(join(ordner, manifest), JSON.stringify({ schema: 'kennzahlen-manifest/1', monat: platzhalter.monat, jobcenter: platzhalter.jobcenter, dateien }, null, 2) + '\n');
    return [...dateien.map((d) => join(ordner, d.datei)), join(ordner, manifest)];
  }
  const inhalt = await formate[format]();
  if (ziel.out) {
    const datei = ersetzePlatzhalter(ziel.out, { ...platzhalter, format: ENDUNG[format] ?? format });
    pruefeNichtEingabe(datei, eingaben);
    await schreibeAtomar(datei, inhalt);
    return [datei];
  }
  io.stdout.write(inhalt);
  return [];
}

/** Plain stdout or one file, for outputs that are not reports (e.g. `check`). */
export async function gibAus(io: Io, inhalt: Inhalt, out: string | undefined, eingaben: readonly { datei: string }[] = []): Promise<void> {
  if (out) {
    pruefeNichtEingabe(out, eingaben);
    await schreibeAtomar(out, inhalt);
  } else io.stdout.write(inhalt);
}

/** The six renderings of a report: table, Markdown and HTML from one document, JSON, CSV and the workbook from the data. */
export function berichtsformate(dokument: (mitGrafiken: boolean) => Dokument, json: () => string, csv: () => string, mappe: () => Arbeitsmappe, farbe: ChalkInstance): Record<Format, Erzeuger> {
  return {
    table: () => terminal(dokument(false), farbe),
    json,
    csv,
    md: () => markdown(dokument(false)),
    html: () => html(dokument(true)),
    xlsx: () => xlsxBytes(mappe()),
  };
}

const ENDUNGEN: Record<string, Format> = { txt: 'table', json: 'json', csv: 'csv', md: 'md', html: 'html', htm: 'html', xlsx: 'xlsx' };

/** The format of a call: --json/--format, else the extension of --out, else table at a terminal and JSON elsewhere. */
export function ausgabeFormat(w: Werte, io: Io, erlaubt: readonly Format[]): Format {
  if (w.json && w.format && w.format !== 'json') throw nutzungsfehler(`--json widerspricht --format ${w.format}.`);
  if (w.out && w.outDir) throw nutzungsfehler('--out oder --out-dir, nicht beides.');
  // A misspelt placeholder is a usage error before any input is read, not after.
  const probe = { jobcenter: null, monat: '2000-01' };
  if (w.out) ersetzePlatzhalter(w.out, { ...probe, format: 'json' });
  if (w.outDir) ersetzePlatzhalter(w.outDir, probe, '--out-dir');
  if (w.json) return 'json';
  const format = w.format ?? (w.out ? formatVonEndung(w.out, erlaubt) : io.stdout.isTTY ? 'table' : 'json');
  // A workbook's bytes on a terminal are noise that can leave it in a strange state; into a pipe they may go.
  if (format === 'xlsx' && !w.out && !w.outDir && io.stdout.isTTY) throw nutzungsfehler('--format xlsx schreibt eine Arbeitsmappe, nichts für das Terminal: --out DATEI.xlsx nennt die Datei (oder stdout in eine Pipe umleiten).');
  return format;
}

function formatVonEndung(out: string, erlaubt: readonly Format[]): Format {
  const endung = ENDUNGEN[/\.(\w+)$/.exec(out)?.[1].toLowerCase() ?? ''];
  if (endung && !erlaubt.includes(endung)) throw nutzungsfehler(`--out ${out}: dieser Befehl schreibt nur ${oder(erlaubt)}; --format nennt das Format, die Endung der Datei ist dann frei.`);
  return endung ?? 'json';
}

/** Colour only for a table on a terminal (or as forced). */
export function mitFarbe(w: Werte, io: Io, format: Format): boolean {
  return format === 'table' && !w.out && farbeAn(w.color, io.env, Boolean(io.stdout.isTTY));
}

/**
 * Language, disclosure threshold and stamp of a report. The clock is read here, in the shell, and
 * only with --stamp; the stamp is the machine's local time with its UTC offset, as an analyst reads it.
 */
export function darstellung(w: Werte, jetzt: () => Date = () => new Date()): Darstellung {
  return { sprache: w.lang ?? 'de', unter: w.suppressBelow ?? null, stempel: w.stamp ? formatISO(jetzt()) : null };
}
