import { decodeUtf8, hasUtf8Bom, readFileBytes } from '@stance/corpus';
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

/** Read a text input named on the command line: a file path, or `-` (or nothing) for stdin. */
export async function readTextInput(io: Io, path: string | undefined): Promise<TextInput> {
  const fromStdin = path === undefined || path === '-';
  const name = fromStdin ? '<stdin>' : path;
  const bytes = fromStdin ? await readStdinBytes(io) : readFileBytes(userPath(io, path), path);
  return { text: decodeUtf8(bytes, name), name, offset: hasUtf8Bom(bytes) ? 1 : 0 };
}
