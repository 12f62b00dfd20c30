import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root. */
export const ROOT = resolve(fileURLToPath(import.meta.url), '../../../../..');

/** Options of runStance. */
export interface RunOptions {
  /** The user's folder, where relative paths resolve (INIT_CWD, as `pnpm stance` sets it). @default ROOT */
  cwd?: string;
  /** Bytes or text on stdin. @default '' */
  input?: string | Buffer;
  /** Extra environment; NO_COLOR=1 is set unless overridden. */
  env?: NodeJS.ProcessEnv;
}

/** Run the real `stance` command in a child process and wait for it. */
export function runStance(args: readonly string[], options: RunOptions = {}) {
  return spawnSync(join(ROOT, 'node_modules/.bin/tsx'), ['apps/cli/src/main.ts', ...args], {
    cwd: ROOT,
    input: options.input ?? '',
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', INIT_CWD: options.cwd ?? ROOT, ...options.env },
  });
}
