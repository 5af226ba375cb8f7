import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
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

/**
 * Sources whose compiled file in dist/ is missing or older than they are: the binary (and the
 * worker thread that reads large files) run dist/, so tests on it would run old code. The build is
 * incremental and leaves a file untouched whose source was saved without a change; it touches
 * dist/.tsbuildinfo at its end (package.json), so a source older than that was built.
 */
export function veraltet(wurzel = '.'): string[] {
  const alt: string[] = [];
  const info = join(wurzel, 'dist', '.tsbuildinfo');
  const gebaut = existsSync(info) ? statSync(info).mtimeMs : 0;
  const gehe = (ordner: string) => {
    for (const e of readdirSync(join(wurzel, ordner), { withFileTypes: true })) {
      const pfad = join(ordner, e.name);
      if (e.isDirectory()) gehe(pfad);
      else if (e.name.endsWith('.ts') && !e.name.endsWith('.d.ts')) {
        const js = join('dist', pfad.replace(/\.ts$/, '.js'));
        if (!existsSync(join(wurzel, js))) alt.push(`${js} is missing`);
        else if (statSync(join(wurzel, pfad)).mtimeMs > Math.max(gebaut, statSync(join(wurzel, js)).mtimeMs)) alt.push(`${pfad} is newer than ${js}`);
      }
    }
  };
  // What tsconfig.json compiles.
  for (const ordner of ['src', 'tools']) gehe(ordner);
  return alt;
}

/**
 * Fails loudly when dist/ does not hold the current sources. Checked before every start of the
 * binary (a few stat calls), so an edit during `vitest --watch` is caught too.
 */
export function pruefeDist(): void {
  const alt = veraltet();
  if (alt.length > 0) {
    const liste = alt.slice(0, 5).join('\n  ') + (alt.length > 5 ? `\n  … and ${alt.length - 5} more` : '');
    throw new Error(`dist/ is stale, so this test would run old code:\n  ${liste}\nRun \`npm run build\` first (\`npm test\` does).`);
  }
}

/**
 * Runs the built binary like a user would, with a clean colour environment unless told otherwise.
 * Only for what needs a process of its own: pipes, time zones, worker threads, signals.
 */
export function kennzahlen(args: string[], opt: { input?: string | Buffer; env?: Record<string, string | undefined> } = {}): Promise<Lauf> {
  pruefeDist();
  const env: Record<string, string | undefined> = { ...process.env, NO_COLOR: undefined, FORCE_COLOR: undefined, ...opt.env };
  for (const k of Object.keys(env)) if (env[k] === undefined) delete env[k];
  const kind = spawn(process.execPath, ['bin/kennzahlen.js', ...args], { env: env as NodeJS.ProcessEnv });
  const aus: Buffer[] = [], fehler: Buffer[] = [];
  kind.stdout.on('data', (b: Buffer) => aus.push(b));
  kind.stderr.on('data', (b: Buffer) => fehler.push(b));
  // A binary that stops before reading all of its input is a finding of the test, not a crash of it.
  kind.stdin.on('error', () => undefined);
  kind.stdin.end(opt.input);
  return new Promise((fertig, scheitert) => {
    kind.once('error', scheitert);
    kind.once('close', (code) => fertig({ code, stdout: Buffer.concat(aus).toString('utf8'), stderr: Buffer.concat(fehler).toString('utf8') }));
  });
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
 * what a pipe would deliver, `terminal` a terminal instead. The environment is `env` (empty: no
 * colour); stdout is no terminal, so the default format is JSON. The time zone is the test
 * process's (vitest.config.ts): a test that needs another one spawns the binary.
 */
export async function imProzess(args: string[], stdin: Buffer | string | null = null, terminal = false, env: Record<string, string> = {}): Promise<ProzessLauf> {
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
    env,
  };
  const code = await main(args, io);
  return { code, stdout, stderr, stdinGelesen };
}

/**
 * imProzess for read-only commands a test file runs several times: each distinct argument list
 * runs once, later calls get the same result. A check of determinism runs imProzess itself.
 */
export function einmalJe(): (args: string[]) => Promise<ProzessLauf> {
  const schon = new Map<string, Promise<ProzessLauf>>();
  return (args) => {
    const schluessel = JSON.stringify(args);
    let lauf = schon.get(schluessel);
    if (!lauf) schon.set(schluessel, (lauf = imProzess(args)));
    return lauf;
  };
}

/**
 * A temporary folder for one test file, made when first used and removed after the file's tests
 * (call this at the top of the file or of a describe, where hooks can be registered); `datei`
 * writes a file into it, `unterordner` makes a fresh empty folder in it.
 */
export function arbeitsordner(name: string): { readonly ordner: string; datei: (name: string, inhalt: string | Buffer) => string; unterordner: (name: string) => string } {
  let angelegt: string | null = null;
  const ordner = () => (angelegt ??= mkdtempSync(join(tmpdir(), `kz-${name}-`)));
  afterAll(() => {
    if (angelegt) rmSync(angelegt, { recursive: true, force: true });
  });
  let nummer = 0;
  return {
    get ordner() {
      return ordner();
    },
    datei: (n, inhalt) => {
      const pfad = join(ordner(), n);
      writeFileSync(pfad, inhalt);
      return pfad;
    },
    unterordner: (n) => {
      const pfad = join(ordner(), `${n}-${++nummer}`);
      mkdirSync(pfad);
      return pfad;
    },
  };
}
