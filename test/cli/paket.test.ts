// The npm package as a user installs it: `npm pack`, installed into an empty folder, runs its own
// demo (the sample data travel with it) and ships neither the tools nor the tests.

import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { arbeitsordner } from './hilfen.js';

const { ordner } = arbeitsordner('paket');
const npm = (args: string[], cwd: string) => spawnSync('npm', [...args, '--no-audit', '--no-fund', '--ignore-scripts', '--loglevel', 'error'], { cwd, encoding: 'utf8' });

describe('npm pack → install → kennzahlen demo', () => {
  it('installs from the tarball and prints the demo report; no tools, tests or other fixtures inside', () => {
    // dist/ is built by `npm test` before the tests run; --ignore-scripts keeps pack from building again.
    const pack = npm(['pack', '--json', '--pack-destination', ordner, resolve('.')], ordner);
    expect(pack.status, pack.stderr).toBe(0);
    const [inhalt] = JSON.parse(pack.stdout) as { filename: string; files: { path: string }[] }[];
    const pfade = inhalt.files.map((f) => f.path);
    expect(pfade).toContain('bin/kennzahlen.js');
    expect(pfade).toContain('dist/src/cli/main.js');
    expect(pfade).toContain('fixtures/demo/zeitraeume.csv');
    expect(pfade.filter((p) => /^(dist\/tools|dist\/test|test|tools|src)\//.test(p) || (p.startsWith('fixtures/') && !p.startsWith('fixtures/demo/')))).toEqual([]);

    const ziel = join(ordner, 'anwender');
    spawnSync('mkdir', [ziel]);
    const install = npm(['install', '--prefer-offline', join(ordner, inhalt.filename)], ziel);
    expect(install.status, install.stderr).toBe(0);
    const demo = spawnSync(join(ziel, 'node_modules', '.bin', 'kennzahlen'), ['demo', '--format', 'table', '-q'], { cwd: ziel, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    expect(demo.status, demo.stderr).toBe(0);
    expect(demo.stdout).toContain('Kennzahlen nach § 48a SGB II · Jobcenter Elbe-Elster (Demo, synthetische Daten) · Berichtsmonat 06/2017');
    expect(demo.stdout).toMatch(/│ K2 +│ Integrationsquote +│ +26,8 % │/);
    expect(readdirSync(join(ziel, 'node_modules', 'sgb2-kennzahlen')).sort()).toEqual(['README.md', 'bin', 'dist', 'fixtures', 'package.json']);
  }, 120_000);
});
