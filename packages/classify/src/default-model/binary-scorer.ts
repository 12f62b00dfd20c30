import { StanceError } from '@stance/schema';
import type { TrainedModel } from '../trained-model.ts';
import { addVectorForms } from '../word-vectors/word-tokens.ts';
import type { WordVectors } from '../word-vectors/word-vectors.ts';

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
   * A second logistic regression over the sentence's unit-length word-vector sum (see word-vectors/), averaged in:
   * p = (1 − share)·p_sparse + share·p_dense. Absent in labellers built before word vectors (as share 0).
   */
  dense?: DenseComponent;
}

/** The word-vector side of a component: logit = bias + weight · (the sentence's unit-length word-vector sum). */
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

/** Two components scored together: one table lookup per feature for both, word-vector sides included. */
export interface PairScorer {
  /** Probabilities of each component's positive label, in the order the components were given. */
  probabilities(features: ReadonlySet<string>): [number, number];
}

// Numbers per entry: weight·scale and scale² of each component's n-gram side, each component's word-vector
// projection (scale·(w · vector)), and 1 when the entry is a known word of the word-vector table.
const WIDTH = 7;

/** A component's probability: its n-gram side, averaged with its word-vector side when it has one. */
export function componentProbability(
  c: BinaryComponent,
  dot: number,
  norm: number,
  projection: number,
  words: number,
): number {
  const sparse = 1 / (1 + Math.exp(-(c.bias + (norm > 0 ? dot / Math.sqrt(norm) : 0))));
  const d = c.dense;
  if (!d || d.share === 0) return sparse;
  const z = d.bias + (words > 0 ? projection / words : 0);
  return (1 - d.share) * sparse + d.share / (1 + Math.exp(-z));
}

/**
 * Prepare two components that read the same feature sets (the default labeller's opinion and quote models). Same
 * arithmetic as binaryScorer; a feature known to one component only has weight and scale 0 in the other. When a
 * component has a word-vector side, `table` gives it: every word of the table is an entry under its unigram feature
 * (`w1:word`) holding its projection onto each side's weights, so the word-vector side's dot products cost no more
 * than the lookups the n-gram side makes anyway (w · Σ vectors = Σ projections); only the sum's length needs the
 * vectors themselves, added up once per sentence. A contraction's parts ("don't" → do + not) are looked up as the table's tokenizer splits them (addVectorForms).
 */
export function pairScorer(a: BinaryComponent, b: BinaryComponent, table?: WordVectors): PairScorer {
  const index = new Map<string, number>();
  let numbers = new Float64Array(WIDTH * 1024);
  const entry = (key: string): number => {
    let at = index.get(key);
    if (at === undefined) {
      at = index.size * WIDTH;
      if (at + WIDTH > numbers.length) {
        const grown = new Float64Array(numbers.length * 2);
        grown.set(numbers);
        numbers = grown;
      }
      numbers[at + 6] = -1;
      index.set(key, at);
    }
    return at;
  };
  const add = (c: BinaryComponent, offset: number) => {
    c.features.forEach((f, j) => {
      const at = entry(f);
      const s = c.scale[j]!;
      numbers[at + offset] = c.weight[j]! * s;
      numbers[at + offset + 1] = s * s;
    });
  };
  add(a, 0);
  add(b, 2);
  const vectors = table && [a, b].some((c) => c.dense !== undefined && c.dense.share > 0) ? table : undefined;
  if (vectors) {
    const zeros = new Array<number>(vectors.dims).fill(0);
    const pa = vectors.projections(a.dense?.weight ?? zeros);
    const pb = vectors.projections(b.dense?.weight ?? zeros);
    vectors.words.forEach((w, r) => {
      const at = entry(`w1:${w}`);
      numbers[at + 4] = pa[r]!;
      numbers[at + 5] = pb[r]!;
      numbers[at + 6] = r;
    });
  }
  const e = numbers;
  const forms = new Set<string>();
  // The sentence's sum of word vectors, for its length (the one step that is not a lookup: 100 numbers a word).
  const sum = new Float64Array(vectors?.dims ?? 0);
  const rows: number[] = [];
  return {
    probabilities(features) {
      let dotA = 0;
      let normA = 0;
      let dotB = 0;
      let normB = 0;
      let projA = 0;
      let projB = 0;
      let contractions: string[] | undefined;
      rows.length = 0;
      for (const f of features) {
        const at = index.get(f);
        if (at !== undefined) {
          dotA += e[at]!;
          normA += e[at + 1]!;
          dotB += e[at + 2]!;
          normB += e[at + 3]!;
          projA += e[at + 4]!;
          projB += e[at + 5]!;
          if (e[at + 6]! >= 0) rows.push(e[at + 6]!);
        }
        if (vectors && f.startsWith('w1:') && f.includes("'")) {
          contractions ??= [];
          contractions.push(f.slice(3));
        }
      }
      if (contractions) {
        // Each part once, and not again when the sentence also has it as a word of its own (already counted).
        forms.clear();
        for (const t of contractions) addVectorForms(t, forms);
        for (const w of forms) {
          const key = `w1:${w}`;
          if (features.has(key)) continue;
          const at = index.get(key);
          if (at === undefined || e[at + 6]! < 0) continue;
          projA += e[at + 4]!;
          projB += e[at + 5]!;
          rows.push(e[at + 6]!);
        }
      }
      let length = 0;
      if (vectors && rows.length > 0) {
        sum.fill(0);
        for (const r of rows) vectors.addRow(r, sum);
        for (let j = 0; j < sum.length; j++) length += sum[j]! * sum[j]!;
        length = Math.sqrt(length);
      }
      return [componentProbability(a, dotA, normA, projA, length), componentProbability(b, dotB, normB, projB, length)];
    },
  };
}
