// The tests that start the binary run dist/, not src/: a check that dist/ holds the current sources
// guards them (pruefeDist in hilfen.ts), so that a bare `npx vitest run` after an edit fails loudly
// instead of testing old code.

import { mkdirSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { arbeitsordner, veraltet } from './hilfen.js';

const { ordner } = arbeitsordner('dist');

describe('dist/ freshness', () => {
  it('names compiled files that are missing or older than their source, and skips declarations', () => {
    const datei = (pfad: string, sekunden: number) => {
      mkdirSync(join(ordner, pfad, '..'), { recursive: true });
      writeFileSync(join(ordner, pfad), '');
      utimesSync(join(ordner, pfad), sekunden, sekunden);
    };
    datei('src/cli/a.ts', 1000);
    datei('dist/src/cli/a.js', 2000);
    datei('src/b.ts', 3000);
    datei('dist/src/b.js', 2000);
    datei('src/typen.d.ts', 3000);
    datei('tools/t.ts', 1000);
    expect(veraltet(ordner).sort()).toEqual(['dist/tools/t.js is missing', 'src/b.ts is newer than dist/src/b.js']);
    datei('dist/tools/t.js', 1000);
    datei('dist/src/b.js', 3000);
    expect(veraltet(ordner)).toEqual([]);
    // Saved again without a change: the incremental build emits nothing, but it has run after it.
    datei('src/cli/a.ts', 5000);
    expect(veraltet(ordner)).toEqual(['src/cli/a.ts is newer than dist/src/cli/a.js']);
    datei('dist/.tsbuildinfo', 6000);
    expect(veraltet(ordner)).toEqual([]);
  });

  it('holds for this checkout: dist/ was built from the sources as they are', () => {
    expect(veraltet(), 'run `npm run build` (npm test does)').toEqual([]);
  });
});
