import { decodeUtf8, readTextFile } from '@stance/corpus';
import { userPath } from './args.ts';
import type { Io } from './command.ts';

/** Read all of stdin as bytes. */
export async function readStdinBytes(io: Io): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const chunk of io.stdin) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
  return Buffer.concat(chunks);
}

/** Read a text input named on the command line: a file path, or `-` (or nothing) for stdin. */
export async function readTextInput(io: Io, path: string | undefined): Promise<{ text: string; name: string }> {
  if (path === undefined || path === '-')
    return { text: decodeUtf8(await readStdinBytes(io), '<stdin>'), name: '<stdin>' };
  return { text: readTextFile(userPath(io, path), path), name: path };
}
