#!/usr/bin/env node
import { main } from '../dist/src/cli/main.js';

// A reader that stops early (`| head`) closes the pipe: that is not an error worth a stack trace.
for (const strom of [process.stdout, process.stderr]) {
  strom.on('error', (e) => {
    if (e.code !== 'EPIPE') throw e;
  });
}

// A run whose awaited work never settles (a library waiting for bytes that never come) would end
// with Node's exit code 13 and not a word: it is said, as an internal error.
let fertig = false;
process.on('exit', () => {
  if (fertig) return;
  process.stderr.write('kennzahlen: interner Fehler (bitte melden): die Arbeit blieb stehen, ohne Ergebnis und ohne Fehlermeldung.\n');
  process.exitCode = 70;
});

// exitCode, never process.exit(): a pipe must receive every byte written to stdout.
process.exitCode = await main(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  stdin: process.stdin,
  env: process.env,
});
fertig = true;
