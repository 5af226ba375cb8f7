// The shell in-process: outcomes that a spawned binary cannot easily provoke, such as a bug.

import { PassThrough, Readable, Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { farbeAn } from '../../src/cli/farbe.js';
import { artVon, EXIT_CODE, exitCode, KennzahlenFehler } from '../../src/fehler.js';
import { arbeitsordner } from './hilfen.js';

const arbeit = arbeitsordner('balken');

function io(stdoutWrite?: () => never) {
  let err = '';
  const stderr = new Writable({ write: (c, _e, cb) => ((err += c), cb()) });
  const stdout = stdoutWrite ? Object.assign(new PassThrough(), { write: stdoutWrite }) : new PassThrough();
  return { io: { stdout, stderr, stdin: Readable.from([]), env: {} }, stderr: () => err };
}

describe('exit codes in one place', () => {
  it('maps how a run ended to its code, and an error without a kind to 70', () => {
    const code = (e: unknown) => exitCode(artVon(e));
    expect(exitCode('ok')).toBe(0);
    expect(exitCode('ziel_verfehlt')).toBe(1);
    expect(code(new KennzahlenFehler('nutzung', ''))).toBe(2);
    expect(code(new KennzahlenFehler('eingabedaten', ''))).toBe(65);
    expect(code(new KennzahlenFehler('datei_fehlt', ''))).toBe(66);
    expect(code(new KennzahlenFehler('ausgabe', ''))).toBe(73);
    expect(code(new TypeError('x'))).toBe(70);
    expect(Object.keys(EXIT_CODE).sort()).toEqual(['ausgabe', 'datei_fehlt', 'eingabedaten', 'intern', 'nutzung', 'ok', 'ziel_verfehlt']);
  });

  it('reports a bug as exit 70 with a short message, and the stack only with --verbose', async () => {
    const kaputt = () => { throw new TypeError('stdout kaputt'); };
    const a = io(kaputt);
    const args = ['lzb', '--zeitraeume', 'fixtures/kanten/zeitraeume.csv', '--datenstand', '2016-12-31', '--monat', '2016-12', '--format', 'table'];
    expect(await main(args, a.io)).toBe(70);
    expect(a.stderr()).toContain('interner Fehler (bitte melden): stdout kaputt');
    expect(a.stderr()).not.toMatch(/\n\s+at /);
    const b = io(kaputt);
    expect(await main([...args, '--verbose'], b.io)).toBe(70);
    expect(b.stderr()).toMatch(/\n\s+at /);
  });
});

describe('colour decision', () => {
  it('flag, then NO_COLOR, FORCE_COLOR, TERM=dumb, then the terminal', () => {
    expect(farbeAn(true, { NO_COLOR: '1' }, false)).toBe(true);
    expect(farbeAn(false, { FORCE_COLOR: '1' }, true)).toBe(false);
    expect(farbeAn(undefined, { NO_COLOR: '1', FORCE_COLOR: '1' }, true)).toBe(false);
    expect(farbeAn(undefined, { NO_COLOR: '' }, true)).toBe(true);
    expect(farbeAn(undefined, { FORCE_COLOR: '0' }, true)).toBe(false);
    expect(farbeAn(undefined, { FORCE_COLOR: '1', TERM: 'dumb' }, false)).toBe(true);
    expect(farbeAn(undefined, { TERM: 'dumb' }, true)).toBe(false);
    expect(farbeAn(undefined, {}, true)).toBe(true);
    expect(farbeAn(undefined, {}, false)).toBe(false);
  });
});

describe('progress bar', () => {
  it('draws on a terminal stderr for large inputs, and never with -q or off a terminal', async () => {
    const zeile = 'P0000001;2015-01-01;2015-01-31;ELB\n';
    const datei = arbeit.datei('gross.csv', 'person_id;beginn;ende;status\n' + zeile.repeat(Math.ceil((5 << 20) / zeile.length)));
    const lauf = async (terminal: boolean, extra: string[] = []) => {
      let err = '';
      const stderr = Object.assign(new Writable({ write: (c, _e, cb) => ((err += c), cb()) }), { isTTY: terminal });
      const code = await main(['lzb', '--zeitraeume', datei, '--datenstand', '2015-01-31', '--monat', '2015-01', '--json', ...extra], { stdout: new PassThrough(), stderr, stdin: Readable.from([]), env: {} });
      return { code, err };
    };
    const tty = await lauf(true);
    expect(tty.code).toBe(0);
    expect(tty.err).toMatch(/\rzeitraeume +\[#+-*\] +\d+ % +\d+\/5 MB/);
    expect(tty.err).toContain('100 %');
    expect(tty.err).toContain('\r\x1b[K');
    expect((await lauf(false)).err).not.toContain('\r');
    expect((await lauf(true, ['-q'])).err).toBe('');
  });
});
