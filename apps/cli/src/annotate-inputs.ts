import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { ModelFile } from '@stance/annotate';
import { readTextFile } from '@stance/corpus';
import { StanceError } from '@stance/schema';

// What `stance annotate` reads from a corpus folder besides documents and logs: the newest trained model and the
// assignment of documents to annotators. (When @stance/corpus gains readers for `models/` and `assignments.json`,
// these should become calls to them.)

/** The folder of a corpus that holds trained models; the annotation UI suggests with the newest one. */
export const MODELS_DIR = 'models';

// `logreg-20261125T235605.607Z.json`: a model `stance train` saved with the UTC time it was trained in its name.
const STAMPED = /^[a-z][a-z0-9]*-(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})\.(\d{3})Z\.json$/;

/**
 * The newest model file in `<corpus>/models/`: the latest training time in a `<kind>-<UTC time>.json` name, else
 * (no such file) `default.json`; null when there is neither. Other files in the folder are not models.
 */
export function newestModelFile(corpusDir: string): ModelFile | null {
  const folder = join(corpusDir, MODELS_DIR);
  if (!existsSync(folder)) return null;
  let best: ModelFile | null = null;
  for (const name of readdirSync(folder)) {
    const m = STAMPED.exec(name);
    if (m === null) continue;
    const stamp = Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +m[6]!, +m[7]!);
    if (Number.isNaN(stamp)) continue;
    if (best === null || stamp > best.stamp || (stamp === best.stamp && join(folder, name) > best.path))
      best = { path: join(folder, name), stamp };
  }
  if (best) return best;
  const fallback = join(folder, 'default.json');
  return existsSync(fallback) ? { path: fallback, stamp: statSync(fallback).mtimeMs } : null;
}

/**
 * The documents `<corpus>/assignments.json` gives `annotator` (shape `{"version": 1, "annotators": {"<name>":
 * ["<docId>", …]}, "overlap": [...]}`, as `stance assign` writes it); null without the file or when it names no list
 * for the annotator. A file that is not of that shape is a StanceError naming it.
 */
export function assignedDocuments(corpusDir: string, annotator: string): string[] | null {
  const path = join(corpusDir, 'assignments.json');
  if (!existsSync(path)) return null;
  let value: unknown;
  try {
    value = JSON.parse(readTextFile(path, path));
  } catch (error) {
    if (error instanceof StanceError) throw error;
    throw new StanceError(`not JSON (${(error as Error).message.split('\n')[0]})`, { where: path });
  }
  const v = value as { version?: unknown; annotators?: unknown };
  if (typeof value !== 'object' || value === null || v.version !== 1)
    throw new StanceError('not an assignments file (version 1)', { where: path });
  const annotators = v.annotators;
  if (typeof annotators !== 'object' || annotators === null || Array.isArray(annotators))
    throw new StanceError('"annotators" must be an object of document lists', { where: path });
  const list = (annotators as Record<string, unknown>)[annotator];
  if (list === undefined) return null;
  if (!Array.isArray(list) || !list.every((id) => typeof id === 'string'))
    throw new StanceError(`the list of ${annotator} must be a list of document ids`, { where: path });
  return list as string[];
}
