import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Sentence, StanceDocument } from '@stance/schema';
import { StanceError } from '@stance/schema';
import { DOCUMENTS_DIR, GUIDELINES_FILE, RETIRED_FILE } from './corpus-files.ts';
import { parseDocumentFile } from './document-file.ts';
import { documentSentences } from './document-sentences.ts';
import { readJsonl } from './read-jsonl.ts';
import { readTextFile } from './read-text-file.ts';
import { type RetiredSentence, validateRetired } from './retired.ts';

/** The annotation guidelines: the `Version: X.Y` line's value and the whole text. */
export interface Guideline {
  version: string;
  text: string;
}

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
}

/** Read `GUIDELINES.md` if there is one; its `Version:` line is required then. */
function readGuideline(dir: string): Guideline | null {
  const path = join(dir, GUIDELINES_FILE);
  if (!existsSync(path)) return null;
  const text = readTextFile(path);
  const version = /^Version:[ \t]*(\S+)[ \t]*$/m.exec(text)?.[1];
  if (version === undefined) throw new StanceError('no "Version: X.Y" line in the guidelines', { where: path });
  return { version, text };
}

/** Every stored document, sorted by id. */
function readDocuments(dir: string): StanceDocument[] {
  const folder = join(dir, DOCUMENTS_DIR);
  if (!existsSync(folder)) return [];
  const ids = readdirSync(folder)
    .filter((f) => f.endsWith('.json') && !f.startsWith('.'))
    .map((f) => f.slice(0, -'.json'.length))
    // Code-unit order, not locale order: the same on every machine.
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return ids.map((id) => {
    const path = join(folder, `${id}.json`);
    return parseDocumentFile(readTextFile(path), path, id);
  });
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
 * Load the corpus folder at `dir`: guidelines, documents (segmented into sentences with stable ids) and retired
 * sentences. A missing folder or a malformed file is a StanceError naming the file.
 */
export function loadCorpus(dir: string): Corpus {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new StanceError('no such corpus folder', { where: dir });
  const guideline = readGuideline(dir);
  const documents = readDocuments(dir);
  const byDoc = new Map<string, Sentence[]>();
  const sentences: Sentence[] = [];
  for (const doc of documents) {
    const own = documentSentences(doc);
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
  };
}
