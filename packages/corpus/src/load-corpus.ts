import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Sentence, StanceDocument } from '@stance/schema';
import { checkCorpusFolder, RETIRED_FILE } from './corpus-files.ts';
import { documentSentences } from './document-sentences.ts';
import { type Guideline, readGuideline } from './guideline.ts';
import { readJsonl } from './read-jsonl.ts';
import { type RetiredSentence, validateRetired } from './retired.ts';
import { cachedSentences, readSegmentationCache, writeSegmentationCache } from './segmentation-cache.ts';
import { readStoredDocument, storedDocumentIds } from './stored-documents.ts';

/** A loaded corpus: documents sorted by id, every sentence in document then index order, and lookups. */
export interface Corpus {
  dir: string;
  guideline: Guideline | null;
  documents: StanceDocument[];
  sentences: Sentence[];
  /** The sentences of one document, in order (empty for an unknown id). */
  sentencesOf(docId: string): Sentence[];
  /** A live sentence by id. */
  sentence(id: string): Sentence | undefined;
  /** Sentences of earlier versions of changed documents, by id, so labels on them stay resolvable. */
  retired: Map<string, RetiredSentence>;
  /** How many documents came from the segmentation cache, and how many were segmented anew. */
  segmentation: { cached: number; segmented: number; cacheCurrent: boolean };
}

/** The retired sentences, by id. */
export function readRetired(dir: string): Map<string, RetiredSentence> {
  const path = join(dir, RETIRED_FILE);
  const retired = new Map<string, RetiredSentence>();
  if (!existsSync(path)) return retired;
  for (const r of readJsonl(path, validateRetired)) retired.set(r.id, r);
  return retired;
}

/**
 * Load the corpus folder at `dir`: guidelines, documents (segmented into sentences with stable ids, or their
 * segmentation read from the cache where it is current) and retired sentences. A missing folder or a malformed file
 * is a StanceError naming the file. Loading writes nothing: `saveSegmentationCache` does.
 */
export function loadCorpus(dir: string): Corpus {
  checkCorpusFolder(dir);
  const guideline = readGuideline(dir);
  const documents = storedDocumentIds(dir).map((id) => readStoredDocument(dir, id));
  const byDoc = new Map<string, Sentence[]>();
  const sentences: Sentence[] = [];
  const cache = readSegmentationCache(dir);
  let cached = 0;
  for (const doc of documents) {
    const fromCache = cachedSentences(cache, doc);
    if (fromCache !== null) cached++;
    const own = fromCache ?? documentSentences(doc);
    byDoc.set(doc.id, own);
    for (const s of own) sentences.push(s);
  }
  // Built on first use: hashing 100k ids costs a noticeable share of the load, and the UI's first frame needs none.
  let byId: Map<string, Sentence> | undefined;
  return {
    dir,
    guideline,
    documents,
    sentences,
    sentencesOf: (docId) => byDoc.get(docId) ?? [],
    sentence: (id) => {
      byId ??= new Map(sentences.map((s) => [s.id, s]));
      return byId.get(id);
    },
    retired: readRetired(dir),
    segmentation: {
      cached,
      segmented: documents.length - cached,
      // Current when every document came from it and it holds no other (a removed document's entry is dead weight).
      cacheCurrent: cache !== null && cached === documents.length && cache.documents.size === documents.length,
    },
  };
}

/**
 * Write the corpus's segmentation cache unless it is current, so the next load skips segmenting (the annotation UI
 * calls this when its session ends; `ingestPaths` caches the documents it writes itself); false when it could not be
 * written.
 */
export function saveSegmentationCache(corpus: Corpus): boolean {
  if (corpus.segmentation.cacheCurrent) return true;
  const written = writeSegmentationCache(corpus.dir, corpus.documents, corpus.sentencesOf);
  if (written) corpus.segmentation = { cached: corpus.documents.length, segmented: 0, cacheCurrent: true };
  return written;
}
