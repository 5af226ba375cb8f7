// The byte scanner and csv-parse must read every file alike: the same rows, the same persons and
// timelines, the same problems at the same lines and columns. Checked on the fixtures, on generated
// data and on randomly mangled files.

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import fc from 'fast-check';
import { describe, expect, it, onTestFinished } from 'vitest';
import { Ereignisse } from '../../src/core/ereignisse.js';
import { OFFEN } from '../../src/core/kalender.js';
import { Merkmale } from '../../src/core/merkmale.js';
import { PersonRegister, VORAUSSCHAU, Zeitlinien } from '../../src/core/zeitlinien.js';
import { leseIntegrationen, leseMassnahmen } from '../../src/input/ereignisse.js';
import { lesePersonen } from '../../src/input/personen.js';
import { oeffneQuelle } from '../../src/input/quelle.js';
import { oeffneTabelle, type LeseOptionen, type Tabelle } from '../../src/input/tabelle.js';
import { leseZeitraeume } from '../../src/input/zeitraeume.js';
import { generiere } from '../../tools/generate.js';
import { arbeitsordner } from '../cli/hilfen.js';

const arbeit = arbeitsordner('diff');

type Rolle = 'zeitraeume' | 'personen' | 'integrationen' | 'massnahmen';

/** Everything a reading leaves behind, in plain data. */
async function lesen(inhalt: Buffer, rolle: Rolle, leser: LeseOptionen['leser'], vorher?: Buffer) {
  const stdin = Object.assign(Readable.from([inhalt]), { isTTY: false });
  const register = new PersonRegister();
  // A file read after `zeitraeume` meets a register that knows most of its persons.
  if (vorher) await leseZeitraeume(await oeffneTabelle(await oeffneQuelle('-', Object.assign(Readable.from([vorher]), { isTTY: false })), 'zeitraeume', { maxProbleme: 50, leser }), register, new Zeitlinien());
  let tabelle: Tabelle;
  try {
    tabelle = await oeffneTabelle(await oeffneQuelle('-', stdin), rolle, { maxProbleme: 50, leser });
  } catch (e) {
    return { fehler: String((e as Error).message), probleme: (e as { probleme?: unknown }).probleme };
  }
  const zeitlinien = new Zeitlinien();
  let extra: unknown = null;
  let e;
  if (rolle === 'zeitraeume') {
    const z = await leseZeitraeume(tabelle, register, zeitlinien);
    extra = { form: z.form, nef: z.zeilenNef, erstes: z.erstes, letztes: z.letztes };
    e = z;
  } else if (rolle === 'personen') {
    const m = new Merkmale();
    e = await lesePersonen(tabelle, register, m);
    extra = nachId(register, (p) => [m.geschlechtCode(p), m.geburtsdatum(p), m.alleinerziehendCode(p), m.fluchtCode(p)]);
  } else if (rolle === 'integrationen') {
    const ev = new Ereignisse();
    e = await leseIntegrationen(tabelle, register, ev);
    ev.ordne(register.anzahl);
    extra = nachId(register, (p) => {
      const i = ev.erstes(p, 'integration', -1e9, 1e9);
      return i < 0 ? null : [ev.kontinuierlich(i), ev.kontinuierlichOffen(i), ev.bedarfsdeckend(i)];
    });
  } else {
    e = await leseMassnahmen(tabelle, register, zeitlinien);
  }
  return {
    einfach: tabelle.einfach,
    info: e.info,
    probleme: e.probleme,
    abgebrochen: e.abgebrochen,
    personen: nachId(register, (p) => zeitlinien.laeufe(p).map(([a, b]) => [a, b === OFFEN ? 'offen' : b])),
    extra,
  };
}

/** Per person, by id: a monthly stock's persons are numbered in the order of their batch, not of the file. */
function nachId(register: PersonRegister, wert: (p: number) => unknown) {
  return Array.from({ length: register.anzahl }, (_, p) => [register.id(p), wert(p)] as const).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

async function gleich(inhalt: Buffer, rolle: Rolle, vorher?: Buffer) {
  const schnell = await lesen(inhalt, rolle, 'auto', vorher);
  const allgemein = await lesen(inhalt, rolle, 'allgemein', vorher);
  const { einfach: _a, ...s } = schnell as { einfach?: boolean };
  const { einfach: _b, ...a } = allgemein as { einfach?: boolean };
  expect(s).toEqual(a);
  return (schnell as { einfach?: boolean }).einfach ?? false;
}

describe('fast path and csv-parse agree', () => {
  it('on every fixture of the four person-level roles', async () => {
    const dateien: [string, Rolle][] = [];
    for (const ordner of ['kanten', 'kodierung', 'monatsform', 'fehler', 'zuordnung', 'demo']) {
      for (const f of readdirSync(`fixtures/${ordner}`)) {
        if (!/\.(csv|txt)$/.test(f)) continue;
        const rolle: Rolle = f.startsWith('personen') ? 'personen' : f.startsWith('integrationen') ? 'integrationen' : f.startsWith('massnahmen') ? 'massnahmen' : 'zeitraeume';
        if (/leistungen|lokale-ziele/.test(f)) continue;
        dateien.push([`fixtures/${ordner}/${f}`, rolle]);
      }
    }
    let schnell = 0;
    for (const [datei, rolle] of dateien) if (await gleich(readFileSync(datei), rolle)) schnell++;
    // The comparison means something only if most fixtures took the fast path.
    expect(schnell).toBeGreaterThanOrEqual(dateien.length - 5);
    expect(dateien.length).toBeGreaterThan(15);
  });

  it('on generated data in day and month form', async () => {
    const ordner = arbeit.ordner;
    await generiere({ personen: 800, seed: 11, von: '2014-01', bis: '2017-12', form: 'beide', out: ordner });
    expect(await gleich(readFileSync(join(ordner, 'zeitraeume.csv')), 'zeitraeume')).toBe(true);
    expect(await gleich(readFileSync(join(ordner, 'zeitraeume-monate.csv')), 'zeitraeume')).toBe(true);
    expect(await gleich(readFileSync(join(ordner, 'personen.csv')), 'personen')).toBe(true);
    expect(await gleich(readFileSync(join(ordner, 'integrationen.csv')), 'integrationen')).toBe(true);
    expect(await gleich(readFileSync(join(ordner, 'massnahmen.csv')), 'massnahmen')).toBe(true);
  });

  it('on files read after zeitraeume, whose persons are looked up a chunk ahead of their rows', async () => {
    // Looked up ahead from the first person on, as a register of millions is.
    const ab = VORAUSSCHAU.ab;
    VORAUSSCHAU.ab = 1;
    onTestFinished(() => void (VORAUSSCHAU.ab = ab));
    const ordner = join(arbeit.ordner, 'danach');
    await generiere({ personen: 300, seed: 5, von: '2016-01', bis: '2017-12', form: 'tage', out: ordner });
    const datei = (f: string) => readFileSync(join(ordner, f), 'utf8').trimEnd().split('\n');
    // Two ids the batch leaves to the row: one longer than eight bytes, one with a blank inside.
    const zeitraeume = [...datei('zeitraeume.csv'), 'LANGE-KENNUNG-7;2016-03-01;;ELB', 'K 77;2016-03-01;;ELB'].join('\n');
    const vorher = Buffer.from(zeitraeume);
    const dateien = { personen: datei('personen.csv'), integrationen: datei('integrationen.csv'), massnahmen: datei('massnahmen.csv') };
    for (const [rolle, zeilen] of Object.entries(dateien)) expect(await gleich(Buffer.from(zeilen.join('\n')), rolle as Rolle, vorher)).toBe(true);

    // Columns in another order, other line ends, ids the register knows, does not know, or that
    // only the text path reads; empty lines and a footnote below the data.
    const ids = ['K0000001', 'K0000002', ' K0000003', 'LANGE-KENNUNG-7', 'K 77', 'UNBEKANNT', 'K0000001 ', ''];
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('personen' as const, 'integrationen' as const, 'massnahmen' as const),
        fc.nat(4), fc.array(fc.record({ zeile: fc.nat(), id: fc.constantFrom(...ids) }), { maxLength: 8 }), fc.array(fc.nat(), { maxLength: 3 }),
        fc.constantFrom('\n', '\r\n'), fc.boolean(),
        // The third column (integrationen: `art`) in forms only the text path reads, or refuses.
        fc.array(fc.record({ zeile: fc.nat(), wert: fc.constantFrom('svb', ' SVB', 'SVB ', 'Gering', 'OEFG', 'SVBX', 'SV', '', '2017-01-01', 'ja') }), { maxLength: 4 }),
        // Lines cut short with an id nobody has: refused by the row, so registered by no one.
        fc.array(fc.nat(), { maxLength: 2 }),
        async (rolle, dreh, ids, leere, nl, fussnote, dritte, kurz) => {
          const zeilen = dateien[rolle].slice(0, 120).map((z) => z.split(';'));
          for (const a of ids) zeilen[1 + (a.zeile % (zeilen.length - 1))][0] = a.id;
          for (const a of dritte) zeilen[1 + (a.zeile % (zeilen.length - 1))][2] = a.wert;
          for (const i of kurz) zeilen[1 + (i % (zeilen.length - 1))] = [`NEU${i % 1000}`, '2017-01-01'];
          // The id moves `dreh` places to the right (the header with it).
          const gedreht = zeilen.map((f) => {
            const k = dreh % f.length;
            return [...f.slice(1, k + 1), f[0], ...f.slice(k + 1)].join(';');
          });
          for (const i of leere) gedreht.splice(1 + (i % (gedreht.length - 1)), 0, '');
          if (fussnote) gedreht.push('', 'Quelle: Jobcenter, eigene Auswertung');
          expect(await gleich(Buffer.from(gedreht.join(nl) + nl), rolle, vorher)).toBe(true);
        },
      ),
      { numRuns: 30 },
    );

    // Over 1 MB in no order of persons: the first chunk ends inside a line, which the next completes.
    const zeilen = dateien.integrationen.slice(1);
    const viele = Array.from({ length: 42_000 }, (_, i) => zeilen[(i * 7919) % zeilen.length].split(';')).map(([id, ...rest]) => [rest[0], id, ...rest.slice(1)].join(';'));
    const kopf = dateien.integrationen[0].split(';');
    const gross = Buffer.from([[kopf[1], kopf[0], ...kopf.slice(2)].join(';'), ...viele].join('\r\n') + '\r\n');
    expect(gross.length).toBeGreaterThan(1 << 20);
    expect(await gleich(gross, 'integrationen', vorher)).toBe(true);
  });

  it('on randomly mangled files', async () => {
    const basis = readFileSync('fixtures/kanten/zeitraeume.csv', 'utf8').trimEnd().split('\n');
    const monate = readFileSync('fixtures/monatsform/zeitraeume.csv', 'utf8').trimEnd().split('\n').slice(0, 30);
    const feldwerte = ['', ' ', 'X', ' K1 ', 'Jörg€', '2016-02-29', '2017-02-29', '31.02.2016', '01.03.2016', '1.3.2016', '2016-13-01', '2016-1-01',
      '2017-03', '03/2017', '201703', '2017-3', 'ELB', 'NEF', 'nef', 'ELB ', 'ALG', '0', '-', '\t', 'a;b', '"q"', '""', 'x"y'];
    const aenderung = fc.oneof(
      fc.record({ art: fc.constant('feld' as const), zeile: fc.nat(), feld: fc.nat(3), wert: fc.constantFrom(...feldwerte) }),
      fc.record({ art: fc.constantFrom('leer' as const, 'leerzeichen' as const, 'doppelt' as const, 'kurz' as const, 'lang' as const), zeile: fc.nat() }),
    );
    const ende = fc.constantFrom('\n', '\r\n');
    let laeufe = 0, schnell = 0;
    await fc.assert(
      fc.asyncProperty(fc.boolean(), fc.array(aenderung, { maxLength: 6 }), ende, fc.boolean(), fc.boolean(), async (monatsform, aenderungen, nl, bom, schlussNl) => {
        const zeilen = [...(monatsform ? monate : basis)];
        for (const a of aenderungen) {
          const i = 1 + (a.zeile % (zeilen.length - 1));
          if (a.art === 'feld') {
            const felder = zeilen[i].split(';');
            felder[a.feld % felder.length] = a.wert;
            zeilen[i] = felder.join(';');
          } else if (a.art === 'leer') zeilen.splice(i, 0, '');
          else if (a.art === 'leerzeichen') zeilen.splice(i, 0, '   ');
          else if (a.art === 'doppelt') zeilen.splice(i, 0, zeilen[i]);
          else if (a.art === 'kurz') zeilen[i] = zeilen[i].split(';').slice(0, 2).join(';');
          else zeilen[i] = `${zeilen[i]};mehr`;
        }
        const text = (bom ? '\uFEFF' : '') + zeilen.join(nl) + (schlussNl ? nl : '');
        laeufe++;
        if (await gleich(Buffer.from(text, 'utf8'), 'zeitraeume')) schnell++;
      }),
      { numRuns: 150 },
    );
    // Most mangled files are still simple enough for the scanner (quotes send the rest to csv-parse).
    expect(schnell / laeufe).toBeGreaterThan(0.5);
  });
});
