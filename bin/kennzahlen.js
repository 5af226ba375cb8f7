#!/usr/bin/env node
import { main } from '../dist/src/cli/main.js';

// A reader that stops early (`| head`) closes the pipe: that is not an error worth a stack trace.
for (const strom of [process.stdout, process.stderr]) {
  strom.on('error', (e) => {
    if (e.code !== 'EPIPE') throw e;
  });
}

// exitCode, never process.exit(): a pipe must receive every byte written to stdout.
process.exitCode = await main(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  stdin: process.stdin,
  env: process.env,
});
