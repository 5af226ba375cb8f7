import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { Readable, Writable } from 'node:stream';
import { main } from '../../src/cli/main.js';

export interface Lauf {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the built binary like a user would, with a clean colour environment unless told otherwise. */
export function kennzahlen(args: string[], opt: { input?: string | Buffer; env?: Record<string, string | undefined> } = {}): Lauf {
  const env: Record<string, string | undefined> = { ...process.env, NO_COLOR: undefined, FORCE_COLOR: undefined, ...opt.env };
  for (const k of Object.keys(env)) if (env[k] === undefined) delete env[k];
  const r = spawnSync(process.execPath, ['bin/kennzahlen.js', ...args], {
    input: opt.input,
    env: env as NodeJS.ProcessEnv,
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

export const ANSI = /\u001b\[/;

export interface ProzessLauf {
  code: number;
  stdout: string;
  stderr: string;
  /** Whether anything asked standard input for data. */
  stdinGelesen: boolean;
}

/**
 * Runs the shell in-process through main(), as the binary would but without a process: `stdin` is
 * what a pipe would deliver, `terminal` a terminal instead. The environment is empty (no colour).
 */
export async function imProzess(args: string[], stdin: Buffer | string | null = null, terminal = false): Promise<ProzessLauf> {
  let stdout = '', stderr = '', stdinGelesen = false;
  const teile = stdin === null ? [] : [Buffer.from(stdin)];
  const eingabe = Object.assign(
    new Readable({
      read() {
        stdinGelesen = true;
        this.push(teile.shift() ?? null);
      },
    }),
    terminal ? { isTTY: true } : {},
  );
  const io = {
    stdout: new Writable({ write: (c, _e, cb) => ((stdout += c), cb()) }),
    stderr: new Writable({ write: (c, _e, cb) => ((stderr += c), cb()) }),
    stdin: eingabe,
    env: {},
  };
  const code = await main(args, io);
  return { code, stdout, stderr, stdinGelesen };
}

/** A temporary folder for one test file, removed after its tests; `datei` writes a file into it. */
export function arbeitsordner(name: string): { ordner: string; datei: (name: string, inhalt: string | Buffer) => string } {
  const ordner = mkdtempSync(join(tmpdir(), `kz-${name}-`));
  afterAll(() => rmSync(ordner, { recursive: true, force: true }));
  return {
    ordner,
    datei: (n, inhalt) => {
      const pfad = join(ordner, n);
      writeFileSync(pfad, inhalt);
      return pfad;
    },
  };
}
