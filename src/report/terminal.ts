// A document for the terminal: bold headings, cli-table3 tables, colour through the one chalk
// instance the shell decided on. Charts are for HTML only.

import type { ChalkInstance } from 'chalk';
import { demoHinweis, type Block, type Dokument, type Stil, type Zelle } from './dokument.js';
import { tabelle } from './tabelle.js';

export function stilisiere(z: Zelle, farbe: ChalkInstance): string {
  if (typeof z === 'string') return z;
  const s: Record<Stil, (t: string) => string> = {
    x: farbe.dim, gesperrt: farbe.dim, leise: farbe.dim, offen: farbe.dim,
    gut: farbe.green, schlecht: farbe.red, erreicht: farbe.green, verfehlt: farbe.red.bold,
  };
  return s[z.stil](z.text);
}

export function terminal(d: Dokument, farbe: ChalkInstance): string {
  const aus: string[] = [];
  let vorher: Block | null = null;
  for (const b of d.bloecke) {
    switch (b.art) {
      case 'titel':
        if (b.demo) aus.push(farbe.inverse(' DEMO ') + farbe.dim(` ${demoHinweis(d.sprache)}`));
        aus.push(farbe.bold(b.text));
        break;
      case 'text':
        aus.push(b.leise ? farbe.dim(b.text) : b.text);
        break;
      case 'abschnitt':
        aus.push('', farbe.bold(b.text));
        break;
      case 'tabelle':
        if (vorher?.art !== 'abschnitt') aus.push('');
        aus.push(tabelle(b.kopf, b.zeilen.map((z) => z.map((c) => stilisiere(c, farbe))), farbe, b.links));
        break;
      case 'notizen':
        aus.push('', b.titel, ...b.punkte.map((p) => `  ${p}`));
        break;
      case 'grafiken':
      case 'streifen':
        continue;
      case 'fuss':
        // At the terminal the first 16 hex digits identify a file; the files on the share carry all 64.
        aus.push('', ...b.zeilen.map((z) => farbe.dim(`${z.text} · SHA-256 ${z.sha256.slice(0, 16)}…`)));
        break;
    }
    vorher = b;
  }
  return aus.join('\n') + '\n';
}
