import { closeSync, fsyncSync, openSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';

/** Write all of `data` at the end of the file open on `fd` ('a'), then fsync, so it survives a crash once this returns. */
export function writeAllAndSync(fd: number, data: string | Buffer): void {
  const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
  let offset = 0;
  // writeSync may write fewer bytes than asked (signals, full disks); a half-written event is what we must not leave.
  while (offset < bytes.length) offset += writeSync(fd, bytes, offset, bytes.length - offset);
  fsyncSync(fd);
}

/** Append `data` to the file at `path` (created if missing) and fsync it. */
export function appendDurable(path: string, data: string): void {
  const fd = openSync(path, 'a');
  try {
    writeAllAndSync(fd, data);
  } finally {
    closeSync(fd);
  }
}

/** Fsync a folder so a file created or renamed in it is still there after a crash. Best effort where unsupported. */
export function syncDir(dir: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(dir, 'r');
    fsyncSync(fd);
  } catch {
    // Some platforms (Windows) can not open or fsync a folder; the data itself was already fsync'd.
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** Replace the file at `path` with `data` atomically: temp file in the same folder, fsync, rename, fsync the folder. */
export function writeFileAtomic(path: string, data: string | Buffer): void {
  const temp = `${path}.tmp-${process.pid}`;
  const fd = openSync(temp, 'w');
  try {
    writeAllAndSync(fd, data);
  } catch (error) {
    closeSync(fd);
    unlinkSync(temp);
    throw error;
  }
  closeSync(fd);
  renameSync(temp, path);
  syncDir(dirname(path));
}
