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

/** fsync a folder so a rename in it survives a crash; some platforms cannot, and the data itself is already synced. */
export function syncFolder(dir: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(dir, 'r');
    fsyncSync(fd);
  } catch {
    // Windows cannot open a folder for fsync; nothing more to do there.
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/**
 * Give the file open on `fd` the mode and owner of the file it replaces: a rewrite must not make a private (0600)
 * file world-readable or hand a shared one to whoever ran the command. Changing the owner needs privileges; without
 * them the new file stays ours (the mode is still kept).
 */
export function keepModeAndOwner(fd: number, original: Stats): void {
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
 * Replace the file at `path` with `data` atomically: a hidden temp file in the same folder (so the rename never crosses
 * file systems and loaders that list `*.json` never see it; named so a later run can remove it if this process is
 * killed, see removeStaleTemps), fsync, rename, fsync the folder. A replaced file keeps its mode and owner. A caller
 * writing many files into one folder may pass `{ syncFolder: false }` and call `syncFolder` once at the end. Errors
 * are StanceErrors naming `path` (`PATH: no space left on device`); the temp file is removed and `path` left as it was.
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
    const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
    let written = 0;
    while (written < bytes.length) written += writeSync(fd, bytes, written, bytes.length - written);
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
