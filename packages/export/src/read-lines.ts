import { closeSync, openSync, readSync } from 'node:fs';

// Logs and datasets of a million lines are too big to hold as one Buffer or string (store's scanLogFile reads the
// whole file); reading fixed blocks and cutting at newlines keeps memory flat whatever the file size.
const BLOCK_BYTES = 256 * 1024;

/** One line of a file: its 1-based number, its text (without `\n`), and whether the file ended without a newline. */
export interface FileLine {
  line: number;
  text: string;
  torn: boolean;
}

/** Each line of a UTF-8 file, read in fixed-size blocks. A missing file has no lines. */
export function* readLines(path: string): Generator<FileLine> {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw error;
  }
  try {
    const block = Buffer.allocUnsafe(BLOCK_BYTES);
    let carry: Buffer = Buffer.alloc(0);
    let line = 0;
    for (;;) {
      const n = readSync(fd, block, 0, BLOCK_BYTES, null);
      if (n === 0) break;
      const chunk = carry.length ? Buffer.concat([carry, block.subarray(0, n)]) : block.subarray(0, n);
      const lastNl = chunk.lastIndexOf(0x0a);
      if (lastNl < 0) {
        carry = Buffer.from(chunk);
        continue;
      }
      const texts = chunk.toString('utf8', 0, lastNl).split('\n');
      // Copy the tail: `block` is reused by the next read.
      carry = Buffer.from(chunk.subarray(lastNl + 1));
      for (const text of texts) yield { line: ++line, text, torn: false };
    }
    if (carry.length) yield { line: line + 1, text: carry.toString('utf8'), torn: true };
  } finally {
    closeSync(fd);
  }
}
