import { join } from 'node:path';

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
