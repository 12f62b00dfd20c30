import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { isStanceError } from '@stance/schema';

/** A fresh temp folder. */
export function tempDir(prefix = 'stance-corpus-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** Write files (relative path → text or bytes) under `root`, creating folders. */
export function writeFiles(root: string, files: Record<string, string | Uint8Array>): void {
  for (const [path, data] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), data);
  }
}

/** Hash of every file path and content under `root`: equal hashes mean a byte-identical folder. */
export function folderHash(root: string): string {
  const hash = createHash('sha256');
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else
        hash
          .update(`${relative(root, path)}\0`)
          .update(readFileSync(path))
          .update('\0');
    }
  };
  walk(root);
  return hash.digest('hex');
}

/** The one line a StanceError thrown by `run` prints, with `root` shown as `<tmp>`; fails if nothing is thrown. */
export function errorLine(run: () => unknown, root = ''): string {
  try {
    run();
  } catch (error) {
    if (!isStanceError(error)) throw error;
    const line = error.toLine();
    return root ? line.split(root).join('<tmp>') : line;
  }
  throw new Error('expected a StanceError');
}
