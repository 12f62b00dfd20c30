import type { Example, TrainOptions } from '@stance/classify';
import { train } from '@stance/classify';
import { classificationReport, mulberry32 } from '@stance/metrics';
import type { Label } from '@stance/schema';
import { isLabel, LABELS } from '@stance/schema';

// What the learning worker computes, as plain functions: trained, scored and ranked here, they are tested without a
// worker thread.

/** Something that labels one document's sentences (in reading order): the session's start model, or a live one. */
export interface Predictor {
  readonly name: string;
  predict(
    texts: readonly string[],
    options?: { blockQuoted?: readonly boolean[] },
  ): readonly { label: string; confidence: number }[];
}

/**
 * Settings of the live model: logistic regression over word n-grams and cues, without character n-grams, which
 * cost most of the training time and memory and matter least with a few hundred labels (`stance train` keeps them).
 */
export const LIVE_TRAIN_OPTIONS: TrainOptions = { features: { charNgrams: null } };

/** At most this many labels train a live model (the most recent ones): it bounds the worker's time and memory. */
export const MAX_LIVE_EXAMPLES = 1000;

/** Fewer labels than this train no live model (its cross-validated score would mean nothing). */
export const MIN_LIVE_EXAMPLES = 20;

/** One labelled sentence with the document it belongs to (examples of a document are in reading order). */
export interface LiveExample extends Example {
  doc: string;
  label: Label;
}

/**
 * Cross-validation folds grouped by document: the documents, shuffled with a fixed seed, are dealt round the `k`
 * folds, so no document has sentences on both sides of a split. With fewer than two documents the sentences are dealt
 * instead (`grouped` is then false). Returns each example's fold.
 */
export function groupedFolds(
  docs: readonly string[],
  k: number,
  seed = 1,
): { fold: Int32Array; k: number; grouped: boolean } {
  const distinct = [...new Set(docs)].sort();
  const fold = new Int32Array(docs.length);
  if (distinct.length >= 2) {
    const folds = Math.max(2, Math.min(k, distinct.length));
    const random = mulberry32(seed);
    const shuffled = distinct.map((d) => [random(), d] as const).sort((a, b) => a[0] - b[0]);
    const of = new Map(shuffled.map(([, d], i) => [d, i % folds]));
    docs.forEach((d, i) => {
      fold[i] = of.get(d)!;
    });
    return { fold, k: folds, grouped: true };
  }
  const folds = Math.max(2, Math.min(k, docs.length));
  for (let i = 0; i < docs.length; i++) fold[i] = i % folds;
  return { fold, k: folds, grouped: false };
}

/**
 * Predict examples document by document (each document's examples in reading order, as context needs), with the
 * quotations their layout shows.
 */
function predictByDoc(predictor: Predictor, examples: readonly LiveExample[]): string[] {
  const out: string[] = new Array(examples.length);
  let start = 0;
  while (start < examples.length) {
    let end = start + 1;
    while (end < examples.length && examples[end]!.doc === examples[start]!.doc) end++;
    const part = examples.slice(start, end);
    const answers = predictor.predict(
      part.map((e) => e.text),
      { blockQuoted: part.map((e) => e.quoted === true) },
    );
    for (let i = start; i < end; i++) out[i] = answers[i - start]?.label ?? '';
    start = end;
  }
  return out;
}

/** Scores of a new model against the current one on the same held-out folds. */
export interface CrossValidation {
  macroF1: number;
  /** The current model's macro-F1 on the same held-out sentences (it was not retrained: for a model trained on some of them this flatters it, so a new model has to beat it clearly). */
  previous: number;
  folds: number;
  grouped: boolean;
}

/**
 * k-fold cross-validation of the live model on `examples`, grouped by document, macro-F1 over the labels the
 * examples hold; the `previous` predictor is scored on the same held-out sentences. A fold whose training part has
 * fewer than two labels is skipped.
 */
export function crossValidate(examples: readonly LiveExample[], previous: Predictor, k = 5): CrossValidation {
  const {
    fold,
    k: folds,
    grouped,
  } = groupedFolds(
    examples.map((e) => e.doc),
    k,
  );
  const gold: string[] = [];
  const live: string[] = [];
  const before: string[] = [];
  for (let f = 0; f < folds; f++) {
    const trainPart = examples.filter((_, i) => fold[i] !== f);
    const heldOut = examples.filter((_, i) => fold[i] === f);
    if (heldOut.length === 0 || new Set(trainPart.map((e) => e.label)).size < 2) continue;
    const model = train('logreg', trainPart, LIVE_TRAIN_OPTIONS);
    gold.push(...heldOut.map((e) => e.label));
    live.push(...predictByDoc(model, heldOut));
    before.push(...predictByDoc(previous, heldOut));
  }
  if (gold.length === 0) return { macroF1: 0, previous: 0, folds: 0, grouped };
  const labels = LABELS.filter((l) => gold.includes(l));
  return {
    macroF1: classificationReport(gold, live, labels).macroF1,
    previous: classificationReport(gold, before, labels).macroF1,
    folds,
    grouped,
  };
}

/** Train the live model on all `examples` (LIVE_TRAIN_OPTIONS), named `name`. */
export function trainLive(examples: readonly LiveExample[], name: string): Predictor {
  const model = train('logreg', examples, LIVE_TRAIN_OPTIONS);
  return { name, predict: (texts, options) => model.predict(texts, options) };
}

/**
 * Rank a pool of unlabelled sentences by the model's confidence, least confident first (ties keep the pool's order).
 * `docs` gives each pool sentence's document; sentences of a document are predicted together, in the pool's order.
 */
export function rankPool(
  predictor: Predictor,
  pool: Int32Array,
  docs: Int32Array,
  textOf: (position: number) => string,
  quotedAt: (position: number) => boolean = () => false,
): Int32Array {
  const confidence = new Float64Array(pool.length);
  let start = 0;
  while (start < pool.length) {
    let end = start + 1;
    while (end < pool.length && docs[end] === docs[start]) end++;
    const positions = pool.subarray(start, end);
    const answers = predictor.predict(Array.from(positions, textOf), { blockQuoted: Array.from(positions, quotedAt) });
    for (let i = start; i < end; i++) confidence[i] = answers[i - start]?.confidence ?? 0;
    start = end;
  }
  const order = Array.from(pool.keys()).sort((a, b) => confidence[a]! - confidence[b]! || a - b);
  return Int32Array.from(order, (i) => pool[i]!);
}

/** A predictor's answers for one document as label indexes (LABELS order; 255 for a label outside them). */
export function encodePredictions(answers: readonly { label: string; confidence: number }[]): {
  labels: Uint8Array;
  confidence: Float32Array;
} {
  const labels = new Uint8Array(answers.length);
  const confidence = new Float32Array(answers.length);
  answers.forEach((a, i) => {
    labels[i] = isLabel(a.label) ? LABELS.indexOf(a.label) : 255;
    confidence[i] = a.confidence;
  });
  return { labels, confidence };
}
