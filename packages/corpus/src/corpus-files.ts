import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { StanceError } from '@stance/schema';

/** Folder of stored documents inside a corpus. */
export const DOCUMENTS_DIR = 'documents';
/** Sentences of earlier document versions, one JSON line each. */
export const RETIRED_FILE = 'retired.jsonl';
/** The annotation guidelines, with a `Version: X.Y` line. */
export const GUIDELINES_FILE = 'GUIDELINES.md';

/** Path of a stored document. */
export function documentPath(corpus: string, id: string): string {
  return join(corpus, DOCUMENTS_DIR, `${id}.json`);
}

/** Refuse a corpus folder that is not there (or is a file): every reader of a corpus starts with this. */
export function checkCorpusFolder(dir: string): void {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new StanceError('no such corpus folder', { where: dir });
}
