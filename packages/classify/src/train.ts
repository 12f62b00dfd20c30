import { createHash } from 'node:crypto';
import { StanceError } from '@stance/schema';
import type { FeatureSettings } from './features.ts';
import { DEFAULT_FEATURES } from './features.ts';
import type { LogisticParams } from './logistic-regression.ts';
import { fitLogistic, fitLogisticDense } from './logistic-regression.ts';
import { fitNaiveBayes } from './naive-bayes.ts';
import type { EncodeProgress } from './sentence-encoder.ts';
import { releaseEncoder, USE_ENCODER_ID, useEncoder } from './sentence-encoder.ts';
import { nbScale, rowNorms } from './sparse.ts';
import type { TrainedModel, TrainedModelData } from './trained-model.ts';
import { MODEL_FORMAT_VERSION, modelFromData } from './trained-model.ts';
import { trainingFeatures } from './training-features.ts';

/** One labelled sentence; examples of the same `doc` are in document order, so quotations carry over. */
export interface Example {
  text: string;
  label: string;
  doc?: string;
  /**
   * It sits in a quotation its document's layout shows (a `>` paragraph, a lead-in's paragraph: blockQuoted of
   * @stance/text); training reads it as inside a quotation, as prediction does with PredictOptions.blockQuoted.
   */
  quoted?: boolean;
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
  /**
   * Most features the model keeps: when the data has more, the features' minimum count is raised until they fit (and
   * saved in the model's feature settings), and `onNotice` hears of it. @default 500,000
   */
  maxFeatures?: number;
  /** Hears of a choice made for the caller (today: a raised minimum count). */
  onNotice?: (message: string) => void;
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

/** Most features a model keeps unless TrainOptions.maxFeatures says otherwise. */
const DEFAULT_MAX_FEATURES = 500_000;

/**
 * A number to 7 significant digits, about float32 precision: saved weights print in ~12 characters instead of ~20,
 * which makes model files ~40% smaller; the trained model itself uses the rounded numbers, so saving and loading it
 * changes nothing, and macro-F1 did not move in the fourth decimal on CheckThat, PolNeAR or the bench data.
 */
const round = (x: number) => (x === 0 || !Number.isFinite(x) ? x : Number(x.toPrecision(7)));
const roundAll = (xs: readonly number[]) => xs.map(round);

/** Logistic regression parameters rounded for saving (see round). */
function roundLogistic(p: LogisticParams): LogisticParams {
  return {
    weights: p.weights.map(roundAll),
    bias: roundAll(p.bias),
    ...(p.scale ? { scale: roundAll(p.scale) } : {}),
  };
}

/** Model kinds `train` fits. */
export type TrainKind = 'nb' | 'logreg' | 'hybrid';

/** SHA-256 (hex) of examples written as canonical JSONL. */
export function examplesSha256(examples: readonly Example[]): string {
  const hash = createHash('sha256');
  // The same bytes in chunks of ~1 MB: one `update` per line was a visible share of training 100,000 sentences.
  let chunk = '';
  for (const e of examples) {
    chunk += `${JSON.stringify({ text: e.text, label: e.label, doc: e.doc })}\n`;
    if (chunk.length > 1 << 20) {
      hash.update(chunk);
      chunk = '';
    }
  }
  hash.update(chunk);
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
  const K = labels.length;
  const y = new Int32Array(examples.length);
  const docs = new Array<number>(K).fill(0);
  examples.forEach((e, i) => {
    const k = index.get(e.label);
    if (k === undefined) throw new StanceError(`label ${JSON.stringify(e.label)} is not in the model's labels`);
    y[i] = k;
    docs[k]! += 1;
  });
  if (kind === 'hybrid' && options.embeddings?.length !== examples.length)
    throw new StanceError('a hybrid model needs one sentence embedding per example (use trainModel)');
  const maxFeatures = options.maxFeatures ?? DEFAULT_MAX_FEATURES;
  const { counts, dims, vocabulary, rows, groups, minCount, seen } = trainingFeatures(
    examples.map((e) => e.text),
    {
      docs: examples.map((e) => e.doc),
      ...(examples.some((e) => e.quoted) ? { blockQuoted: examples.map((e) => e.quoted === true) } : {}),
    },
    y,
    K,
    features,
    { rows: kind !== 'nb', maxFeatures },
  );
  if (minCount > features.minCount) {
    options.onNotice?.(
      `kept the features seen in at least ${minCount} sentences (the data has ${seen.toLocaleString('en-US')} ` +
        `distinct features, more than the ${maxFeatures.toLocaleString('en-US')} a model keeps); set the minimum ` +
        'count yourself to choose',
    );
    features.minCount = minCount;
  }
  const dataCounts: Record<string, number> = Object.fromEntries(labels.map((l, k) => [l, docs[k]!]));
  const base = {
    format: 'stance-model' as const,
    version: MODEL_FORMAT_VERSION,
    name: kind,
    labels,
    features,
    vocabulary,
    data: {
      examples: examples.length,
      sha256: options.dataSha256 ?? examplesSha256(examples),
      counts: dataCounts,
    },
  };
  let data: TrainedModelData;
  if (kind === 'nb') {
    const nb = { alpha: options.alpha ?? 0.5, uniformPrior: options.uniformPrior ?? false };
    const params = fitNaiveBayes(counts, docs, dims, nb.alpha, nb.uniformPrior);
    data = {
      ...base,
      kind,
      options: nb,
      params: { logPrior: roundAll(params.logPrior), logLikelihood: params.logLikelihood.map(roundAll) },
    };
  } else {
    const lr = {
      l2: options.l2 ?? 3e-3,
      balanced: options.balanced ?? true,
      maxIterations: options.maxIterations ?? 300,
      nbScale: options.nbScale ?? true,
    };
    const scale = lr.nbScale ? nbScale(counts, K, dims) : null;
    const fitted = fitLogistic(rows!, rowNorms(rows!, scale), scale, y, K, dims, lr, groups);
    const sparse = roundLogistic(scale ? { ...fitted, scale: Array.from(scale) } : fitted);
    if (kind === 'logreg') data = { ...base, kind, options: lr, params: sparse };
    else {
      const embeddings = options.embeddings!;
      const width = embeddings[0]?.length ?? 0;
      const hybrid = {
        ...lr,
        denseL2: options.denseL2 ?? 1e-3,
        denseWeight: options.denseWeight ?? 0.7,
        encoder: options.encoder ?? USE_ENCODER_ID,
      };
      const dense = roundLogistic(fitLogisticDense(embeddings, y, K, width, { ...lr, l2: hybrid.denseL2 }));
      data = { ...base, kind, options: hybrid, params: { sparse, dense } };
    }
  }
  return modelFromData(data);
}

/**
 * Most sentences a hybrid model encodes for training. At the limit a run took 29 minutes and 652 MB on a 2-core
 * machine (docs/classify.md); past it, hours of encoding, with 2 KB of embedding a sentence beside the n-gram fit.
 */
export const MAX_HYBRID_EXAMPLES = 100_000;

/** Refuse, with one line, a hybrid training set larger than MAX_HYBRID_EXAMPLES (`where`: the file it came from). */
export function checkHybridExamples(count: number, where?: string): void {
  if (count <= MAX_HYBRID_EXAMPLES) return;
  const n = (x: number) => x.toLocaleString('en-US');
  throw new StanceError(
    `a hybrid model trains on at most ${n(MAX_HYBRID_EXAMPLES)} sentences, got ${n(count)} (the sentence encoder ` +
      'would take hours): train on fewer sentences, or train logreg',
    where === undefined ? {} : { where },
  );
}

/** Train any kind; for a hybrid model, first encode the examples with the built-in sentence encoder (about 40 a second). */
export async function trainModel(
  kind: TrainKind,
  examples: readonly Example[],
  options: TrainOptions = {},
): Promise<TrainedModel> {
  if (kind !== 'hybrid' || options.embeddings) return train(kind, examples, options);
  checkHybridExamples(examples.length);
  const encoder = await useEncoder();
  const embeddings = await encoder.encode(
    examples.map((e) => e.text),
    options.onProgress,
  );
  // The fit needs only the vectors: each encoder thread holds ~140 MB of model that would sit idle through it.
  await releaseEncoder();
  return train(kind, examples, { ...options, embeddings, encoder: encoder.id });
}
