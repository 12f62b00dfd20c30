import { quoteContext } from '../context.ts';
import type { FeatureSettings } from '../features.ts';
import { sentenceFeatures } from '../features.ts';
import type { Example, TrainOptions } from '../train.ts';
import { train } from '../train.ts';
import { binaryComponent, binaryScorer } from './binary-scorer.ts';

/** A seeded shuffle (LCG), so folds are the same on every run and machine. */
export function shuffled<T>(items: readonly T[], seed: number): T[] {
  let x = seed;
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    x = (x * 1103515245 + 12345) % 2147483648;
    const j = Math.floor((x / 2147483648) * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/**
 * Fold of each example: grouped by `doc` (no document is split between train and test), or stratified by label over
 * a seeded shuffle (every fold keeps the label share of the whole set).
 */
export function foldsOf(
  examples: readonly Example[],
  k: number,
  seed: number,
  how: 'stratified' | 'grouped',
): number[] {
  if (how === 'grouped') {
    const docs = [...new Set(examples.map((e) => e.doc ?? ''))];
    const fold = new Map(shuffled(docs, seed).map((d, i) => [d, i % k]));
    return examples.map((e) => fold.get(e.doc ?? '')!);
  }
  const out = new Array<number>(examples.length);
  for (const label of new Set(examples.map((e) => e.label))) {
    const idx = examples.map((_, i) => i).filter((i) => examples[i]!.label === label);
    shuffled(idx, seed).forEach((i, r) => {
      out[i] = r % k;
    });
  }
  return out;
}

/** Feature sets of examples in their documents' order (a quotation carries over within a document). */
export function exampleFeatures(examples: readonly Example[], features: FeatureSettings): Set<string>[] {
  const context = quoteContext(
    examples.map((e) => e.text),
    examples.map((e) => e.doc),
    false,
    examples.map((e) => e.quoted === true),
  );
  return examples.map((e, i) => sentenceFeatures(e.text, context[i]!, features));
}

/** Binary macro-F1 (both classes) of probabilities thresholded at 0.5 against gold yes/no. */
export function binaryMacroF1(gold: readonly boolean[], probability: readonly number[]): number {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let tn = 0;
  gold.forEach((g, i) => {
    const p = probability[i]! >= 0.5;
    if (g && p) tp++;
    else if (p) fp++;
    else if (g) fn++;
    else tn++;
  });
  const f1 = (a: number, b: number) => (a === 0 ? 0 : (2 * a) / (2 * a + b));
  return (f1(tp, fp + fn) + f1(tn, fp + fn)) / 2;
}

/**
 * Out-of-fold probabilities of the positive label for a two-label logreg trained with `options`: each example is
 * scored by a model that never saw its fold. `sets` are the examples' feature sets (exampleFeatures).
 */
export function outOfFold(
  examples: readonly Example[],
  sets: readonly Set<string>[],
  positive: string,
  folds: readonly number[],
  k: number,
  options: TrainOptions,
): number[] {
  const out = new Array<number>(examples.length).fill(Number.NaN);
  for (let f = 0; f < k; f++) {
    const held = examples.map((_, i) => i).filter((i) => folds[i] === f);
    if (held.length === 0) continue;
    const model = train(
      'logreg',
      examples.filter((_, i) => folds[i] !== f),
      options,
    );
    const scorer = binaryScorer(binaryComponent(model, positive));
    for (const i of held) out[i] = scorer.probability(sets[i]!);
  }
  return out;
}
