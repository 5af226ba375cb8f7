// A document as Markdown for wikis and e-mail: GitHub-style tables with numbers right-aligned.

import { demoHinweis, zellText, type Dokument } from './dokument.js';

const zelle = (t: string) => t.replace(/\|/g, '\\|').replace(/\n/g, ' ');

export function markdown(d: Dokument): string {
  const aus: string[] = [];
  for (const b of d.bloecke) {
    switch (b.art) {
      case 'titel':
        aus.push(`# ${b.text}`, '');
        if (b.demo) aus.push(`> **DEMO**: ${demoHinweis(d.sprache)}.`, '');
        break;
      case 'text':
        aus.push(b.leise ? `_${b.text}_` : b.text, '');
        break;
      case 'abschnitt':
        aus.push(`## ${b.text}`, '');
        break;
      case 'tabelle':
        aus.push(`| ${b.kopf.map((k) => zelle(k) || ' ').join(' | ')} |`);
        aus.push(`|${b.kopf.map((_, i) => (i < b.links ? ' --- ' : ' ---: ')).join('|')}|`);
        for (const z of b.zeilen) aus.push(`| ${z.map((c) => zelle(zellText(c))).join(' | ')} |`);
        aus.push('');
        break;
      case 'notizen':
        aus.push(`**${b.titel}**`, '', ...b.punkte.map((p) => `- ${p}`), '');
        break;
      case 'grafiken':
      case 'streifen':
        break;
      case 'fuss':
        aus.push(...b.zeilen.map((z) => `- ${z.text} · SHA-256 \`${z.sha256}\``), '');
        break;
    }
  }
  return aus.join('\n').replace(/\n+$/, '\n');
}
