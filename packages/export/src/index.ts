export { cardHeader, datasetCard, formatInterval } from './card.ts';
export type { CollectedJudgements, StaleLabel } from './collect-judgements.ts';
export { collectJudgements } from './collect-judgements.ts';
export type { CorpusSource } from './corpus-source.ts';
export { openCorpus } from './corpus-source.ts';
export { croissant } from './croissant.ts';
export { csvCell, escapeCsvCell } from './csv.ts';
export type { ExportOptions, ExportSummary, SplitSummary } from './export-dataset.ts';
export { exportDataset } from './export-dataset.ts';
export type { Feature, FeatureType } from './features.ts';
export { DOCUMENT_FEATURES, featureNames, JUDGEMENT_FEATURES, SENTENCE_FEATURES } from './features.ts';
export type { LabelEntry, LabelIndex, LogInput, SentenceLabels } from './label-index.ts';
export { buildLabelIndex, corpusLogs } from './label-index.ts';
export { DATA_FILES } from './layout.ts';
export type { FileDigest } from './manifest.ts';
export { digestFolder, manifestText, parseManifest, sha256File } from './manifest.ts';
export { buildFolderAtomically } from './replace-folder.ts';
export type {
  ExportExclusionReason,
  ExportGoldSource,
  GoldDecision,
  GoldMode,
  ReferenceLabel,
} from './resolve-gold.ts';
export { GOLD_MODES, latestAdjudication, resolveGold } from './resolve-gold.ts';
export type { DocumentRow, JudgementRow, SentenceRow } from './rows.ts';
export type { SentenceGold } from './sentence-gold.ts';
export { sentenceGold } from './sentence-gold.ts';
export type { Split, SplitRatios } from './splits.ts';
export { DEFAULT_SEED, DEFAULT_SPLIT, documentDraw, parseSplitRatios, SPLITS, splitOf } from './splits.ts';
