export type { ExternalResult, ExternalRun } from './external-model.ts';
export { parseAnswers, runExternalModel } from './external-model.ts';
export { groupedStratifiedFolds, groupItems, seededShuffle, trainingSubset } from './folds.ts';
export type { BenchItem } from './items.ts';
export { groupOf, mapLabels, parseItems, parseLabelMap } from './items.ts';
export { binaryOpinion, evaluationLabels, mapModelLabel, OUTSIDE, opinionLabel } from './labels.ts';
export type { ModelSpec } from './model-spec.ts';
export {
  BUILT_IN_MODELS,
  looksLikePath,
  MODEL_NAMES,
  parseModelSpec,
  parseModelSpecs,
  parseTrainOptions,
  TRAIN_OPTION_KEYS,
} from './model-spec.ts';
export { passesTenth, progressLine } from './progress.ts';
export type { DatasetData } from './read-data.ts';
export { isFolder, readDataset, readItemsFile, sha256Text } from './read-data.ts';
export { renderHtml } from './render-html.ts';
export { renderMarkdown } from './render-markdown.ts';
export { renderText } from './render-text.ts';
export type {
  BenchReport,
  CurvePoint,
  DataFile,
  DataSide,
  FoldFigures,
  HumanReport,
  MeanSd,
  ModelReport,
} from './report.ts';
export { gitCommit } from './repro.ts';
export type { BenchData, BenchOptions, RawJudgement } from './run-bench.ts';
export { BENCH_VERSION, runBench } from './run-bench.ts';
export type { ModelRun, RunContext } from './run-model.ts';
export { majorityLabel, predictWithModel, runModel } from './run-model.ts';
export type {
  ClassFigures,
  Comparison,
  Confusion,
  DocumentShare,
  ResampleOptions,
  Scores,
  ShareError,
} from './scores.ts';
export { compareModels, opinionShareError, scorePredictions } from './scores.ts';
export { confusionCharts, learningCurveChart, perClassChart } from './svg-charts.ts';
export type { Table } from './tables.ts';
export { reportTables } from './tables.ts';
export { HTML_REPORT_FILE, writeHtmlReport } from './write-report.ts';
