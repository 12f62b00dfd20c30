import type { FeatureSettings } from '../features.ts';
import type { BinaryComponent } from './binary-scorer.ts';
import type { CombineOrder } from './combine.ts';

/** Version of the default-labeller file format. */
export const LABELLER_FORMAT_VERSION = 2;

/** One training file of the default labeller, as recorded in the weights file (never its text). */
export interface TrainingFile {
  /** File name inside the shared eval folder, e.g. `checkthat-subjectivity-en.train.jsonl`. */
  name: string;
  /** SHA-256 (hex) of the file's bytes. */
  sha256: string;
  examples: number;
  /** Examples per label, as the file has them. */
  counts: Record<string, number>;
}

/** How the labeller was built: enough to rebuild it and to tell whether the shipped weights are current. */
export interface LabellerProvenance {
  /** Version of the build recipe (`DEFAULT_RECIPE.version`); bumped whenever the recipe or its code changes. */
  recipe: string;
  files: TrainingFile[];
  /** The settings cross-validation chose, and every grid point's CV score (macro-F1), for the record. */
  chosen: Record<string, unknown>;
  cv: Record<string, number>;
  /** What the weights may be used for (the training data's licences). */
  licence: string;
}

/** A sentence with its component probabilities at build time: replayed by a test to catch feature drift. */
export interface Probe {
  text: string;
  opinion: number;
  quote: number;
}

/** Everything the default labeller is, as plain data: the JSON file `pnpm build:model` writes. */
export interface LabellerData {
  format: 'stance-labeller';
  version: number;
  name: string;
  /** Feature extraction shared by both components (their vocabularies differ). */
  features: FeatureSettings;
  /** Id of the word-vector table the components' word-vector sides read (absent: no word-vector side). */
  wordVectors?: string;
  /** How the components' decisions combine (absent: `opinion-first`, as version 1 did). */
  combine?: CombineOrder;
  /** Opinion vs rest, trained on CheckThat subjectivity (labels OBJ, SUBJ). */
  opinion: BinaryComponent;
  /** Quote vs rest, trained on PolNeAR attribution (labels none, quote). */
  quote: BinaryComponent;
  training: LabellerProvenance;
  probes: Probe[];
}
