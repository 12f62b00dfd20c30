import type { Interval } from '@stance/metrics';
import type { ModelSpec } from './model-spec.ts';
import type { Comparison, Scores, ShareError } from './scores.ts';

/** A data file a benchmark read, with its SHA-256, for the reproducibility block. */
export interface DataFile {
  role: string;
  path: string;
  sha256: string;
  items: number;
}

/** Size and label counts of one side of the data. */
export interface DataSide {
  items: number;
  documents: number;
  counts: Record<string, number>;
}

/** One fold of a cross-validation: its size and the model's point figures on it. */
export interface FoldFigures {
  fold: number;
  items: number;
  macroF1: number;
  accuracy: number;
}

/** Mean and sample standard deviation over folds. */
export interface MeanSd {
  mean: number;
  sd: number;
}

/** Everything measured for one model; `error` is set (and figures left out) when it failed. */
export interface ModelReport {
  name: string;
  kind: ModelSpec['kind'];
  settings: Record<string, unknown>;
  error: string | null;
  scores: Scores | null;
  /** Cross-validation only: each fold and mean ± sd over folds. */
  folds: FoldFigures[] | null;
  cv: { macroF1: MeanSd; accuracy: MeanSd } | null;
  /** Document-level opinion-share error, when the data has documents and an opinion label. */
  documents: ShareError | null;
  timing: { trainMs: number; predictMs: number; trainItems: number; predictItems: number };
}

/** One point of a learning curve: a model trained on a share of the training data. */
export interface CurvePoint {
  model: string;
  share: number;
  trainItems: number;
  macroF1: Interval | null;
  error: string | null;
}

/** One annotator against gold on the items they labelled: the human ceiling. */
export interface HumanReport {
  annotator: string;
  scores: Scores;
}

/** The whole result of `stance bench`, as `--json` prints it. */
export interface BenchReport {
  format: 'stance-bench';
  version: 1;
  data: {
    mode: 'dataset' | 'split' | 'cv';
    files: DataFile[];
    labels: string[];
    map: Record<string, string>;
    /** On binary opinion-vs-rest data, the class the rules' `opinion` maps to and the class everything else maps to. */
    binaryOpinion: { opinion: string; rest: string } | null;
    train: DataSide;
    test: DataSide;
    cvFolds: number | null;
  };
  settings: { seed: number; resamples: number; level: number; timeoutSeconds: number; curve: number[] | null };
  models: ModelReport[];
  comparisons: Comparison[];
  curve: CurvePoint[];
  humans: HumanReport[];
  repro: {
    gitCommit: string;
    started: string;
    runSeconds: number;
    node: string;
    platform: string;
    versions: Record<string, string | number>;
  };
}
