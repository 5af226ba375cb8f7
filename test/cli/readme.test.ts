// The README shows real output: every ```text block that starts with `$ command` is run here and
// must print exactly what the README says. What needs a shell runs in bash with the built binary:
// `npm start` and the examples that pipe into jq (jq is needed for them, .ci/run installs it; they
// are never skipped). A plain `kennzahlen …` line prints what main() prints, so it runs in-process.

import { spawn, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { beforeAll, describe, it } from 'vitest';
import { ersetzeTabellen } from '../../tools/optionstabellen.js';
import { imProzess, pruefeDist } from './hilfen.js';

const readme = readFileSync('README.md', 'utf8');
const skripte = JSON.parse(readFileSync('package.json', 'utf8')).scripts as Record<string, string>;
const beispiele = [...readme.matchAll(/```text\n\$ (.+)\n([\s\S]*?)```/g)].map(([, befehl, ausgabe]) => ({ befehl, ausgabe }));
const hatJq = spawnSync('jq', ['--version']).status === 0;
/** Words a shell would pass on unchanged: no quotes, no pipes, no variables, no globs. */
const SCHLICHT = /^kennzahlen( [\w./:=,-]+)+$/;

/** `kennzahlen … | jq …`: the tool's part runs in-process, its stdout goes to jq in bash. */
const IN_JQ = /^(kennzahlen(?: [\w./:=,-]+)+)(?: 2>\/dev\/null)? \| (jq .+)$/;

function bash(befehl: string, eingabe?: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const kind = spawn('bash', ['-o', 'pipefail', '-c', befehl], { env: { ...process.env, NO_COLOR: '1' }, stdio: [eingabe === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'] });
  if (eingabe !== undefined) kind.stdin!.end(eingabe);
  const aus: Buffer[] = [], fehler: Buffer[] = [];
  kind.stdout!.on('data', (b: Buffer) => aus.push(b));
  kind.stderr!.on('data', (b: Buffer) => fehler.push(b));
  return new Promise((fertig, scheitert) => {
    kind.once('error', scheitert);
    kind.once('close', (code) => fertig({ code, stdout: Buffer.concat(aus).toString('utf8'), stderr: Buffer.concat(fehler).toString('utf8') }));
  });
}

beforeAll(() => pruefeDist());

describe('README option tables', () => {
  it('are the ones the option table makes (npm run readme writes them)', ({ expect }) => {
    expect(readme).toContain('<!-- optionen -->\n| Option |');
    expect(ersetzeTabellen(readme)).toBe(readme);
  });

  it('say where a command allows fewer values than the option', ({ expect }) => {
    const zeile = (flag: string) => readme.split('\n').find((z) => z.startsWith(`| \`${flag}`));
    expect(zeile('--format <format>')).toContain('(Auswahl: table, json, csv, md, html, xlsx); check: nur table, json, xlsx |');
    expect(zeile('--nach <merkmal>')).toContain('; report: Kennzahlen für Frauen und Männer daneben (braucht --personen), nur geschlecht; demo: Kennzahlen für Frauen und Männer daneben, nur geschlecht |');
  });
});

describe('README examples', () => {
  it('has examples to check, in bash and in-process', ({ expect }) => {
    expect(beispiele.length).toBeGreaterThanOrEqual(5);
    expect(beispiele.some(({ befehl }) => befehl === 'npm start')).toBe(true);
    expect(beispiele.some(({ befehl }) => SCHLICHT.test(befehl))).toBe(true);
  });

  for (const { befehl, ausgabe } of beispiele.filter(({ befehl }) => SCHLICHT.test(befehl))) {
    it(befehl, async ({ expect }) => {
      expect((await imProzess(befehl.split(' ').slice(1))).stdout).toBe(ausgabe);
    });
  }

  // The examples only read: the shell's run side by side.
  for (const { befehl, ausgabe } of beispiele.filter(({ befehl }) => !SCHLICHT.test(befehl))) {
    it.concurrent(befehl, async ({ expect }) => {
      if (befehl.includes('| jq')) expect(hatJq, 'jq is missing: the README pipes into it (Debian package jq; .ci/run installs it)').toBe(true);
      const jq = IN_JQ.exec(befehl);
      if (jq) {
        // The pipe is jq's part; the tool's output is the same in-process, without a process of its own to start.
        const { stdout } = await imProzess(jq[1].split(' ').slice(1));
        expect((await bash(jq[2], stdout)).stdout).toBe(ausgabe);
        return;
      }
      const shell = befehl === 'npm start' ? skripte.start : befehl.replace(/^kennzahlen /, 'node bin/kennzahlen.js ');
      expect((await bash(shell)).stdout).toBe(ausgabe);
    });
  }
});
