import { StanceError } from '@stance/schema';
import { openAfter, quoteContext, startsQuoted } from './context.ts';
import { FeatureSpace } from './feature-space.ts';
import type { FeatureSettings } from './features.ts';
import type { LogisticOptions, LogisticParams } from './logistic-regression.ts';
import type { Model, ModelPrediction } from './model.ts';
import { softmaxPrediction } from './model.ts';
import type { NaiveBayesParams } from './naive-bayes.ts';

/** Version of the saved model format. */
export const MODEL_FORMAT_VERSION = 1;

/** Where a model's training data came from. */
export interface TrainingData {
  examples: number;
  /** SHA-256 (hex) of the training data: the file's bytes when trained from a file, else of the canonical JSONL. */
  sha256: string;
  /** Examples per label. */
  counts: Record<string, number>;
}

/** Everything a trained model is, as plain data; `modelToJson` writes exactly this. */
export type TrainedModelData = {
  format: 'stance-model';
  version: number;
  name: string;
  labels: string[];
  features: FeatureSettings;
  vocabulary: string[];
  data: TrainingData;
} & (
  | { kind: 'nb'; options: { alpha: number; uniformPrior: boolean }; params: NaiveBayesParams }
  | { kind: 'logreg'; options: LogisticOptions; params: LogisticParams }
  | { kind: 'hybrid'; options: HybridOptions; params: HybridParams }
);

/** Settings of a hybrid model: the n-gram logistic regression's, and how the embedding side is fitted and mixed in. */
export interface HybridOptions extends LogisticOptions {
  /** L2 penalty of the logistic regression over sentence embeddings. */
  denseL2: number;
  /** Share of the embedding model's probabilities in the mix (the n-gram model gets the rest). */
  denseWeight: number;
  /** Id of the sentence encoder the embedding side was trained on (see SentenceEncoder). */
  encoder: string;
}

/** Weights of a hybrid model: n-gram logistic regression (`sparse`) and logistic regression over embeddings (`dense`). */
export interface HybridParams {
  sparse: LogisticParams;
  dense: LogisticParams;
}

/** A trained model: a Model that also carries its data for saving. */
export interface TrainedModel extends Model {
  kind: 'nb' | 'logreg' | 'hybrid';
  data: TrainedModelData;
}

/** Linear scores of a model for the sentence `space` extracted last: writes one logit per class into `out`. */
type Scorer = (space: FeatureSpace, out: Float64Array) => void;

/**
 * Sum of `table` rows (`stride` numbers per feature) over the feature set of the sentence `space` extracted last, into
 * `acc`: its direct features, plus each distinct token's sum (computed once per token and kept on it), minus the
 * n-grams two of its tokens share. A sentence then costs ~70 table reads instead of one per feature (~375), which were
 * most of prediction's time (random reads into a table of several megabytes).
 */
function sentenceSum(space: FeatureSpace, table: Float64Array, stride: number, acc: Float64Array): void {
  acc.fill(0);
  const { direct, infos, repeated } = space.factored;
  for (let i = 0; i < direct.length; i++) {
    const at = direct[i]! * stride;
    for (let k = 0; k < stride; k++) acc[k]! += table[at + k]!;
  }
  for (let i = 0; i < infos.length; i++) {
    const t = infos[i]!;
    let sum = t.cache;
    if (!sum) {
      sum = new Float64Array(stride);
      if (t.w1 >= 0) for (let k = 0; k < stride; k++) sum[k]! += table[t.w1 * stride + k]!;
      const pool = space.poolOf(t);
      for (let p = t.charsAt; p < t.charsEnd; p++) {
        const at = pool[p]! * stride;
        for (let k = 0; k < stride; k++) sum[k]! += table[at + k]!;
      }
      t.cache = sum;
    }
    for (let k = 0; k < stride; k++) acc[k]! += sum[k]!;
  }
  for (let i = 0; i < repeated.length; i++) {
    const at = repeated[i]! * stride;
    for (let k = 0; k < stride; k++) acc[k]! -= table[at + k]!;
  }
}

/**
 * Logistic regression: per feature its K weights with the NB scale folded in (`w[k][j] * scale[j]`), then its squared
 * scale, whose sum over the sentence gives the row's unit-length factor.
 */
function logisticScorer(params: LogisticParams, dims: number): Scorer {
  const K = params.bias.length;
  const S = K + 1;
  const table = new Float64Array(dims * S);
  for (let j = 0; j < dims; j++) {
    const s = params.scale ? params.scale[j]! : 1;
    for (let k = 0; k < K; k++) table[j * S + k] = params.weights[k]![j]! * s;
    table[j * S + K] = s * s;
  }
  const bias = Float64Array.from(params.bias);
  const acc = new Float64Array(S);
  return (space, out) => {
    sentenceSum(space, table, S, acc);
    const norm = acc[K]!;
    const f = norm > 0 ? 1 / Math.sqrt(norm) : 1;
    for (let k = 0; k < K; k++) out[k] = bias[k]! + f * acc[k]!;
  };
}

/** Naive Bayes: log prior plus the log likelihood of each feature present. */
function naiveBayesScorer(params: NaiveBayesParams, dims: number): Scorer {
  const K = params.logPrior.length;
  const table = new Float64Array(dims * K);
  for (let k = 0; k < K; k++) for (let j = 0; j < dims; j++) table[j * K + k] = params.logLikelihood[k]![j]!;
  const acc = new Float64Array(K);
  return (space, out) => {
    sentenceSum(space, table, K, acc);
    for (let k = 0; k < K; k++) out[k] = params.logPrior[k]! + acc[k]!;
  };
}

/** Logits of a logistic regression over a dense vector (a sentence embedding). */
function denseScores(params: LogisticParams, v: Float32Array): number[] {
  return params.bias.map((b, k) => {
    const w = params.weights[k]!;
    let s = b;
    for (let j = 0; j < v.length; j++) s += w[j]! * v[j]!;
    return s;
  });
}

/** Wrap trained data as a Model; predictions depend only on `data`, so a saved and reloaded model predicts the same. */
export function modelFromData(data: TrainedModelData): TrainedModel {
  // Built on the first predict: `stance train` only saves the model, and on a large vocabulary the lookup tables and
  // weight arrays cost memory and time it does not need.
  let ready: { space: FeatureSpace; score: Scorer } | undefined;
  const prepare = () => {
    const dims = data.vocabulary.length;
    ready = {
      space: FeatureSpace.fixed(data.features, data.vocabulary),
      score:
        data.kind === 'nb'
          ? naiveBayesScorer(data.params, dims)
          : logisticScorer(data.kind === 'logreg' ? data.params : data.params.sparse, dims),
    };
    return ready;
  };
  const logits = new Float64Array(data.labels.length);
  const encoder = data.kind === 'hybrid' ? data.options.encoder : undefined;
  return {
    name: data.name,
    kind: data.kind,
    labels: data.labels,
    data,
    ...(encoder === undefined ? {} : { encoder }),
    predict(texts, options = {}) {
      // With cues on, extract scans each sentence's quotations anyway, and says whether one is open at its end.
      const chain = !options.independent && data.features.cues;
      const blocks = options.independent ? undefined : options.blockQuoted;
      const context = options.independent || chain ? [] : quoteContext(texts, undefined, options.startsInQuote, blocks);
      let open = options.startsInQuote ?? false;
      const { embeddings } = options;
      if (data.kind === 'hybrid' && embeddings?.length !== texts.length)
        throw new StanceError(
          `model ${JSON.stringify(data.name)} needs a sentence embedding per text (${encoder}); use predictTexts`,
        );
      const { space, score } = ready ?? prepare();
      return texts.map((text, i): ModelPrediction => {
        space.extract(text, chain ? startsQuoted(open, blocks, i) : (context[i] ?? false));
        open = openAfter(space.endsInQuote, blocks, i);
        score(space, logits);
        const own = softmaxPrediction(data.labels, logits);
        if (data.kind !== 'hybrid') return own;
        const w = data.options.denseWeight;
        const ps = own.scores;
        const pd = softmaxPrediction(data.labels, denseScores(data.params.dense, embeddings![i]!)).scores;
        // Mixing probabilities, not logits: each side is calibrated on its own, and a mix of two calibrated models
        // stays a probability; softmax of the logs gives the same shares back.
        return softmaxPrediction(
          data.labels,
          data.labels.map((l) => Math.log(w * pd[l]! + (1 - w) * ps[l]!)),
        );
      });
    },
  };
}
