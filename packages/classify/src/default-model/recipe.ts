import type { FeatureSettings } from '../features.ts';
import type { CombineOrder } from './combine.ts';
import { COMBINE_ORDERS } from './combine.ts';

/** One component's training recipe: which files, which label is "yes", how CV chooses its settings. */
export interface ComponentRecipe {
  /** Files (in the shared eval folder) whose CV chooses the settings: train data only. */
  selectOn: readonly string[];
  /** Files the final model is fitted on (the selection files plus labelled data never used to report). */
  fitOn: readonly string[];
  /** Gold labels that count as the positive class. */
  positive: readonly string[];
  /** Folds: stratified by label (no documents) or grouped by the `doc` field. */
  folds: 'stratified' | 'grouped';
  /** Seeds of the repeated k-fold split; the CV score is the mean over them. */
  seeds: readonly number[];
  k: number;
  /** Grid: logistic regression L2 penalties × feature min counts. */
  l2: readonly number[];
  minCount: readonly number[];
  /** Grid of the word-vector side: its L2 penalties × its share of the probability (0 = no word-vector side). */
  denseL2: readonly number[];
  denseShare: readonly number[];
}

/** The whole recipe of the default labeller; `version` changes whenever it or the code that applies it changes. */
export interface LabellerRecipe {
  version: string;
  /** Feature extraction shared by both components (min count is per component, from its grid). */
  features: Omit<FeatureSettings, 'minCount'>;
  opinion: ComponentRecipe;
  quote: ComponentRecipe;
  /** Combination orders compared on train data (each component's out-of-fold probabilities); ties go to the first. */
  combine: readonly CombineOrder[];
  licence: string;
}

/**
 * The recipe `pnpm build:model` follows. Word unigrams + the rule cues, no character n-grams: in exploratory runs
 * (CheckThat train CV, train → dev and train → dev_test) unigrams transferred as well as 1-2-grams with character
 * n-grams, at a third of the cost per sentence (the default must label ≥ 20,000 sentences a second).
 */
export const DEFAULT_RECIPE: LabellerRecipe = {
  version: 'default-labeller/7',
  features: { wordNgrams: 1, charNgrams: null, cues: true, context: true, stems: false },
  opinion: {
    selectOn: ['checkthat-subjectivity-en.train.jsonl'],
    fitOn: ['checkthat-subjectivity-en.train.jsonl', 'checkthat-subjectivity-en.dev.jsonl'],
    positive: ['SUBJ'],
    folds: 'stratified',
    seeds: [1, 2],
    k: 5,
    l2: [3e-3, 1e-2, 3e-2],
    minCount: [1, 2, 3],
    denseL2: [1e-5, 1e-4, 1e-3, 1e-2],
    denseShare: [0, 0.25, 0.5, 0.75, 1],
  },
  quote: {
    selectOn: ['polnear-attribution-en.train.jsonl'],
    fitOn: ['polnear-attribution-en.train.jsonl'],
    positive: ['direct', 'indirect'],
    folds: 'grouped',
    seeds: [1],
    k: 5,
    l2: [1e-5, 3e-5, 1e-4],
    minCount: [1, 2],
    denseL2: [1e-5, 1e-4, 1e-3, 1e-2],
    denseShare: [0, 0.25, 0.5, 0.75, 1],
  },
  combine: COMBINE_ORDERS,
  licence:
    'Weights derived from CLEF CheckThat! 2024 subjectivity data (CC BY-NC-SA 4.0) and PolNeAR 1.0 (research use ' +
    'only): for research and non-commercial use only. The code that reads them has its own licence.',
};

/** Sentences written for the record (not from any data set): their component probabilities are stored as probes. */
export const PROBE_SENTENCES: readonly string[] = [
  'The council approved the budget on Tuesday by seven votes to four.',
  '“We will not close the depot,” the director said.',
  'The minister said the scheme would be reviewed next year.',
  'This is a shameful waste of public money.',
  'Frankly, nobody should believe a word of it.',
  'Who, exactly, asked for a fourth stadium?',
  'Unemployment in the region fell to 6.1% in the third quarter.',
  'Critics argue the plan is reckless.',
  "''We will not close the depot,'' the director said, ''not this year.''",
];
