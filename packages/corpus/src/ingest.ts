import { existsSync, mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Sentence, StanceDocument } from '@stance/schema';
import { fileError, StanceError, textHash } from '@stance/schema';
import { removeStaleTemps, syncFolder, writeFileAtomic } from '@stance/store';
import { collectSources } from './collect-sources.ts';
import { DOCUMENTS_DIR, documentPath, RETIRED_FILE } from './corpus-files.ts';
import { canonicalDocument, parseDocumentFile, serializeDocument } from './document-file.ts';
import { documentSentences } from './document-sentences.ts';
import { readRetired } from './load-corpus.ts';
import { parseSource } from './parse-source.ts';
import { readTextFile } from './read-text-file.ts';
import { type RetiredSentence, serializeRetired } from './retired.ts';
import { updateSegmentationCache } from './segmentation-cache.ts';
import type { ParseOptions } from './source-document.ts';
import { storedDocumentIds } from './stored-documents.ts';

/** What to ingest into, and how to read `.csv` files. */
export interface IngestOptions extends ParseOptions {
  /** The corpus folder; created when missing. */
  corpus: string;
  /** Folder relative input paths resolve against. @default process.cwd() */
  cwd?: string | undefined;
  /** Check and report, write nothing. @default false */
  dryRun?: boolean | undefined;
}

/** What happened to one document. */
export type DocumentStatus = 'added' | 'unchanged' | 'changed';

/** One document's outcome; `retired` lists the sentence ids its earlier version had and this one has not. */
export interface DocumentOutcome {
  id: string;
  where: string;
  status: DocumentStatus;
  sentences: number;
  retired: string[];
}

/** One input file's outcome. */
export interface FileReport {
  file: string;
  added: number;
  unchanged: number;
  changed: number;
  retired: number;
  documents: DocumentOutcome[];
}

/** The outcome of an ingest: per file, totals, and the number of documents in the corpus afterwards. */
export interface IngestReport {
  corpus: string;
  /** Leftover temporary files of an earlier, killed ingest that were removed (paths relative to the corpus). */
  removedTemps: string[];
  files: FileReport[];
  added: number;
  unchanged: number;
  changed: number;
  retired: number;
  documents: number;
}

/** A document ready to store, with its decided status. */
interface Planned {
  outcome: DocumentOutcome;
  document: StanceDocument;
  /** Its sentences, segmented once here: for the outcome, the retired ids and the segmentation cache. */
  sentences: Sentence[];
  bytes: string;
  retired: RetiredSentence[];
}

/** Decide what storing `document` does to the corpus, reading (and checking) its current version if any. */
function plan(corpus: string, document: StanceDocument, where: string): Planned {
  const path = documentPath(corpus, document.id);
  const bytes = serializeDocument(document);
  const sentences = documentSentences(document);
  const outcome = (status: DocumentStatus, retired: string[]): DocumentOutcome => ({
    id: document.id,
    where,
    status,
    sentences: sentences.length,
    retired,
  });
  if (!existsSync(path)) return { outcome: outcome('added', []), document, sentences, bytes, retired: [] };
  const stored = readTextFile(path);
  if (stored === bytes) return { outcome: outcome('unchanged', []), document, sentences, bytes, retired: [] };
  const old = parseDocumentFile(stored, path, document.id);
  const live = new Set(sentences.map((s) => s.id));
  const retired = documentSentences(old)
    .filter((s) => !live.has(s.id))
    .map((s) => ({ id: s.id, docId: s.docId, text: s.text, textHash: textHash(s.text) }));
  return {
    outcome: outcome(
      'changed',
      retired.map((r) => r.id),
    ),
    document,
    sentences,
    bytes,
    retired,
  };
}

/**
 * What a failed write leaves, for the error line: each document is written atomically, so the ones named are complete
 * and the rest untouched; running the same ingest again writes only what is missing.
 */
function partialIngest(written: readonly string[], planned: number): string {
  if (written.length === 0) return 'no document was written';
  if (written.length === planned) return `all ${planned} documents were written`;
  return `${written.length} of ${planned} documents were written (${written.join(', ')}); run the same ingest again to write the other ${planned - written.length}`;
}

/**
 * Ingest files and folders into a corpus. Everything is read and checked first (formats, empty documents, duplicate
 * ids, the stored versions of changed documents); only then is each file written atomically, so a failed ingest
 * leaves the corpus as it was. Re-ingesting the same input writes nothing.
 */
export function ingestPaths(paths: readonly string[], options: IngestOptions): IngestReport {
  const { corpus } = options;
  if (existsSync(corpus) && !statSync(corpus).isDirectory())
    throw new StanceError('corpus is not a folder', { where: corpus });
  if (paths.length === 0) throw new StanceError('nothing to ingest: name at least one file or folder');
  const sources = collectSources(paths, options.cwd ?? process.cwd());

  const seen = new Map<string, string>();
  const files: { file: string; planned: Planned[] }[] = [];
  for (const source of sources) {
    const parsed = parseSource(source.name, readTextFile(source.path, source.name), options);
    const planned: Planned[] = [];
    for (const { document, where } of parsed) {
      const first = seen.get(document.id);
      if (first !== undefined)
        throw new StanceError(`duplicate document id ${JSON.stringify(document.id)} (first at ${first})`, { where });
      seen.set(document.id, where);
      planned.push(plan(corpus, canonicalDocument(document), where));
    }
    files.push({ file: source.name, planned });
  }

  const all = files.flatMap((f) => f.planned);
  const oldRetired = readRetired(corpus);
  const grown = new Map(oldRetired);
  for (const p of all) for (const r of p.retired) if (!grown.has(r.id)) grown.set(r.id, r);
  // A document changed back to an earlier version revives those ids: they are live again, not retired.
  const final = new Map(grown);
  for (const p of all) if (p.outcome.status === 'changed') for (const s of p.sentences) final.delete(s.id);

  let removedTemps: string[] = [];
  if (!options.dryRun) {
    // Leftovers of an ingest killed while writing (hidden temp files of processes no longer running).
    removedTemps = [
      ...removeStaleTemps(corpus),
      ...removeStaleTemps(join(corpus, DOCUMENTS_DIR)).map((name) => `${DOCUMENTS_DIR}/${name}`),
    ];
    const retiredPath = join(corpus, RETIRED_FILE);
    const writeRetired = (map: Map<string, RetiredSentence>) => {
      const lines = [...map.values()].map(serializeRetired);
      writeFileAtomic(retiredPath, lines.length ? `${lines.join('\n')}\n` : '');
    };
    const writes = all.filter((p) => p.outcome.status !== 'unchanged');
    const written: string[] = [];
    try {
      // Retired sentences go to disk before the documents that retire them, so a crash in between can leave an extra
      // retired entry (harmless) but never a label whose sentence id resolves nowhere.
      if (grown.size !== oldRetired.size) {
        mkdirSync(corpus, { recursive: true });
        writeRetired(grown);
      }
      if (writes.length) mkdirSync(join(corpus, DOCUMENTS_DIR), { recursive: true });
      // One folder fsync for the batch instead of one per document: each file is still fsync'd before its rename.
      for (const p of writes) {
        writeFileAtomic(documentPath(corpus, p.document.id), p.bytes, { syncFolder: false });
        written.push(p.document.id);
      }
      if (writes.length) syncFolder(join(corpus, DOCUMENTS_DIR));
      if (final.size !== grown.size) writeRetired(final);
    } catch (error) {
      throw fileError(error, undefined, partialIngest(written, writes.length));
    }
    // The sentences segmented above, cached for the next load (the annotation UI's start-up): best effort, the
    // documents are written. Only when something was written: re-ingesting the same input writes nothing.
    if (writes.length) updateSegmentationCache(corpus, all);
  }

  const reports: FileReport[] = files.map(({ file, planned }) => {
    const documents = planned.map((p) => p.outcome);
    const count = (status: DocumentStatus) => documents.filter((d) => d.status === status).length;
    return {
      file,
      added: count('added'),
      unchanged: count('unchanged'),
      changed: count('changed'),
      retired: documents.reduce((n, d) => n + d.retired.length, 0),
      documents,
    };
  });
  const sum = (key: 'added' | 'unchanged' | 'changed' | 'retired') => reports.reduce((n, r) => n + r[key], 0);
  return {
    corpus,
    removedTemps,
    files: reports,
    added: sum('added'),
    unchanged: sum('unchanged'),
    changed: sum('changed'),
    retired: sum('retired'),
    documents: options.dryRun ? storedDocumentIds(corpus).length + sum('added') : storedDocumentIds(corpus).length,
  };
}
