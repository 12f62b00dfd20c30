import { closeSync, linkSync, openSync, readFileSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { StanceError } from '@stance/schema';
import { isProcessAlive } from './process-alive.ts';

/** What a lock file records about the process that holds the log open. */
export interface LockOwner {
  pid: number;
  host: string;
  /** ISO time the owner took the lock. */
  started: string;
}

/** A held lock: its path and the owner record written into it. */
export interface HeldLock {
  path: string;
  owner: LockOwner;
}

// A lock file that cannot be parsed is normally a crash between creating it and writing it (a few microseconds);
// younger than this it may be a live process that is still writing, so it is refused rather than taken over.
const UNREADABLE_LOCK_GRACE_MS = 5000;

/**
 * Take the lock at `lockPath` for `annotator`, created with O_EXCL so two processes can not both succeed. A lock whose
 * owner is dead (same host, pid gone) is taken over and a warning is pushed to `warnings`; a live owner, or an owner on
 * another host (whose pid can not be checked), is refused with a StanceError.
 */
export function acquireLock(lockPath: string, annotator: string, warnings: string[], now: Date): HeldLock {
  const owner: LockOwner = { pid: process.pid, host: hostname(), started: now.toISOString() };
  for (let attempt = 0; attempt < 3; attempt++) {
    if (tryCreate(lockPath, owner)) return { path: lockPath, owner };
    const raw = readLockText(lockPath);
    if (raw === undefined) continue; // released between our create and our read: try again
    const found = parseOwner(raw);
    if (found === undefined) {
      const age = lockAgeMs(lockPath);
      if (age !== undefined && age < UNREADABLE_LOCK_GRACE_MS) {
        throw new StanceError(
          `annotator ${annotator} is being opened by another process (lock file is being written)`,
          {
            where: lockPath,
          },
        );
      }
      if (!takeOver(lockPath, raw)) continue;
      warnings.push(`${lockPath}: took over an unreadable lock file (a crash while it was being written)`);
      continue;
    }
    if (found.host !== owner.host) {
      throw new StanceError(
        `annotator ${annotator} is already open in process ${found.pid} on host ${found.host} (since ${found.started}); if that is not so, delete the lock file`,
        { where: lockPath },
      );
    }
    if (isProcessAlive(found.pid)) {
      throw new StanceError(`annotator ${annotator} is already open in process ${found.pid}`, { where: lockPath });
    }
    if (!takeOver(lockPath, raw)) continue;
    warnings.push(
      `${lockPath}: took over a stale lock of process ${found.pid} (started ${found.started}), which is no longer running`,
    );
  }
  throw new StanceError(`annotator ${annotator}: could not take the lock; another process keeps changing it`, {
    where: lockPath,
  });
}

/** Remove the lock if it is still ours (never a lock another process took over after us). Idempotent. */
export function releaseLock(lock: HeldLock): void {
  const raw = readLockText(lock.path);
  if (raw === undefined) return;
  const found = parseOwner(raw);
  if (found?.pid === lock.owner.pid && found.started === lock.owner.started && found.host === lock.owner.host) {
    try {
      unlinkSync(lock.path);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
  }
}

function tryCreate(lockPath: string, owner: LockOwner): boolean {
  let fd: number;
  try {
    fd = openSync(lockPath, 'wx');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
  try {
    writeSync(fd, `${JSON.stringify(owner)}\n`);
  } finally {
    closeSync(fd);
  }
  return true;
}

/**
 * Move a stale lock out of the way. Renaming (not unlinking) lets us check that what we moved is still the stale lock
 * we judged: if another process took it over in between, its fresh lock is put back (link fails if a third one exists).
 */
function takeOver(lockPath: string, staleText: string): boolean {
  const aside = `${lockPath}.stale-${process.pid}`;
  try {
    renameSync(lockPath, aside);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return true;
    throw error;
  }
  const moved = readLockText(aside);
  if (moved !== staleText) {
    try {
      linkSync(aside, lockPath);
    } catch {
      // Someone holds the lock again either way; the next attempt reads and judges it.
    }
    unlinkSync(aside);
    return false;
  }
  unlinkSync(aside);
  return true;
}

function readLockText(lockPath: string): string | undefined {
  try {
    return readFileSync(lockPath, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

function parseOwner(raw: string): LockOwner | undefined {
  try {
    const value = JSON.parse(raw) as Partial<LockOwner> | null;
    // pid 0 or below would make kill(pid, 0) signal a whole process group and always look alive.
    const pid = value?.pid;
    if (Number.isInteger(pid) && pid! > 0 && typeof value?.host === 'string' && typeof value.started === 'string') {
      return { pid: pid!, host: value.host, started: value.started };
    }
  } catch {
    // falls through: unreadable
  }
  return undefined;
}

// Wall-clock age, not the caller's `now`: a test clock must not make a fresh lock look old.
function lockAgeMs(lockPath: string): number | undefined {
  try {
    return Date.now() - statSync(lockPath).mtimeMs;
  } catch {
    return undefined;
  }
}
