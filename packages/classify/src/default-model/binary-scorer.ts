import { StanceError } from '@stance/schema';
import type { TrainedModel } from '../trained-model.ts';

/**
 * One yes/no component of the default labeller, as plain data: a binary logistic regression over named features.
 * `weight[j]` is the logit difference (positive class minus negative) of feature `features[j]`, `scale[j]` its
 * naive-Bayes input scale (1 when none); a sentence's row is the scales of its features, scaled to unit length.
 */
export interface BinaryComponent {
  /** The two labels of the training data: `[negative, positive]`. */
  labels: [string, string];
  features: string[];
  weight: number[];
  scale: number[];
  bias: number;
  /**
   * A second logistic regression over the sentence's word-vector mean (see word-vectors/), averaged in:
   * p = (1 − share)·p_sparse + share·p_dense. Absent in labellers built before word vectors (as share 0).
   */
  dense?: DenseComponent;
}

/** The word-vector side of a component: logit = bias + weight · (unit sentence vector). */
export interface DenseComponent {
  weight: number[];
  bias: number;
  /** Its share of the component's probability, chosen by CV. */
  share: number;
}

/** Round to `digits` significant digits, so the shipped JSON stays small (predictions move by far less than 1e-4). */
export function round(x: number, digits: number): number {
  return x === 0 ? 0 : Number(x.toPrecision(digits));
}

/**
 * Turn a two-label `logreg` TrainedModel into a BinaryComponent: the same predictions with half the numbers (one
 * weight per feature instead of one per class), rounded to 6 significant digits.
 */
export function binaryComponent(model: TrainedModel, positive: string): BinaryComponent {
  const { data } = model;
  if (data.kind !== 'logreg' || data.labels.length !== 2)
    throw new StanceError(`a default-labeller component must be a two-label logreg model, got ${data.kind}`);
  const pos = data.labels.indexOf(positive);
  if (pos < 0) throw new StanceError(`label ${JSON.stringify(positive)} is not one of ${data.labels.join(', ')}`);
  const neg = 1 - pos;
  const { weights, bias, scale } = data.params;
  return {
    labels: [data.labels[neg]!, data.labels[pos]!],
    features: [...data.vocabulary],
    weight: weights[pos]!.map((w, j) => round(w - weights[neg]![j]!, 6)),
    scale: data.vocabulary.map((_, j) => round(scale ? scale[j]! : 1, 6)),
    bias: round(bias[pos]! - bias[neg]!, 8),
  };
}

/** A component ready to score: feature name → [weight, scale]. */
export interface BinaryScorer {
  /** Probability of the positive label for a sentence's feature set. */
  probability(features: ReadonlySet<string>): number;
}

/**
 * Prepare a component for scoring. The arithmetic is the one `logreg` models use (see trained-model.ts): the row is
 * the features' scales normalised to unit length, the logit their weighted sum plus the bias. A test checks it
 * against `TrainedModel.predict`, so a change there cannot silently change the default labeller.
 */
export function binaryScorer(component: BinaryComponent): BinaryScorer {
  const table = new Map<string, number>();
  const weight = Float64Array.from(component.weight);
  const scale = Float64Array.from(component.scale);
  component.features.forEach((f, j) => {
    table.set(f, j);
  });
  return {
    probability(features) {
      let dot = 0;
      let norm = 0;
      for (const f of features) {
        const j = table.get(f);
        if (j === undefined) continue;
        const s = scale[j]!;
        dot += weight[j]! * s;
        norm += s * s;
      }
      const z = component.bias + (norm > 0 ? dot / Math.sqrt(norm) : 0);
      return 1 / (1 + Math.exp(-z));
    },
  };
}

/** Two components scored together: one table lookup per feature for both. */
export interface PairScorer {
  /** Probabilities of each component's positive label, in the order the components were given. */
  probabilities(features: ReadonlySet<string>): [number, number];
}

/**
 * Prepare two components that read the same feature sets (the default labeller's opinion and quote models). Same
 * arithmetic as binaryScorer; a feature known to one component only has weight and scale 0 in the other.
 */
export function pairScorer(a: BinaryComponent, b: BinaryComponent): PairScorer {
  // Per feature: [weight·scale of a, scale² of a, weight·scale of b, scale² of b], so a sentence costs four adds each.
  const table = new Map<string, Float64Array>();
  const add = (c: BinaryComponent, at: number) => {
    c.features.forEach((f, j) => {
      let entry = table.get(f);
      if (!entry) {
        entry = new Float64Array(4);
        table.set(f, entry);
      }
      const s = c.scale[j]!;
      entry[at] = c.weight[j]! * s;
      entry[at + 1] = s * s;
    });
  };
  add(a, 0);
  add(b, 2);
  const sigmoid = (bias: number, dot: number, norm: number) =>
    1 / (1 + Math.exp(-(bias + (norm > 0 ? dot / Math.sqrt(norm) : 0))));
  return {
    probabilities(features) {
      let dotA = 0;
      let normA = 0;
      let dotB = 0;
      let normB = 0;
      for (const f of features) {
        const e = table.get(f);
        if (e === undefined) continue;
        dotA += e[0]!;
        normA += e[1]!;
        dotB += e[2]!;
        normB += e[3]!;
      }
      return [sigmoid(a.bias, dotA, normA), sigmoid(b.bias, dotB, normB)];
    },
  };
}
