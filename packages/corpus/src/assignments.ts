import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { isValidAnnotatorName, isValidDocumentId, StanceError } from '@stance/schema';
import { writeFileAtomic } from '@stance/store';
import { plainObject } from './plain-object.ts';
import { readTextFile } from './read-text-file.ts';

/** The file inside a corpus folder that says which annotator labels which documents. */
export const ASSIGNMENTS_FILE = 'assignments.json';

/** The version of the assignments file this code reads and writes. */
export const ASSIGNMENTS_VERSION = 1;

/**
 * Which documents each annotator labels (`<corpus>/assignments.json`). `overlap` lists the documents every annotator
 * labels (for agreement); each annotator's list includes them. Lists are sorted by code unit, annotators by name.
 */
export interface Assignments {
  version: typeof ASSIGNMENTS_VERSION;
  /** The seed the plan was drawn with; a re-run that keeps the plan keeps the seed. */
  seed: number;
  overlap: string[];
  annotators: Record<string, string[]>;
}

/** Path of the assignments file of the corpus at `dir`. */
export function assignmentsPath(dir: string): string {
  return join(dir, ASSIGNMENTS_FILE);
}

/** Code-unit order: the same on every machine, as document ids are sorted everywhere else. */
function byCodeUnit(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** A list of distinct document ids, or a StanceError naming what is wrong with it. */
function documentList(value: unknown, where: string, what: string): string[] {
  if (!Array.isArray(value)) throw new StanceError(`${what} must be a list of document ids`, { where });
  const seen = new Set<string>();
  for (const id of value) {
    if (typeof id !== 'string' || !isValidDocumentId(id))
      throw new StanceError(`${what} holds ${JSON.stringify(id)}, which is not a document id`, { where });
    if (seen.has(id)) throw new StanceError(`${what} lists document ${id} twice`, { where });
    seen.add(id);
  }
  return [...seen].sort(byCodeUnit);
}

/**
 * Check a parsed assignments file: version 1, a whole-number seed, document ids, annotator names by the rule of
 * annotator logs (`isValidAnnotatorName`, so every name here can name a log), and every overlap document in every
 * annotator's list. Errors are StanceErrors at `where`.
 */
export function parseAssignments(value: unknown, where: string): Assignments {
  const object = plainObject(value, where, 'an assignments file');
  if (object['version'] !== ASSIGNMENTS_VERSION)
    throw new StanceError(
      `unsupported assignments version ${JSON.stringify(object['version'])} (expected ${ASSIGNMENTS_VERSION})`,
      { where },
    );
  const seed = object['seed'];
  if (typeof seed !== 'number' || !Number.isSafeInteger(seed))
    throw new StanceError('"seed" must be a whole number', { where });
  const overlap = documentList(object['overlap'], where, '"overlap"');
  const annotators: Record<string, string[]> = {};
  const raw = plainObject(object['annotators'], where, '"annotators"');
  for (const name of Object.keys(raw).sort(byCodeUnit)) {
    if (!isValidAnnotatorName(name))
      throw new StanceError(`${JSON.stringify(name)} is not a valid annotator name`, { where });
    const list = documentList(raw[name], where, `the list of ${name}`);
    const own = new Set(list);
    const missing = overlap.find((id) => !own.has(id));
    if (missing !== undefined)
      throw new StanceError(`the list of ${name} lacks overlap document ${missing} (everyone labels the overlap)`, {
        where,
      });
    annotators[name] = list;
  }
  return { version: ASSIGNMENTS_VERSION, seed, overlap, annotators };
}

/** The assignments of the corpus at `dir`, or null when it has none. A malformed file is a StanceError naming it. */
export function readAssignments(dir: string): Assignments | null {
  const path = assignmentsPath(dir);
  if (!existsSync(path)) return null;
  let value: unknown;
  try {
    value = JSON.parse(readTextFile(path));
  } catch (error) {
    if (error instanceof StanceError) throw error;
    throw new StanceError(`not JSON (${(error as Error).message.split('\n')[0]})`, { where: path });
  }
  return parseAssignments(value, path);
}

/** The file's text: keys in a fixed order, one document id a line, so a re-plan shows as a small git diff. */
export function formatAssignments(assignments: Assignments): string {
  const annotators: Record<string, string[]> = {};
  for (const name of Object.keys(assignments.annotators).sort(byCodeUnit))
    annotators[name] = [...assignments.annotators[name]!].sort(byCodeUnit);
  const ordered = {
    version: ASSIGNMENTS_VERSION,
    seed: assignments.seed,
    overlap: [...assignments.overlap].sort(byCodeUnit),
    annotators,
  };
  return `${JSON.stringify(ordered, null, 2)}\n`;
}

/** Replace the corpus's `assignments.json` atomically (temp file in the folder, fsync, rename). */
export function writeAssignments(dir: string, assignments: Assignments): void {
  parseAssignments(JSON.parse(formatAssignments(assignments)), 'assignments');
  writeFileAtomic(assignmentsPath(dir), formatAssignments(assignments));
}
