// `npm run readme`: re-runs every example in README.md (a ```text block starting with `$ command`)
// and writes its current output into the block, and the option tables made from the option table.
// test/cli/readme.test.ts checks they agree.

import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { ersetzeTabellen } from './optionstabellen.js';

const skripte = JSON.parse(readFileSync('package.json', 'utf8')).scripts as Record<string, string>;
const readme = ersetzeTabellen(readFileSync('README.md', 'utf8'));
let n = 0;
const neu = readme.replace(/```text\n\$ (.+)\n([\s\S]*?)```/g, (_, befehl: string) => {
  const shell = befehl === 'npm start' ? skripte.start : befehl.replace(/^kennzahlen /, 'node bin/kennzahlen.js ');
  const r = spawnSync('bash', ['-o', 'pipefail', '-c', shell], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  n++;
  return '```text\n$ ' + befehl + '\n' + r.stdout + '```';
});
writeFileSync('README.md', neu);
process.stderr.write(`${n} Beispiele aktualisiert\n`);
