import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomic } from '@stance/store';

/** The folder of a corpus that holds its trained models; the annotation UI takes the newest one. */
export const MODELS_DIR = 'models';

/** A model file in `<corpus>/models/` named `<kind>-<compact UTC time>.json`, as `stance train --corpus` writes. */
export interface CorpusModel {
  path: string;
  kind: string;
  /** When it was trained (from the file name). */
  at: Date;
}

// `logreg-20261125T235605.607Z.json`: the compact ISO form of event ids, so names sort by time within a kind.
const MODEL_FILE = /^([a-z][a-z0-9]*)-(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})\.(\d{3})Z\.json$/;

/** The file name of a model of `kind` trained at `at`: `<kind>-YYYYMMDDTHHMMSS.mmmZ.json`. */
export function modelFileName(kind: string, at: Date): string {
  return `${kind}-${at.toISOString().replace(/[-:]/g, '')}.json`;
}

/**
 * The timestamped models of the corpus at `dir`, newest first (by the time in the name, then by name). Other files
 * in the folder (a hand-placed `default.json`, temp files) are not listed.
 */
export function corpusModels(dir: string): CorpusModel[] {
  const folder = join(dir, MODELS_DIR);
  if (!existsSync(folder)) return [];
  const out: CorpusModel[] = [];
  for (const name of readdirSync(folder)) {
    const m = MODEL_FILE.exec(name);
    if (m === null) continue;
    const at = new Date(`${m[2]}-${m[3]}-${m[4]}T${m[5]}:${m[6]}:${m[7]}.${m[8]}Z`);
    if (!Number.isNaN(at.getTime())) out.push({ path: join(folder, name), kind: m[1]!, at });
  }
  return out.sort((a, b) => b.at.getTime() - a.at.getTime() || (a.path < b.path ? 1 : a.path > b.path ? -1 : 0));
}

/**
 * Save a trained model into `<dir>/models/` as `<kind>-<UTC time>.json`, atomically (temp file, fsync, rename), and
 * return its path. A name already taken (two trainings in one millisecond) moves on by a millisecond: nothing is
 * overwritten.
 */
export function writeCorpusModel(dir: string, kind: string, json: string, at: Date = new Date()): string {
  const folder = join(dir, MODELS_DIR);
  mkdirSync(folder, { recursive: true });
  let time = at.getTime();
  let path = join(folder, modelFileName(kind, new Date(time)));
  while (existsSync(path)) path = join(folder, modelFileName(kind, new Date(++time)));
  writeFileAtomic(path, json);
  return path;
}
