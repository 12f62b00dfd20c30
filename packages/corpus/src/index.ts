export {
  ASSIGNMENTS_FILE,
  ASSIGNMENTS_VERSION,
  type Assignments,
  assignmentsPath,
  formatAssignments,
  parseAssignments,
  readAssignments,
  writeAssignments,
} from './assignments.ts';
export { collectSources, isLabelSidecar, type SourceFile } from './collect-sources.ts';
export { checkCorpusFolder, DOCUMENTS_DIR, documentPath, GUIDELINES_FILE, RETIRED_FILE } from './corpus-files.ts';
export { serializeDocument } from './document-file.ts';
export { documentSentences } from './document-sentences.ts';
export { GOLD_FILE, type GoldLabel, readGold, writeGold } from './gold.ts';
export { type Guideline, readGuideline } from './guideline.ts';
export {
  type DocumentOutcome,
  type DocumentStatus,
  type FileReport,
  type IngestOptions,
  type IngestReport,
  ingestPaths,
} from './ingest.ts';
export { type Corpus, loadCorpus, saveSegmentationCache } from './load-corpus.ts';
export { type CorpusModel, corpusModels, MODELS_DIR, modelFileName, writeCorpusModel } from './models.ts';
export { normalizeDocumentText } from './normalize-document-text.ts';
export { isSupportedSource, parseSource, SUPPORTED_EXTENSIONS } from './parse-source.ts';
export {
  type AssignableDocument,
  type AssignmentPlan,
  type PlanOptions,
  planAssignments,
} from './plan-assignments.ts';
export { type JsonlValidator, parseJsonl, readJsonl } from './read-jsonl.ts';
export { type JsonlFile, readJsonlFile } from './read-jsonl-stream.ts';
export { decodeUtf8, hasUtf8Bom, readFileBytes, readTextFile } from './read-text-file.ts';
export type { RetiredSentence } from './retired.ts';
export { SEGMENTATION_CACHE_FILE, segmenterFingerprint } from './segmentation-cache.ts';
export type { ParseOptions, SourceDocument } from './source-document.ts';
export { checkNotEmpty } from './source-document.ts';
export { readStoredDocument, storedDocumentIds } from './stored-documents.ts';
