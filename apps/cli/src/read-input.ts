import { closeSync, openSync, readSync } from 'node:fs';
import { decodeUtf8, readTextFile } from '@stance/corpus';
import { userPath } from './args.ts';
import type { Io } from './command.ts';

/** Read all of stdin as bytes. */
export async function readStdinBytes(io: Io): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const chunk of io.stdin) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
  return Buffer.concat(chunks);
}

/** A text input: its text without a byte-order mark, and where that text starts in the input as given. */
export interface TextInput {
  text: string;
  name: string;
  /**
   * 1 when the input began with a UTF-8 byte-order mark, else 0. Add it to offsets into `text` to index the input as
   * given: a program that reads the file itself (Node's `readFileSync(f, 'utf8')`, Python's `open(f, encoding='utf-8')`)
   * keeps the mark as U+FEFF, and every offset would otherwise be one short.
   */
  offset: number;
}

const BOM = [0xef, 0xbb, 0xbf];

/** Read a text input named on the command line: a file path, or `-` (or nothing) for stdin. */
export async function readTextInput(io: Io, path: string | undefined): Promise<TextInput> {
  if (path === undefined || path === '-') {
    const bytes = await readStdinBytes(io);
    return { text: decodeUtf8(bytes, '<stdin>'), name: '<stdin>', offset: BOM.every((b, i) => bytes[i] === b) ? 1 : 0 };
  }
  const file = userPath(io, path);
  const text = readTextFile(file, path);
  return { text, name: path, offset: hasBom(file) ? 1 : 0 };
}

/** Whether a file starts with a UTF-8 byte-order mark (read after readTextFile succeeded, so it exists). */
function hasBom(path: string): boolean {
  const fd = openSync(path, 'r');
  try {
    const head = Buffer.alloc(3);
    return readSync(fd, head, 0, 3, 0) === 3 && BOM.every((b, i) => head[i] === b);
  } finally {
    closeSync(fd);
  }
}
