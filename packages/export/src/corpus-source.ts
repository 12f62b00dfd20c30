import type { Guideline } from '@stance/corpus';
import {
  checkCorpusFolder,
  documentSentences,
  readGold,
  readGuideline,
  readStoredDocument,
  storedDocumentIds,
} from '@stance/corpus';
import type { Sentence, StanceDocument } from '@stance/schema';
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

// `loadCorpus` keeps every document and sentence in memory (the naive peer of bench:export, built on it and on
// readAllLogs, peaks at 2.9 GB for a million sentences); an export streams, so it lists the document files and
// segments each one when its turn comes, with the same reader (`readStoredDocument`) and `documentSentences` as
// `loadCorpus`, so documents are checked alike and ids match.
/** Open the corpus folder at `dir` for streaming. A missing folder is a StanceError. */
export function openCorpus(dir: string): CorpusSource {
  checkCorpusFolder(dir);
  const documentIds = storedDocumentIds(dir);
  const reference = new Map<string, ReferenceLabel>();
  for (const g of readGold(dir)) reference.set(g.sentence, { label: g.label, textHash: g.textHash });
  return {
    dir,
    guideline: readGuideline(dir),
    documentIds,
    reference,
    document(id) {
      const doc = readStoredDocument(dir, id);
      return { doc, sentences: documentSentences(doc) };
    },
  };
}
