import { existsSync, readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join, relative, sep } from 'node:path';
import { DATA_FILES } from './layout.ts';
import { parseManifest } from './manifest.ts';

/** The folders an export must never replace, besides what it can see in the target itself. */
export interface ReplaceContext {
  /** The user's working folder (which, like any folder holding it, is never replaced). */
  cwd: string;
  /** The user's home folder. @default os.homedir() */
  home?: string;
  /** The corpus being exported. */
  corpus?: string;
}

/** Entries that mark a folder as a stance corpus (see the corpus folder layout in AGENTS.md). */
const CORPUS_MARKS = ['GUIDELINES.md', 'annotations', 'retired.jsonl', 'gold.jsonl'];

/** The canonical path (symbolic links resolved) of an existing path, else the path as given. */
function real(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return path;
  }
}

/** True when `inner` is `outer` or lies inside it (both canonical). */
function within(inner: string, outer: string): boolean {
  if (inner === outer) return true;
  const rel = relative(outer, inner);
  return rel !== '' && !rel.startsWith(`..${sep}`) && rel !== '..' && !rel.startsWith(sep);
}

/** What in `dir` shows it is a corpus (a mark, or stored `documents/*.json`), or undefined. */
export function corpusMark(dir: string): string | undefined {
  for (const mark of CORPUS_MARKS) if (existsSync(join(dir, mark))) return mark;
  try {
    // An export has a documents/ folder too, but of .jsonl files; a corpus stores one .json per document.
    if (readdirSync(join(dir, 'documents')).some((f) => f.endsWith('.json'))) return 'documents/*.json';
  } catch {
    // no documents/ folder
  }
  return undefined;
}

/** Every file (not folder) under `dir`, relative with `/`, without following symbolic links. */
function filesUnder(dir: string, rel = ''): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(join(dir, rel), { withFileTypes: true })) {
    const path = rel ? `${rel}/${entry.name}` : entry.name;
    if (entry.isDirectory()) out.push(...filesUnder(dir, path));
    else out.push(path);
  }
  return out;
}

/**
 * Why `dir` is not a previous stance export, or undefined when it is: its MANIFEST.sha256 lists a dataset card and
 * Croissant file, and every file in the folder. A file the manifest does not name is someone's work, not ours.
 */
export function notAnExport(dir: string): string | undefined {
  const manifestPath = join(dir, DATA_FILES.manifest);
  if (!existsSync(manifestPath)) return `it has no ${DATA_FILES.manifest}`;
  let listed: Map<string, string>;
  try {
    listed = parseManifest(readFileSync(manifestPath, 'utf8'));
  } catch {
    return `its ${DATA_FILES.manifest} can not be read`;
  }
  if (!listed.has(DATA_FILES.card) || !listed.has(DATA_FILES.croissant))
    return `its ${DATA_FILES.manifest} does not list ${DATA_FILES.card} and ${DATA_FILES.croissant}`;
  const stray = filesUnder(dir).filter((f) => f !== DATA_FILES.manifest && !listed.has(f));
  if (stray.length > 0)
    return `it holds ${stray.length === 1 ? 'a file' : `${stray.length} files`} no export wrote (${stray.slice(0, 3).join(', ')}${stray.length > 3 ? ', …' : ''})`;
  return undefined;
}

/**
 * Why `--force` must not replace the existing path `target`, or undefined when it may. Only an empty folder or a
 * previous stance export (its manifest names every file in it) is replaced; never a file, the current or home folder
 * or one that holds them, the root of a git work tree, a corpus, a folder holding the corpus or lying inside a corpus.
 * Reads the file system (names and the manifest, not the data); symbolic links are resolved before comparing.
 */
export function replaceProblem(target: string, context: ReplaceContext): string | undefined {
  if (!statSync(target).isDirectory()) return 'it is not a folder';
  const dir = real(target);
  const cwd = real(context.cwd);
  const home = real(context.home ?? homedir());
  if (dir === cwd) return 'it is the current folder';
  if (within(cwd, dir)) return 'it holds the current folder';
  if (dir === home) return 'it is your home folder';
  if (within(home, dir)) return 'it holds your home folder';
  if (existsSync(join(dir, '.git'))) return 'it is the root of a git work tree';
  const corpus = context.corpus === undefined ? undefined : real(context.corpus);
  if (corpus !== undefined && dir === corpus) return 'it is the corpus being exported';
  if (corpus !== undefined && within(corpus, dir)) return `it holds the corpus being exported (${corpus})`;
  if (corpus !== undefined && within(dir, corpus)) return `it lies inside the corpus being exported (${corpus})`;
  const mark = corpusMark(dir);
  if (mark !== undefined) return `it is a corpus (it has ${mark})`;
  for (let up = dirname(dir); ; up = dirname(up)) {
    const upMark = corpusMark(up);
    if (upMark !== undefined) return `it lies inside a corpus (${up} has ${upMark})`;
    if (dirname(up) === up) break;
  }
  if (readdirSync(dir).length === 0) return undefined;
  return notAnExport(dir);
}
