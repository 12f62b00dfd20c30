import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Guideline } from '@stance/corpus';
import {
  DOCUMENTS_DIR,
  documentPath,
  documentSentences,
  GUIDELINES_FILE,
  readGold,
  readTextFile,
} from '@stance/corpus';
import type { Sentence, StanceDocument } from '@stance/schema';
import { isValidDocumentId, StanceError } from '@stance/schema';
import type { ReferenceLabel } from './resolve-gold.ts';

/** A corpus read one document at a time: what an export or an agreement run needs, and no more. */
export interface CorpusSource {
  dir: string;
  guideline: Guideline | null;
  /** Document ids, sorted by code unit (the same order as `loadCorpus`). */
  documentIds: string[];
  /** A document and its sentences, read and segmented on demand (nothing is cached). */
  document(id: string): { doc: StanceDocument; sentences: Sentence[] };
  /** The team's reference labels (`gold.jsonl`) by sentence id. */
  reference: Map<string, ReferenceLabel>;
}

/** Read a stored document file; a light check of the fields the export uses (ingest validated the rest). */
function readDocument(dir: string, id: string): StanceDocument {
  const path = documentPath(dir, id);
  let value: unknown;
  try {
    value = JSON.parse(readTextFile(path));
  } catch (error) {
    if (error instanceof StanceError) throw error;
    throw new StanceError(`malformed document file (${(error as Error).message.split('\n')[0]})`, { where: path });
  }
  const doc = value as Partial<StanceDocument> | null;
  if (
    doc === null ||
    typeof doc !== 'object' ||
    typeof doc.text !== 'string' ||
    doc.id !== id ||
    !isValidDocumentId(id)
  ) {
    throw new StanceError('not a stored document ({id, title, text}, id matching the file name)', { where: path });
  }
  return { ...doc, id, title: typeof doc.title === 'string' ? doc.title : id, text: doc.text } as StanceDocument;
}

/** The guidelines' `Version: X.Y` and text, or null without a GUIDELINES.md. */
function readGuideline(dir: string): Guideline | null {
  const path = join(dir, GUIDELINES_FILE);
  if (!existsSync(path)) return null;
  const text = readTextFile(path);
  const version = /^Version:[ \t]*(\S+)[ \t]*$/m.exec(text)?.[1];
  if (version === undefined) throw new StanceError('no "Version: X.Y" line in the guidelines', { where: path });
  return { version, text };
}

// `loadCorpus` keeps every document and sentence in memory (the naive peer of bench:export, built on it and on
// readAllLogs, peaks at 2.9 GB for a million sentences); an export streams, so it lists the document files and
// segments each one when its turn comes, with the same `documentSentences` as `loadCorpus`, so ids match.
/** Open the corpus folder at `dir` for streaming. A missing folder is a StanceError. */
export function openCorpus(dir: string): CorpusSource {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new StanceError('no such corpus folder', { where: dir });
  const folder = join(dir, DOCUMENTS_DIR);
  const documentIds = existsSync(folder)
    ? readdirSync(folder)
        .filter((f) => f.endsWith('.json') && !f.startsWith('.'))
        .map((f) => f.slice(0, -'.json'.length))
        .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
    : [];
  const reference = new Map<string, ReferenceLabel>();
  for (const g of readGold(dir)) reference.set(g.sentence, { label: g.label, textHash: g.textHash });
  return {
    dir,
    guideline: readGuideline(dir),
    documentIds,
    reference,
    document(id) {
      const doc = readDocument(dir, id);
      return { doc, sentences: documentSentences(doc) };
    },
  };
}
