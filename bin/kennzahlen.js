#!/usr/bin/env node
import { main } from '../dist/src/cli/main.js';

// exitCode, never process.exit(): a pipe must receive every byte written to stdout.
process.exitCode = await main(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  stdin: process.stdin,
  env: process.env,
});
