import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { STANCE_BIN } from './run-stance.ts';

/** The user the permission tests run `stance` as: `nobody` when we are root (root ignores file modes), else us. */
export const UNPRIVILEGED = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : undefined;

/**
 * Whether `stance` can run as the unprivileged user: always when we are not root (we are that user); as root, only if
 * `nobody` can read the checkout (a clone under /root can not be), checked by running `stance --help` as nobody.
 */
export const CAN_RUN_UNPRIVILEGED =
  UNPRIVILEGED === undefined ||
  spawnSync(process.execPath, [STANCE_BIN, '--help'], {
    cwd: tmpdir(),
    stdio: 'ignore',
    ...UNPRIVILEGED,
  }).status === 0;

/** Whether `prlimit` (util-linux) is here to cap the size of files a process may write (RLIMIT_FSIZE). */
export const HAS_PRLIMIT = spawnSync('prlimit', ['--version']).status === 0;

/** Options of runStanceConstrained. */
export interface ConstrainedOptions {
  /** The user's folder (the process's working directory, where relative paths resolve). */
  cwd: string;
  /** Run as the unprivileged user (see UNPRIVILEGED). */
  unprivileged?: boolean;
  /** Largest file, in bytes, the process may write (RLIMIT_FSIZE via prlimit): a write past it fails with EFBIG. */
  maxFileBytes?: number;
  env?: NodeJS.ProcessEnv;
}

/**
 * Run the real `stance` in a child process under a real constraint: as another user (so file modes apply) or with a
 * cap on file size (a write past it fails part way, as on a full disk, without needing to mount anything).
 */
export function runStanceConstrained(args: readonly string[], options: ConstrainedOptions) {
  const argv = [STANCE_BIN, ...args];
  const [command, commandArgs] =
    options.maxFileBytes === undefined
      ? [process.execPath, argv]
      : ['prlimit', [`--fsize=${options.maxFileBytes}`, '--', process.execPath, ...argv]];
  const as = options.unprivileged === true ? UNPRIVILEGED : undefined;
  return spawnSync(command, commandArgs, {
    cwd: options.cwd,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', ...options.env },
    ...(as ?? {}),
  });
}

const made: string[] = [];
afterAll(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A temporary folder the unprivileged user can enter and read (mkdtemp makes it 0700), removed after the file. */
export function sharedTempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  chmodSync(dir, 0o755);
  made.push(dir);
  return dir;
}

/** Create `dir` (and parents) with `mode`, e.g. a folder no one but root may write. */
export function folderWithMode(dir: string, mode: number): string {
  if (!existsSync(dir)) mkdirSync(dir, { recursive: true });
  chmodSync(dir, mode);
  return dir;
}

const mounts: string[] = [];
afterAll(() => {
  for (const dir of mounts.splice(0)) {
    spawnSync('umount', [dir]);
    rmSync(dir, { recursive: true, force: true });
  }
});

/**
 * A fresh, tiny tmpfs (a real file system that fills up: writes past `size` fail with ENOSPC), unmounted after the
 * file's tests; undefined where mounting is not allowed (not root, or a container without CAP_SYS_ADMIN).
 */
export function smallDisk(size: string): string | undefined {
  const dir = mkdtempSync(join(tmpdir(), 'stance-small-disk-'));
  if (spawnSync('mount', ['-t', 'tmpfs', '-o', `size=${size},mode=0755`, 'tmpfs', dir]).status !== 0) {
    rmSync(dir, { recursive: true, force: true });
    return undefined;
  }
  mounts.push(dir);
  return dir;
}

/** Whether this machine lets the tests mount a tmpfs (checked once, by mounting and unmounting one). */
export const CAN_MOUNT = (() => {
  const dir = mkdtempSync(join(tmpdir(), 'stance-mount-check-'));
  const ok = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=4k', 'tmpfs', dir]).status === 0;
  if (ok) spawnSync('umount', [dir]);
  rmSync(dir, { recursive: true, force: true });
  return ok;
})();
