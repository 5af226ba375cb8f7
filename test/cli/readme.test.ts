// The README shows real output: every ```text block that starts with `$ command` is run here and
// must print exactly what the README says.

import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const readme = readFileSync('README.md', 'utf8');
const skripte = JSON.parse(readFileSync('package.json', 'utf8')).scripts as Record<string, string>;
const beispiele = [...readme.matchAll(/```text\n\$ (.+)\n([\s\S]*?)```/g)].map(([, befehl, ausgabe]) => ({ befehl, ausgabe }));
const hatJq = spawnSync('jq', ['--version']).status === 0;

describe('README examples', () => {
  it('has examples to check', () => {
    expect(beispiele.length).toBeGreaterThanOrEqual(5);
  });

  for (const { befehl, ausgabe } of beispiele) {
    it.skipIf(befehl.includes('| jq') && !hatJq)(befehl, () => {
      const shell = befehl === 'npm start' ? skripte.start : befehl.replace(/^kennzahlen /, 'node bin/kennzahlen.js ');
      const r = spawnSync('bash', ['-o', 'pipefail', '-c', shell], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
      expect(r.stdout).toBe(ausgabe);
    });
  }
});
