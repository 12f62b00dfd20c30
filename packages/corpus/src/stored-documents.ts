import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { StanceDocument } from '@stance/schema';
import { DOCUMENTS_DIR, documentPath } from './corpus-files.ts';
import { parseDocumentFile } from './document-file.ts';
import { readTextFile } from './read-text-file.ts';

/**
 * The ids of a corpus's stored documents (`documents/<id>.json`; hidden files, such as a write's temporary file, are
 * skipped), in code-unit order, not locale order: the same on every machine. No documents folder: none.
 */
export function storedDocumentIds(dir: string): string[] {
  const folder = join(dir, DOCUMENTS_DIR);
  if (!existsSync(folder)) return [];
  return readdirSync(folder)
    .filter((f) => f.endsWith('.json') && !f.startsWith('.'))
    .map((f) => f.slice(0, -'.json'.length))
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/**
 * Read and check one stored document, the one reader of `documents/<id>.json` (loadCorpus and the streaming export use
 * it; ingest, which compares the bytes, parses them with the same function): strict UTF-8, known fields only, the id
 * matching the file name; errors name the file (and the line of a JSON error).
 */
export function readStoredDocument(dir: string, id: string): StanceDocument {
  const path = documentPath(dir, id);
  return parseDocumentFile(readTextFile(path), path, id);
}
