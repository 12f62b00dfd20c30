import { readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { StanceError } from '@stance/schema';
import { isSupportedSource, SUPPORTED_EXTENSIONS } from './parse-source.ts';

/** An input file: its absolute path and the name errors and reports show (as the user typed it). */
export interface SourceFile {
  path: string;
  name: string;
}

/** Sidecar label files (`x.labels.jsonl`, as in `corpus/sources/`) sit next to documents but are not documents. */
export function isLabelSidecar(fileName: string): boolean {
  return fileName.toLowerCase().endsWith('.labels.jsonl');
}

/**
 * The input files named by `paths`: a file as given (an unsupported extension is an error), a folder's supported files
 * (not recursive, sorted, hidden files and label sidecars left out). The same file named twice counts once.
 */
export function collectSources(paths: readonly string[], cwd: string): SourceFile[] {
  const out: SourceFile[] = [];
  const seen = new Set<string>();
  const add = (file: SourceFile) => {
    if (seen.has(file.path)) return;
    seen.add(file.path);
    out.push(file);
  };
  for (const given of paths) {
    const path = resolve(cwd, given);
    let isDirectory: boolean;
    try {
      isDirectory = statSync(path).isDirectory();
    } catch {
      throw new StanceError('no such file or folder', { where: given });
    }
    if (!isDirectory) {
      if (!isSupportedSource(given))
        throw new StanceError(`unsupported file type (expected ${SUPPORTED_EXTENSIONS.join(', ')})`, { where: given });
      add({ path, name: given });
      continue;
    }
    const names = readdirSync(path)
      .filter((f) => !f.startsWith('.') && isSupportedSource(f) && !isLabelSidecar(f))
      .filter((f) => statSync(join(path, f)).isFile())
      .sort();
    if (names.length === 0)
      throw new StanceError(`no ${SUPPORTED_EXTENSIONS.join(', ')} files in this folder`, { where: given });
    for (const f of names) add({ path: join(path, f), name: join(given, f) });
  }
  return out;
}
