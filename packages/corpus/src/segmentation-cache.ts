import { hash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Sentence, StanceDocument } from '@stance/schema';
import { writeFileAtomic } from '@stance/store';
import { documentSentences } from './document-sentences.ts';

// Segmenting a corpus and hashing its sentence ids is most of loading one (about half a second at 100,000 sentences),
// and it gives the same answer every time for the same text. So the answer is kept beside the documents, keyed by each
// document's content hash and by a fingerprint of the segmenter, and checked on every read: a stale or damaged cache
// costs a re-segmentation, never a wrong sentence.

/** The cache, relative to a corpus folder. Hidden, and ignored by git through its own `.gitignore`. */
export const SEGMENTATION_CACHE_FILE = '.cache/sentences.json';

/** Bump when the cache's layout changes, or when segmentation or ids change in a way the probe below would miss. */
const CACHE_VERSION = 1;

// Text that touches the segmenter's rules (abbreviations, initials, decimals, ellipses, quotations carried over,
// headings, list items, line breaks, a URL, an invisible character after a stop, a block quotation's empty `>` line)
// and the ids' normalisation (repeats, white space). Its sentences and ids are hashed into the fingerprint, so a
// change to either that shows here invalidates every cache.
const PROBE = [
  '# A heading\n\nDr. Smith met J. R. R. Tolkien at 10 a.m. on Jan. 5. He said: “It costs $4.5 bn… really.” Then he left!',
  '“We tried everything. The bank would not listen,” said Ms. Brenner. Is it 3.14? Yes.  Yes.\nYes.',
  '- first item\n- second item, see https://example.org/a.b?c=d. Then (in 2024) the U.S. vote came... Who knows?!',
  'Line one without a stop\nLine two. ‘Single quotes,’ she wrote. pp. 4-5 of vol. 2 say so. A. Next one. Yes.',
  'Pasted from the web.\u200b An invisible character follows the stop.',
  '> A block quotation. Its second sentence.\n>\n> Its second paragraph.',
].join('\n\n');

let fingerprint: string | undefined;

/** What the cache is valid for: its version plus the probe's sentences and ids as this build segments them. */
export function segmenterFingerprint(): string {
  fingerprint ??= `${CACHE_VERSION}:${hash(
    'sha256',
    JSON.stringify(documentSentences({ id: 'probe', title: '', text: PROBE }).map((s) => [s.start, s.end, s.id])),
    'base64',
  )}`;
  return fingerprint;
}

/** One document's cached segmentation: its text's hash, sentence offsets as [start, end, …], id suffixes. */
interface CachedDocument {
  hash: string;
  spans: number[];
  ids: string[];
}

/** A corpus's segmentation as read from or written to the cache. */
export interface SegmentationCache {
  documents: Map<string, CachedDocument>;
}

/** The hash a document's cache entry is keyed by. */
const textKey = (text: string) => hash('sha256', text, 'base64');

/** The cache of the corpus at `dir` when it is there, readable and made by this segmenter; else null (never throws). */
export function readSegmentationCache(dir: string): SegmentationCache | null {
  try {
    const path = join(dir, SEGMENTATION_CACHE_FILE);
    if (!existsSync(path)) return null;
    const data = JSON.parse(readFileSync(path, 'utf8')) as unknown;
    if (typeof data !== 'object' || data === null) return null;
    const { segmenter, documents } = data as { segmenter?: unknown; documents?: unknown };
    if (segmenter !== segmenterFingerprint() || typeof documents !== 'object' || documents === null) return null;
    return { documents: new Map(Object.entries(documents as Record<string, CachedDocument>)) };
  } catch {
    // A damaged or unreadable cache is only a slower load.
    return null;
  }
}

/**
 * The sentences of `doc` from the cache, or null when the cache has none for its current text. Every entry is checked
 * for shape and bounds (a hand-edited or truncated cache must not yield a sentence outside its document).
 */
export function cachedSentences(cache: SegmentationCache | null, doc: StanceDocument): Sentence[] | null {
  const entry = cache?.documents.get(doc.id);
  if (entry === undefined || !Array.isArray(entry.spans) || !Array.isArray(entry.ids)) return null;
  const { spans, ids } = entry;
  if (spans.length !== ids.length * 2 || entry.hash !== textKey(doc.text)) return null;
  const sentences = new Array<Sentence>(ids.length);
  let previousEnd = 0;
  for (let index = 0; index < ids.length; index++) {
    const start = spans[2 * index];
    const end = spans[2 * index + 1];
    const suffix = ids[index];
    if (
      !Number.isInteger(start) ||
      !Number.isInteger(end) ||
      typeof suffix !== 'string' ||
      (start as number) < previousEnd ||
      (end as number) <= (start as number) ||
      (end as number) > doc.text.length
    )
      return null;
    previousEnd = end as number;
    sentences[index] = {
      id: `${doc.id}:${suffix}`,
      docId: doc.id,
      index,
      start: start as number,
      end: end as number,
      text: doc.text.slice(start, end),
    };
  }
  return sentences;
}

/** The cache entry for a document's sentences. */
function entryOf(doc: StanceDocument, sentences: readonly Sentence[]): CachedDocument {
  const spans: number[] = [];
  for (const s of sentences) spans.push(s.start, s.end);
  const prefix = doc.id.length + 1;
  return { hash: textKey(doc.text), spans, ids: sentences.map((s) => s.id.slice(prefix)) };
}

/**
 * Write the cache for these documents and their sentences (as `loadCorpus` gave them), atomically, with a
 * `.gitignore` so the cache never shows in `git status`. Returns false, having written nothing, where the corpus
 * can not be written to (a read-only checkout, say): the cache is an optimisation, never a requirement.
 */
export function writeSegmentationCache(
  dir: string,
  documents: readonly StanceDocument[],
  sentencesOf: (docId: string) => readonly Sentence[],
): boolean {
  const entries = new Map<string, CachedDocument>();
  for (const doc of documents) entries.set(doc.id, entryOf(doc, sentencesOf(doc.id)));
  return writeEntries(dir, entries);
}

/**
 * Put these documents' sentences (segmented by the caller, as ingest does to plan its writes) into the cache, keeping
 * its other entries; a cache that is missing or not this segmenter's is started afresh. Best effort, as above.
 */
export function updateSegmentationCache(
  dir: string,
  segmented: readonly { document: StanceDocument; sentences: readonly Sentence[] }[],
): boolean {
  const entries = readSegmentationCache(dir)?.documents ?? new Map<string, CachedDocument>();
  for (const { document, sentences } of segmented) entries.set(document.id, entryOf(document, sentences));
  return writeEntries(dir, entries);
}

/** Write the cache file from its entries (see writeSegmentationCache). */
function writeEntries(dir: string, entries: ReadonlyMap<string, CachedDocument>): boolean {
  try {
    const folder = join(dir, '.cache');
    mkdirSync(folder, { recursive: true });
    const ignore = join(folder, '.gitignore');
    if (!existsSync(ignore)) writeFileSync(ignore, '# stance: derived data, rebuilt when missing\n*\n');
    writeFileAtomic(
      join(dir, SEGMENTATION_CACHE_FILE),
      JSON.stringify({
        format: 'stance-segmentation',
        segmenter: segmenterFingerprint(),
        documents: Object.fromEntries(entries),
      }),
    );
    return true;
  } catch {
    return false;
  }
}
