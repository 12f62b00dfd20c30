import { createHash } from 'node:crypto';
import { closeSync, openSync, readdirSync, readSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** A file of the dataset: its path relative to the dataset folder (with `/`), size and SHA-256. */
export interface FileDigest {
  path: string;
  bytes: number;
  sha256: string;
}

/** Hex SHA-256 of a file, read in blocks (dataset files can be larger than a string may be). */
export function sha256File(path: string): string {
  const hash = createHash('sha256');
  const fd = openSync(path, 'r');
  try {
    const block = Buffer.allocUnsafe(1 << 20);
    for (;;) {
      const n = readSync(fd, block, 0, block.length, null);
      if (n === 0) break;
      hash.update(block.subarray(0, n));
    }
  } finally {
    closeSync(fd);
  }
  return hash.digest('hex');
}

/** Every file under `dir` (relative, `/`-separated, sorted by code unit) with size and SHA-256. */
export function digestFolder(dir: string, skip: ReadonlySet<string> = new Set()): FileDigest[] {
  const out: FileDigest[] = [];
  const walk = (rel: string) => {
    for (const name of readdirSync(join(dir, rel)).sort()) {
      const relPath = rel ? `${rel}/${name}` : name;
      const full = join(dir, relPath);
      if (statSync(full).isDirectory()) walk(relPath);
      else if (!skip.has(relPath)) out.push({ path: relPath, bytes: statSync(full).size, sha256: sha256File(full) });
    }
  };
  walk('');
  return out.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** The text of `MANIFEST.sha256`: `<hex>  <path>` a line, sorted by path. */
export function manifestText(files: readonly FileDigest[]): string {
  return files.map((f) => `${f.sha256}  ${f.path}\n`).join('');
}

/** Parse `MANIFEST.sha256` text into path → hex digest. */
export function parseManifest(text: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const line of text.split('\n')) {
    const m = /^([0-9a-f]{64}) {2}(.+)$/.exec(line);
    if (m) out.set(m[2]!, m[1]!);
  }
  return out;
}
