import { spawnSync } from 'node:child_process';

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
