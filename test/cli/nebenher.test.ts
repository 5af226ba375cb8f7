// With two threads, a worker reads personen and massnahmen while the main thread reads zeitraeume
// (Nebenleser), and a worker counts half of the persons (aggregiereSichtenMitThreads). Whatever
// the files hold, a run must say exactly what one thread says: the same numbers, notes, problems,
// and the same error first. Run in-process with the sizes from which the workers work lowered to
// nothing, so that small files take their way.

import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Readable } from 'node:stream';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { Merkmale } from '../../src/core/merkmale.js';
import { PersonRegister, Zeitlinien } from '../../src/core/zeitlinien.js';
import { lesePersonen } from '../../src/input/personen.js';
import { oeffneQuelle } from '../../src/input/quelle.js';
import { oeffneTabelle } from '../../src/input/tabelle.js';
import { leseZeitraeume } from '../../src/input/zeitraeume.js';
import { arbeiterSkript } from '../../src/arbeiter.js';
import { TEILRECHNUNG } from '../../src/app/teilrechnung.js';
import { NEBENHER, Nebenleser } from '../../src/input/teilleser-start.js';
import { generiere } from '../../tools/generate.js';
import { arbeitsordner, imProzess, pruefeDist, type ProzessLauf } from './hilfen.js';

const arbeit = arbeitsordner('nebenher');
let ordner = '';
const datei = (name: string) => join(ordner, name);
const zeilen = (name: string) => readFileSync(datei(name), 'utf8').trimEnd().split('\n');

beforeAll(async () => {
  // The workers run the built code (dist/), the test the sources: both must be the same, and built.
  pruefeDist();
  expect(arbeiterSkript('app', 'teilrechner.js')).not.toBeNull();
  ordner = arbeit.ordner;
  await generiere({ personen: 250, seed: 17, von: '2015-01', bis: '2017-12', form: 'tage', out: ordner });
});

/** The command with one thread and with two; returns both runs, how many files the worker read, and which it would take (personen, massnahmen). */
async function beide(args: string[], stdin: Buffer | null = null): Promise<{ eins: ProzessLauf; zwei: ProzessLauf; imWorker: number; genommen: boolean[] }> {
  const [ab, rechnungAb] = [NEBENHER.ab, TEILRECHNUNG.ab];
  NEBENHER.ab = TEILRECHNUNG.ab = 0;
  const lies = vi.spyOn(Nebenleser.prototype, 'lies');
  const nimmt = vi.spyOn(Nebenleser.prototype, 'nimmt');
  try {
    // Side by side: one thread's run does not ask the Nebenleser.
    const [zwei, eins] = await Promise.all([imProzess([...args, '--threads', '2'], stdin), imProzess([...args, '--threads', '1'], stdin)]);
    const imWorker = lies.mock.results.filter((r) => r.type === 'return' && r.value !== null).length;
    const genommen = await Promise.all(nimmt.mock.results.map((r) => r.value as Promise<boolean>));
    return { eins, zwei, imWorker, genommen };
  } finally {
    [NEBENHER.ab, TEILRECHNUNG.ab] = [ab, rechnungAb];
    lies.mockRestore();
    nimmt.mockRestore();
  }
}

/** The inputs, by name in the folder (or '-', or a path of their own). */
const alle = (p = 'personen.csv', m = 'massnahmen.csv', z = 'zeitraeume.csv') => {
  const pfad = (name: string) => (name === '-' ? name : resolve(ordner, name));
  return ['--zeitraeume', pfad(z), '--personen', pfad(p), '--integrationen', pfad('integrationen.csv'), '--massnahmen', pfad(m), '--datenstand', '2017-12-31'];
};

describe('personen and massnahmen read by a worker', () => {
  it('give the same report and breakdown as one thread', async () => {
    const r = await beide(['report', '--monat', '2017-06', '--json', '--nach', 'geschlecht', ...alle()]);
    expect(r.imWorker).toBe(2);
    expect(r.zwei).toEqual(r.eins);
    expect(r.eins.code).toBe(0);
    const a = await beide(['aggregate', '--von', '2017-01', '--bis', '2017-03', '--format', 'csv', '--nach', 'altersgruppe', ...alle()]);
    expect(a.imWorker).toBe(2);
    expect(a.zwei).toEqual(a.eins);
    // The comparison means something: counts that need what the worker read, ages (personen) and
    // LZB in measures (massnahmen), are there.
    const zeile = (gruppe: string) => Object.fromEntries(a.zwei.stdout.replace(/^\uFEFF/, '').split('\n')[0].split(';').map((k, i) => [k, a.zwei.stdout.split('\n').find((l) => l.startsWith(`2017-01;${gruppe};`))!.split(';')[i]]));
    expect(Number(zeile('15_bis_unter_25').elb)).toBeGreaterThan(0);
    expect(Number(zeile('gesamt').lzb_aktiviert)).toBeGreaterThan(0);
    // The classification counted by two threads, broken down by what personen says.
    const l = await beide(['lzb', '--von', '2016-01', '--bis', '2017-06', '--json', '--nach', 'altersgruppe', '--zeitraeume', datei('zeitraeume.csv'), '--personen', datei('personen.csv'), '--datenstand', '2017-12-31']);
    expect([l.eins.code, l.imWorker]).toEqual([0, 1]);
    expect(l.zwei).toEqual(l.eins);
    expect(JSON.parse(l.eins.stdout).stichtage.at(-1).gruppen.find((g: { gruppe: string }) => g.gruppe === '25_bis_unter_55').lzb).toBeGreaterThan(0);
  });

  it('report the same problems, notes and first error for mangled files', async () => {
    const p = zeilen('personen.csv'), m = zeilen('massnahmen.csv'), z = zeilen('zeitraeume.csv');
    const schreibe = (name: string, inhalt: string | Buffer) => (writeFileSync(datei(name), inhalt), name);
    // Per case the arguments and the exit code one thread gives.
    const faelle: [string, string[], number][] = [
      // A second row of a person and a date that is none.
      ['doppelt', alle(schreibe('p-doppelt.csv', [...p, p[3], p[5].replace(/\d{4}-\d\d-\d\d/, '1980-13-45')].join('\n'))), 65],
      // Persons zeitraeume does not have: registered after the others, counted nowhere.
      ['fremd', alle(schreibe('p-fremd.csv', [...p, 'X9;w;1990-01-01;0;0', 'X8;m;1991-01-01;0;0'].join('\n'))), 0],
      // Nobody in common with zeitraeume: an error.
      ['niemand', alle(schreibe('p-niemand.csv', p.map((l, i) => (i ? '00' + l : l)).join('\n'))), 65],
      // Quoted fields and CRLF: read by csv-parse, not the byte scanner.
      ['anfuehrung', alle(schreibe('p-anfuehrung.csv', p.map((l, i) => (i ? l.split(';').map((f) => `"${f}"`).join(';') : l)).join('\r\n') + '\r\n')), 0],
      // A measure ending before it begins.
      ['ende', alle(undefined, schreibe('m-ende.csv', [...m, 'K0000009;2017-05-01;2017-04-01;AGH'].join('\n'))), 65],
      // More problems than --max-errors allows.
      ['budget', [...alle(schreibe('p-budget.csv', [...p, ...Array.from({ length: 6 }, (_, i) => `Z${i};q;1990-01-01;0;0`)].join('\n'))), '--max-errors', '3'], 65],
      // An unknown column.
      ['kopf', alle(schreibe('p-kopf.csv', [p[0] + ';extra', ...p.slice(1).map((l) => l + ';1')].join('\n'))), 65],
      // A missing personen file, alone and with a broken zeitraeume: that error comes first, as one reader meets it.
      ['fehlt', alle('p-fehlt.csv'), 66],
      ['zuerst', alle('p-fehlt.csv', undefined, schreibe('z-kaputt.csv', [...z, 'K0000001;2016-02-30;;ELB'].join('\n'))), 65],
      // Files the worker does not take are opened only where one reader opens them: a workbook
      // (whose sheet would otherwise be unpacked for nothing) and standard input.
      ['mappe', alle(resolve('fixtures/xlsx/personen.xlsx'), undefined, 'z-kaputt.csv'), 65],
      ['stdin', alle('-'), 0],
    ];
    const fehler = new Map<string, { meldung: string; probleme: unknown[] }>();
    for (const [name, args, code] of faelle) {
      const r = await beide(['report', '--monat', '2017-06', '--json', ...args], name === 'stdin' ? readFileSync(datei('personen.csv')) : null);
      expect({ name, ...r.zwei }).toEqual({ name, ...r.eins });
      expect([name, r.eins.code]).toEqual([name, code]);
      const nurMassnahmen = ['fehlt', 'zuerst', 'mappe', 'stdin'].includes(name);
      expect([name, r.imWorker, r.genommen]).toEqual([name, nurMassnahmen ? 1 : 2, [!nurMassnahmen, true]]);
      if (code) fehler.set(name, JSON.parse(r.eins.stderr).fehler);
    }
    expect(fehler.get('zuerst')!.meldung).toMatch(/z-kaputt\.csv: ein Problem/);
    expect(fehler.get('budget')!.probleme).toHaveLength(3);
    expect(fehler.get('doppelt')!.probleme).toHaveLength(2);
  });
});

describe('a further input taken over from the worker', () => {
  it('is not opened to decide whether the worker takes it: a named pipe keeps its one reading', { timeout: 5000 }, async () => {
    const rohr = join(ordner, 'rohr');
    execFileSync('mkfifo', [rohr]);
    const ab = NEBENHER.ab;
    NEBENHER.ab = 0;
    try {
      // Opening a pipe for reading would wait here for a writer.
      expect(await new Nebenleser().nimmt(rohr)).toBe(false);
      expect(await new Nebenleser().nimmt(datei('personen.csv'))).toBe(true);
    } finally {
      NEBENHER.ab = ab;
    }
  });

  it('waits for what one reader reads before it, then numbers its persons as one reader does', async () => {
    const lesen = async (nebenher: boolean) => {
      const register = new PersonRegister(), merkmale = new Merkmale();
      const oeffne = async (name: string, rolle: string) => oeffneTabelle(await oeffneQuelle(name, Object.assign(Readable.from([]), { isTTY: false })), rolle, { maxProbleme: 50 });
      const offen = await oeffne(datei('p-fremd.csv'), 'personen');
      // As for a large file, whose checksum this thread computes in the background: the worker then does not.
      const sha256 = createHash('sha256').update(readFileSync(datei('p-fremd.csv'))).digest('hex');
      const personen = nebenher ? { ...offen, quelle: { ...offen.quelle, pruefsumme: Promise.resolve(sha256) } } : offen;
      const vorher = { offen: (): void => undefined };
      const tor = new Promise<void>((r) => (vorher.offen = r));
      const ab = NEBENHER.ab;
      NEBENHER.ab = 0;
      const lies = vi.spyOn(Nebenleser.prototype, 'lies');
      try {
        // One reader reads personen after zeitraeume; the worker before, taken over after.
        const lesung = nebenher ? lesePersonen(personen, register, merkmale, { leser: new Nebenleser(), vorher: tor }) : null;
        if (nebenher) {
          // The worker has read the file; nothing is taken over before the gate opens.
          await lies.mock.results[0].value;
          await new Promise((r) => setTimeout(r, 20));
          expect(register.anzahl).toBe(0);
        }
        await leseZeitraeume(await oeffne(datei('zeitraeume.csv'), 'zeitraeume'), register, new Zeitlinien(), 1);
        vorher.offen();
        const e = await (lesung ?? lesePersonen(personen, register, merkmale));
        expect(e.probleme).toEqual([]);
        expect(e.info.sha256).toBe(sha256);
        expect(lies).toHaveBeenCalledTimes(nebenher ? 1 : 0);
      } finally {
        NEBENHER.ab = ab;
        lies.mockRestore();
      }
      return Array.from({ length: register.anzahl }, (_, p) => [register.id(p), merkmale.geschlechtCode(p), merkmale.geburtsdatum(p), merkmale.alleinerziehendCode(p), merkmale.fluchtCode(p)]);
    };
    const allein = await lesen(false);
    expect(await lesen(true)).toEqual(allein);
    // Two persons only personen has, numbered last; every person of personen has attributes.
    expect(allein.slice(-2).map((z) => z[0])).toEqual(['X9', 'X8']);
    expect(allein.filter((z) => z[2] === null)).toEqual([]);
  });
});
