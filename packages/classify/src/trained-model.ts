import { StanceError } from '@stance/schema';
import { quoteContext } from './context.ts';
import { FeatureSpace } from './feature-space.ts';
import type { FeatureSettings } from './features.ts';
import type { LogisticOptions, LogisticParams } from './logistic-regression.ts';
import { gather } from './logistic-regression.ts';
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

/** Linear scores of a model over one sentence's feature ids: `score(ids, n)` writes one logit per class into `out`. */
type Scorer = (ids: Int32Array, n: number, out: Float64Array) => void;

/**
 * Logistic regression over feature ids: weights feature-major with the NB scale folded in (`w[k][j] * scale[j]`), so
 * a sentence costs one pass over its ids; the row's unit-length factor comes from the squared scales.
 */
function logisticScorer(params: LogisticParams, dims: number): Scorer {
  const K = params.bias.length;
  const eff = new Float64Array(dims * K);
  const sq = new Float64Array(dims).fill(1);
  for (let j = 0; j < dims; j++) {
    const s = params.scale ? params.scale[j]! : 1;
    sq[j] = s * s;
    for (let k = 0; k < K; k++) eff[j * K + k] = params.weights[k]![j]! * s;
  }
  const bias = Float64Array.from(params.bias);
  return (ids, n, out) => {
    let norm = 0;
    for (let p = 0; p < n; p++) norm += sq[ids[p]!]!;
    gather(ids, 0, n, eff, K, out);
    const f = norm > 0 ? 1 / Math.sqrt(norm) : 1;
    for (let k = 0; k < K; k++) out[k] = bias[k]! + f * out[k]!;
  };
}

/** Naive Bayes over feature ids: log prior plus the log likelihood of each feature present. */
function naiveBayesScorer(params: NaiveBayesParams, dims: number): Scorer {
  const K = params.logPrior.length;
  const ll = new Float64Array(dims * K);
  for (let k = 0; k < K; k++) for (let j = 0; j < dims; j++) ll[j * K + k] = params.logLikelihood[k]![j]!;
  const prior = Float64Array.from(params.logPrior);
  return (ids, n, out) => {
    gather(ids, 0, n, ll, K, out);
    for (let k = 0; k < K; k++) out[k]! += prior[k]!;
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
  const space = FeatureSpace.fixed(data.features, data.vocabulary);
  const dims = data.vocabulary.length;
  const score =
    data.kind === 'nb'
      ? naiveBayesScorer(data.params, dims)
      : logisticScorer(data.kind === 'logreg' ? data.params : data.params.sparse, dims);
  const logits = new Float64Array(data.labels.length);
  const encoder = data.kind === 'hybrid' ? data.options.encoder : undefined;
  return {
    name: data.name,
    kind: data.kind,
    labels: data.labels,
    data,
    ...(encoder === undefined ? {} : { encoder }),
    predict(texts, options = {}) {
      const context = options.independent ? texts.map(() => false) : quoteContext(texts);
      const { embeddings } = options;
      if (data.kind === 'hybrid' && embeddings?.length !== texts.length)
        throw new StanceError(
          `model ${JSON.stringify(data.name)} needs a sentence embedding per text (${encoder}); use predictTexts`,
        );
      return texts.map((text, i): ModelPrediction => {
        score(space.ids, space.extract(text, context[i]!), logits);
        const own = softmaxPrediction(data.labels, Array.from(logits));
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
