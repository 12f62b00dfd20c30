import { createHash } from 'node:crypto';
import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { StanceError } from '@stance/schema';
import type { JsonlValidator } from './read-jsonl.ts';

const CHUNK = 1 << 20;

/** What readJsonlFile read: the validated lines and the SHA-256 of the file's text. */
export interface JsonlFile<T> {
  items: T[];
  /** SHA-256 (hex) of the file's UTF-8 text (its bytes without a leading byte-order mark), as readTextFile gives. */
  sha256: string;
}

/** Open a file for reading, or throw the one-line StanceError readFileBytes gives. */
function openFile(path: string, name: string): number {
  try {
    if (statSync(path).isDirectory()) throw new StanceError('is a directory, expected a file', { where: name });
    return openSync(path, 'r');
  } catch (error) {
    if (error instanceof StanceError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    const reason =
      code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : `cannot read (${code ?? 'error'})`;
    throw new StanceError(reason, { where: name });
  }
}

/**
 * Read a JSONL file line by line, validating each line (blank lines skipped, errors name `name:line`), without holding
 * the file or its text in memory: a 50 MB training file costs its parsed lines, not three copies of itself.
 * Refuses what readTextFile refuses (NUL bytes, invalid UTF-8), naming the line.
 */
export function readJsonlFile<T>(path: string, validate: JsonlValidator<T>, name: string = path): JsonlFile<T> {
  const fd = openFile(path, name);
  const items: T[] = [];
  const hash = createHash('sha256');
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let lineNo = 0;
  const take = (bytes: Buffer) => {
    lineNo++;
    const where = `${name}:${lineNo}`;
    if (bytes.includes(0)) throw new StanceError('binary file (NUL byte), expected UTF-8 text', { where });
    let line: string;
    try {
      line = decoder.decode(bytes);
    } catch {
      throw new StanceError('not UTF-8 text', { where });
    }
    if (line.trim() === '') return;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (error) {
      throw new StanceError(`not a JSON line (${(error as Error).message.split('\n')[0]})`, { where });
    }
    items.push(validate(value, where));
  };
  try {
    const buffer = Buffer.allocUnsafe(CHUNK);
    // Pieces of a line that runs past the end of a chunk, joined once its end is found (a long line costs one copy).
    let pending: Buffer[] = [];
    let first = true;
    for (;;) {
      const n = readSync(fd, buffer, 0, CHUNK, null);
      if (n === 0) break;
      let chunk = buffer.subarray(0, n);
      if (first && chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf) chunk = chunk.subarray(3);
      first = false;
      hash.update(chunk);
      let from = 0;
      for (let nl = chunk.indexOf(10); nl >= 0; nl = chunk.indexOf(10, from)) {
        const piece = chunk.subarray(from, nl);
        take(pending.length ? Buffer.concat([...pending, piece]) : piece);
        pending = [];
        from = nl + 1;
      }
      // The buffer is reused for the next chunk, so the unfinished line is copied out.
      if (from < chunk.length) pending.push(Buffer.from(chunk.subarray(from)));
    }
    if (pending.length) take(Buffer.concat(pending));
  } finally {
    closeSync(fd);
  }
  return { items, sha256: hash.digest('hex') };
}
