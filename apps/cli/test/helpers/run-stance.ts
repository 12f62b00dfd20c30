import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { PassThrough } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { afterAll } from 'vitest';
import { runCli } from '../../src/cli.ts';

/** The repository root. */
export const ROOT = resolve(fileURLToPath(import.meta.url), '../../../../..');

/** The `stance` a user runs: the built bin (vitest's global setup builds dist/ from the current sources first). */
export const STANCE_BIN = join(ROOT, 'apps/cli/bin/stance.js');

/** The same as one shell word list, for a command typed into a terminal (tmux). */
export const STANCE_SHELL = `${process.execPath} ${STANCE_BIN}`;

/** Options of runStance. */
export interface RunOptions {
  /** The user's folder, where relative paths resolve (the process's working directory). @default ROOT */
  cwd?: string;
  /** Bytes or text on stdin. @default '' */
  input?: string | Buffer;
  /** Extra environment; NO_COLOR=1 is set unless overridden. */
  env?: NodeJS.ProcessEnv;
  /** Most bytes of stdout or stderr kept. @default 64 MB (spawnSync's own 1 MB cuts large outputs short) */
  maxBuffer?: number;
}

/** Run the real `stance` command in a child process and wait for it. */
export function runStance(args: readonly string[], options: RunOptions = {}) {
  return spawnSync(process.execPath, [STANCE_BIN, ...args], {
    cwd: options.cwd ?? ROOT,
    input: options.input ?? '',
    encoding: 'utf8',
    maxBuffer: options.maxBuffer ?? 64 * 1024 * 1024,
    env: { ...process.env, NO_COLOR: '1', ...options.env },
  });
}

const made: string[] = [];
afterAll(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A temporary folder, removed after the calling test file's tests. */
export function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  made.push(dir);
  return dir;
}

/** Run `stance` in this process on pipes (not a terminal), as a script or CI would. */
export async function runStanceInProcess(args: string[], env: NodeJS.ProcessEnv = {}) {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const out: string[] = [];
  const err: string[] = [];
  stdout.on('data', (c) => out.push(String(c)));
  stderr.on('data', (c) => err.push(String(c)));
  const code = await runCli(args, {
    stdin: new PassThrough(),
    stdout,
    stderr,
    cwd: ROOT,
    env: { ...process.env, NO_COLOR: '1', ...env },
  });
  return { code, stdout: out.join(''), stderr: err.join('') };
}
