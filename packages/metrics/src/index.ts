export type { AgreementOptions, AgreementReport, LabelAgreement, PairAgreement } from './agreement-report.ts';
export { agreementReport } from './agreement-report.ts';
export type { BootstrapOptions, Interval } from './bootstrap.ts';
export { BOOTSTRAP_DEFAULTS, bootstrapCI, bootstrapSumCIs, percentileInterval } from './bootstrap.ts';
export type { ClassificationReport, ClassScores, ConfusionMatrix } from './classification.ts';
export {
  accuracyFromCounts,
  classificationReport,
  classScoresFromCounts,
  confusionMatrix,
  macroF1FromCounts,
  scoresFromConfusion,
} from './classification.ts';
export type { CohenResult } from './cohen.ts';
export { cohenFromConfusion, cohenKappa } from './cohen.ts';
export { fleissKappa, fleissKappaPerCategory, specificAgreement } from './fleiss.ts';
export type {
  Adjudication,
  Exclusion,
  ExclusionReason,
  GoldLabel,
  GoldOptions,
  GoldResult,
  GoldSource,
} from './gold.ts';
export { goldLabels } from './gold.ts';
export type { Judgement } from './judgements.ts';
export { krippendorffAlpha } from './krippendorff.ts';
export type { PairedInput, PairedOptions, PairedResult } from './paired-bootstrap.ts';
export { pairedBootstrap } from './paired-bootstrap.ts';
export { mulberry32 } from './prng.ts';
export { mean, quantileSorted, sd } from './summary.ts';
