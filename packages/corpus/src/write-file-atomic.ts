import { closeSync, fsyncSync, openSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

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
 * Replace the file at `path` with `data` atomically: a hidden temp file in the same folder (so the rename never crosses
 * file systems and loaders that list `*.json` never see it), fsync, rename, fsync the folder. A caller writing many
 * files into one folder may pass `{ syncFolder: false }` and call `syncFolder` once at the end.
 */
export function writeFileAtomic(path: string, data: string | Uint8Array, options: { syncFolder?: boolean } = {}): void {
  const temp = join(dirname(path), `.${basename(path)}.tmp-${process.pid}`);
  const fd = openSync(temp, 'w');
  try {
    const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
    let written = 0;
    while (written < bytes.length) written += writeSync(fd, bytes, written, bytes.length - written);
    fsyncSync(fd);
  } catch (error) {
    closeSync(fd);
    unlinkSync(temp);
    throw error;
  }
  closeSync(fd);
  renameSync(temp, path);
  if (options.syncFolder !== false) syncFolder(dirname(path));
}
