// Errors on stderr: a short text for people, or a JSON object when the output is JSON, so that a
// script reading stdout never gets a half document and can still parse what went wrong.

import type { ChalkInstance } from 'chalk';
import { artVon, exitCode, KennzahlenFehler, problemZeile } from '../fehler.js';
import type { Io } from './io.js';

export interface FehlerStil {
  json: boolean;
  verbose: boolean;
  farbe: ChalkInstance;
}

export function meldeFehler(io: Io, fehler: unknown, stil: FehlerStil): void {
  const art = artVon(fehler);
  const bekannt = fehler instanceof KennzahlenFehler ? fehler : null;
  const meldung = bekannt ? bekannt.message : `interner Fehler (bitte melden): ${fehler instanceof Error ? fehler.message : String(fehler)}`;
  const stack = !bekannt && stil.verbose && fehler instanceof Error ? fehler.stack : undefined;
  if (stil.json) {
    const doc = {
      fehler: {
        art,
        exit_code: exitCode(art),
        meldung,
        probleme: bekannt?.probleme ?? [],
        ...(bekannt?.hinweis ? { hinweis: bekannt.hinweis } : {}),
        ...(stack ? { stack } : {}),
      },
    };
    io.stderr.write(JSON.stringify(doc, null, 2) + '\n');
    return;
  }
  const f = stil.farbe;
  const zeilen = [`${f.red.bold('kennzahlen:')} ${meldung}`];
  for (const p of bekannt?.probleme ?? []) zeilen.push(`  ${problemZeile(p)}`);
  if (bekannt?.hinweis) zeilen.push(f.dim(`Hinweis: ${bekannt.hinweis}`));
  if (stack) zeilen.push(f.dim(stack));
  else if (art === 'intern') zeilen.push(f.dim('Mit --verbose zeigt kennzahlen den Stack.'));
  io.stderr.write(zeilen.join('\n') + '\n');
}
