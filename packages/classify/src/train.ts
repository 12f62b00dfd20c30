import { createHash } from 'node:crypto';
import { StanceError } from '@stance/schema';
import { quoteContext } from './context.ts';
import type { FeatureSettings } from './features.ts';
import { DEFAULT_FEATURES, sentenceFeatures } from './features.ts';
import { fitLogistic } from './logistic-regression.ts';
import { fitNaiveBayes } from './naive-bayes.ts';
import type { EncodeProgress } from './sentence-encoder.ts';
import { USE_ENCODER_ID, useEncoder } from './sentence-encoder.ts';
import { buildVocabulary, denseRow, nbScale, toRow } from './sparse.ts';
import type { TrainedModel, TrainedModelData } from './trained-model.ts';
import { MODEL_FORMAT_VERSION, modelFromData } from './trained-model.ts';

/** One labelled sentence; examples of the same `doc` are in document order, so quotations carry over. */
export interface Example {
  text: string;
  label: string;
  doc?: string;
}

/** Training options; every field has a default. */
export interface TrainOptions {
  /** NB smoothing. @default 0.5 */
  alpha?: number;
  /** NB: ignore class frequencies (equal priors). @default false */
  uniformPrior?: boolean;
  /**
   * Logistic regression L2 penalty. @default 3e-3 (chosen by stratified 5-fold CV, 4 repeats, on CheckThat train+dev;
   * `pnpm bench:classify`)
   */
  l2?: number;
  /** Logistic regression: weight classes by inverse frequency. @default true */
  balanced?: boolean;
  /** Logistic regression: L-BFGS iterations. @default 300 */
  maxIterations?: number;
  /** Logistic regression: scale features by naive Bayes log-count ratios (NBSVM). @default true */
  nbScale?: boolean;
  /** Feature settings, merged over DEFAULT_FEATURES. */
  features?: Partial<FeatureSettings>;
  /** SHA-256 of the training file, recorded in the model; defaults to a hash of the examples as canonical JSONL. */
  dataSha256?: string;
  /** Label order of the model. @default the labels of the examples, sorted */
  labels?: readonly string[];
  /** Hybrid: L2 penalty of the logistic regression over sentence embeddings. @default 1e-3 (CV, as l2) */
  denseL2?: number;
  /** Hybrid: share of the embedding model in the probability mix. @default 0.7 (CV, as l2) */
  denseWeight?: number;
  /** Hybrid: one embedding per example (trainModel computes them with the built-in encoder). */
  embeddings?: readonly Float32Array[];
  /** Hybrid: id of the encoder that made `embeddings`. @default USE_ENCODER_ID */
  encoder?: string;
  /** trainModel, hybrid: hears of each example encoded (encoding is most of a hybrid model's training time). */
  onProgress?: EncodeProgress;
}

/** Model kinds `train` fits. */
export type TrainKind = 'nb' | 'logreg' | 'hybrid';

/** SHA-256 (hex) of examples written as canonical JSONL. */
export function examplesSha256(examples: readonly Example[]): string {
  const hash = createHash('sha256');
  for (const e of examples) hash.update(`${JSON.stringify({ text: e.text, label: e.label, doc: e.doc })}\n`);
  return hash.digest('hex');
}

/**
 * Train a naive Bayes (`nb`), logistic regression (`logreg`) or `hybrid` model on labelled sentences, over any label
 * set. A hybrid model mixes n-gram logistic regression with logistic regression over sentence embeddings, which must
 * be given in `options.embeddings` (trainModel computes them).
 */
export function train(kind: TrainKind, examples: readonly Example[], options: TrainOptions = {}): TrainedModel {
  if (examples.length === 0) throw new StanceError('no training examples');
  const labels = options.labels ? [...options.labels] : [...new Set(examples.map((e) => e.label))].sort();
  if (labels.length < 2) throw new StanceError(`need at least two labels to train, got ${JSON.stringify(labels)}`);
  const index = new Map(labels.map((l, i) => [l, i]));
  const features: FeatureSettings = { ...DEFAULT_FEATURES, ...options.features };
  const context = quoteContext(
    examples.map((e) => e.text),
    examples.map((e) => e.doc),
  );
  const sets = examples.map((e, i) => sentenceFeatures(e.text, context[i]!, features));
  const vocab = buildVocabulary(sets, features.minCount);
  const y = examples.map((e) => {
    const k = index.get(e.label);
    if (k === undefined) throw new StanceError(`label ${JSON.stringify(e.label)} is not in the model's labels`);
    return k;
  });
  const counts: Record<string, number> = Object.fromEntries(labels.map((l) => [l, 0]));
  for (const e of examples) counts[e.label]! += 1;
  const base = {
    format: 'stance-model' as const,
    version: MODEL_FORMAT_VERSION,
    name: kind,
    labels,
    features,
    vocabulary: [...vocab.keys()],
    data: { examples: examples.length, sha256: options.dataSha256 ?? examplesSha256(examples), counts },
  };
  let data: TrainedModelData;
  if (kind === 'nb') {
    const rows = sets.map((s) => toRow(s, vocab, false));
    const nb = { alpha: options.alpha ?? 0.5, uniformPrior: options.uniformPrior ?? false };
    data = {
      ...base,
      kind,
      options: nb,
      params: fitNaiveBayes(rows, y, labels.length, vocab.size, nb.alpha, nb.uniformPrior),
    };
  } else {
    const lr = {
      l2: options.l2 ?? 3e-3,
      balanced: options.balanced ?? true,
      maxIterations: options.maxIterations ?? 300,
      nbScale: options.nbScale ?? true,
    };
    let scale: number[] | undefined;
    if (lr.nbScale) {
      const counts = sets.map((s) => toRow(s, vocab, false));
      scale = nbScale(fitNaiveBayes(counts, y, labels.length, vocab.size, 1, true).logLikelihood, vocab.size);
    }
    const rows = sets.map((s) => toRow(s, vocab, true, scale));
    const fitted = fitLogistic(rows, y, labels.length, vocab.size, lr);
    const sparse = scale ? { ...fitted, scale } : fitted;
    if (kind === 'logreg') data = { ...base, kind, options: lr, params: sparse };
    else {
      const { embeddings } = options;
      if (embeddings?.length !== examples.length)
        throw new StanceError('a hybrid model needs one sentence embedding per example (use trainModel)');
      const dims = embeddings[0]?.length ?? 0;
      const hybrid = {
        ...lr,
        denseL2: options.denseL2 ?? 1e-3,
        denseWeight: options.denseWeight ?? 0.7,
        encoder: options.encoder ?? USE_ENCODER_ID,
      };
      const dense = fitLogistic(embeddings.map(denseRow), y, labels.length, dims, { ...lr, l2: hybrid.denseL2 });
      data = { ...base, kind, options: hybrid, params: { sparse, dense } };
    }
  }
  return modelFromData(data);
}

/** Train any kind; for a hybrid model, first encode the examples with the built-in sentence encoder (about 40 a second). */
export async function trainModel(
  kind: TrainKind,
  examples: readonly Example[],
  options: TrainOptions = {},
): Promise<TrainedModel> {
  if (kind !== 'hybrid' || options.embeddings) return train(kind, examples, options);
  const encoder = await useEncoder();
  const embeddings = await encoder.encode(
    examples.map((e) => e.text),
    options.onProgress,
  );
  return train(kind, examples, { ...options, embeddings, encoder: encoder.id });
}
