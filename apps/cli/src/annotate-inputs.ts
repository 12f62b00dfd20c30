import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { ModelFile } from '@stance/annotate';
import { corpusModels, MODELS_DIR, readAssignments } from '@stance/corpus';

// What `stance annotate` reads from a corpus folder besides documents and logs, through @stance/corpus's readers
// (one implementation of each file's contract): the model to suggest with and this annotator's assigned documents.

/** A model kind the annotation UI never suggests with: sentence embeddings cost ~25 ms a sentence. */
const TOO_SLOW_KINDS: ReadonlySet<string> = new Set(['hybrid']);

/** A hand-placed model in `<corpus>/models/`, used when the folder holds no timestamped model. */
export const FALLBACK_MODEL_FILE = 'default.json';

/**
 * The model file the annotation UI suggests with: the newest `<kind>-<UTC time>.json` in `<corpus>/models/`
 * (`corpusModels`) that is not a hybrid (too slow for suggestions; a newer hybrid is passed over for the newest
 * model before it), else a hand-placed `models/default.json` (stamped with its modification time); null when there
 * is neither.
 */
export function suggestionModelFile(corpusDir: string): ModelFile | null {
  const newest = corpusModels(corpusDir).find((m) => !TOO_SLOW_KINDS.has(m.kind));
  if (newest) return { path: newest.path, stamp: newest.at.getTime() };
  const fallback = join(corpusDir, MODELS_DIR, FALLBACK_MODEL_FILE);
  return existsSync(fallback) ? { path: fallback, stamp: statSync(fallback).mtimeMs } : null;
}

/**
 * The documents `<corpus>/assignments.json` (`readAssignments`, as `stance assign` writes it) gives `annotator`;
 * null without the file or when it names no list for the annotator. A malformed file is a StanceError naming it.
 */
export function assignedDocuments(corpusDir: string, annotator: string): string[] | null {
  const assignments = readAssignments(corpusDir);
  // Own keys only: a name such as `constructor` is not a list every object inherits.
  if (assignments === null || !Object.hasOwn(assignments.annotators, annotator)) return null;
  return assignments.annotators[annotator]!;
}
