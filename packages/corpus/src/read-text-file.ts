import { readFileSync, statSync } from 'node:fs';
import { StanceError } from '@stance/schema';

const decoder = new TextDecoder('utf-8', { fatal: true });

/** Line number (1-based) of byte offset `at` in `bytes`. */
function lineOfByte(bytes: Uint8Array, at: number): number {
  let line = 1;
  for (let i = 0; i < at && i < bytes.length; i++) if (bytes[i] === 0x0a) line++;
  return line;
}

/** Offset of the first byte that breaks UTF-8 decoding; found by bisection because TextDecoder does not say where. */
function firstBadByte(bytes: Uint8Array): number {
  let lo = 0;
  let hi = bytes.length;
  // Invariant: bytes[0, lo) decode (up to a cut code point); the bad byte is below hi.
  while (hi - lo > 4) {
    const mid = (lo + hi) >>> 1;
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, mid), { stream: true });
      lo = mid;
    } catch {
      hi = mid;
    }
  }
  return lo;
}

/**
 * Decode bytes as UTF-8 text, or throw a StanceError naming `name` and the line: binary data (NUL bytes) and
 * invalid UTF-8 are refused rather than turned into replacement characters.
 */
export function decodeUtf8(bytes: Uint8Array, name: string): string {
  const nul = bytes.indexOf(0);
  if (nul >= 0)
    throw new StanceError('binary file (NUL byte), expected UTF-8 text', {
      where: `${name}:${lineOfByte(bytes, nul)}`,
    });
  try {
    const text = decoder.decode(bytes);
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  } catch {
    const at = firstBadByte(bytes);
    throw new StanceError('not UTF-8 text', { where: `${name}:${lineOfByte(bytes, at)}` });
  }
}

/** Whether bytes start with a UTF-8 byte-order mark (which decodeUtf8 drops). */
export function hasUtf8Bom(bytes: Uint8Array): boolean {
  return bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
}

/** Read a file's bytes, or throw a one-line StanceError naming `name` (missing, a directory, unreadable). */
export function readFileBytes(path: string, name: string = path): Buffer {
  try {
    if (statSync(path).isDirectory()) throw new StanceError('is a directory, expected a file', { where: name });
    return readFileSync(path);
  } catch (error) {
    if (error instanceof StanceError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    const reason =
      code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : `cannot read (${code ?? 'error'})`;
    throw new StanceError(reason, { where: name });
  }
}

/** Read a UTF-8 text file (see readFileBytes and decodeUtf8 for what is refused). */
export function readTextFile(path: string, name: string = path): string {
  return decodeUtf8(readFileBytes(path, name), name);
}
