import {
  closeSync,
  fchmodSync,
  fchownSync,
  fstatSync,
  fsyncSync,
  openSync,
  renameSync,
  type Stats,
  statSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import { dirname } from 'node:path';
import { fileError } from '@stance/schema';
import { tempPathFor } from './temp-files.ts';

/** Write all of `bytes` at the file position of `fd` (looped: writeSync may write fewer bytes than asked). */
function writeAll(fd: number, bytes: Uint8Array): void {
  let offset = 0;
  // A short write happens on signals and full disks; a half-written event is what we must not leave.
  while (offset < bytes.length) offset += writeSync(fd, bytes, offset, bytes.length - offset);
}

/** Write all of `data` at the end of the file open on `fd` ('a'), then fsync, so it survives a crash once this returns. */
export function writeAllAndSync(fd: number, data: string | Buffer): void {
  writeAll(fd, typeof data === 'string' ? Buffer.from(data, 'utf8') : data);
  fsyncSync(fd);
}

/** Write several blocks (each at most a few MB, so a large batch never needs one huge buffer), then fsync once. */
export function writeBlocksAndSync(fd: number, blocks: Iterable<string>): void {
  for (const block of blocks) writeAll(fd, Buffer.from(block, 'utf8'));
  fsyncSync(fd);
}

/**
 * Append `data` to the file at `path` and fsync it. A file this creates gets `mode` exactly (not narrowed by the
 * umask), so a log's `.rejected` companion is no more readable than the log; an existing file keeps its own.
 */
export function appendDurable(path: string, data: string, mode?: number): void {
  const created = statSync(path, { throwIfNoEntry: false }) === undefined;
  const fd = openSync(path, 'a', mode ?? 0o666);
  try {
    if (created && mode !== undefined) fchmodSync(fd, mode);
    writeAllAndSync(fd, data);
  } finally {
    closeSync(fd);
  }
}

/**
 * Fsync a folder so a file created or renamed in it is still there after a crash. Best effort: some platforms
 * (Windows) can not open or fsync a folder, and the data itself was already fsync'd.
 */
export function syncFolder(dir: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(dir, 'r');
    fsyncSync(fd);
  } catch {
    // Nothing more to do where a folder can not be synced.
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/**
 * Give the file open on `fd` the mode and owner of `original`, the file it replaces: a rewrite must not make a
 * private (0600) file world-readable or hand a shared one to whoever ran the command. Changing the owner needs
 * privileges; without them the file stays ours (the mode is still kept).
 */
function keepModeAndOwner(fd: number, original: Stats): void {
  fchmodSync(fd, original.mode & 0o7777);
  const now = fstatSync(fd);
  if (now.uid === original.uid && now.gid === original.gid) return;
  try {
    fchownSync(fd, original.uid, original.gid);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') throw error;
  }
}

/**
 * Replace the file at `path` with `data` atomically, the one writer every package uses: a hidden temp file in the
 * same folder (so the rename never crosses file systems and loaders that list `*.json` never see it; named by
 * tempPathFor so a later run can remove it if this process is killed, see removeStaleTemps), fsync, rename, fsync the
 * folder. A replaced file keeps its mode and owner. A caller writing many files into one folder may pass
 * `{ syncFolder: false }` and call `syncFolder` once at the end. Errors are StanceErrors naming `path`
 * (`PATH: no space left on device`); the temp file is removed and `path` left as it was.
 */
export function writeFileAtomic(path: string, data: string | Uint8Array, options: { syncFolder?: boolean } = {}): void {
  const temp = tempPathFor(path);
  const original = statSync(path, { throwIfNoEntry: false });
  let fd: number;
  try {
    fd = openSync(temp, 'wx', original === undefined ? 0o666 : original.mode & 0o777);
  } catch (error) {
    throw fileError(error, path);
  }
  try {
    if (original !== undefined) keepModeAndOwner(fd, original);
    writeAll(fd, typeof data === 'string' ? Buffer.from(data, 'utf8') : data);
    fsyncSync(fd);
    closeSync(fd);
    fd = -1;
    renameSync(temp, path);
  } catch (error) {
    if (fd !== -1) closeSync(fd);
    try {
      unlinkSync(temp);
    } catch {
      // Never created past the open, or already renamed: nothing to remove.
    }
    throw fileError(error, path);
  }
  if (options.syncFolder !== false) syncFolder(dirname(path));
}
