// Files of the installed package (package.json, the demo fixtures, the worker script), found from this module's place:
// src/ when tests import the sources, dist/src/ when the built binary runs.

import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

function paketOrdner(): string {
  for (let ordner = dirname(fileURLToPath(import.meta.url)); ; ordner = dirname(ordner)) {
    if (existsSync(join(ordner, 'package.json'))) return ordner;
    if (dirname(ordner) === ordner) throw new Error('package.json nicht gefunden');
  }
}

export function paketDatei(...teile: string[]): string {
  return join(paketOrdner(), ...teile);
}

export function version(): string {
  return (JSON.parse(readFileSync(paketDatei('package.json'), 'utf8')) as { version: string }).version;
}
