import { StanceError } from '@stance/schema';
import { indexOfLabel, labelIndex, labelsInOrder } from './labels.ts';

/** Counts `counts[gold][predicted]` over a fixed label order, with each row as shares of its total. */
export interface ConfusionMatrix {
  labels: string[];
  counts: number[][];
  /** Row shares: `counts[i][j] / sum(counts[i])`; a row with no items is all zeros. */
  rowShares: number[][];
}

/** Precision, recall, F1 and support of one class. */
export interface ClassScores {
  label: string;
  precision: number;
  recall: number;
  f1: number;
  support: number;
}

/** Per-class scores, macro-F1, accuracy and the confusion matrix they came from. */
export interface ClassificationReport {
  labels: string[];
  perClass: ClassScores[];
  macroF1: number;
  accuracy: number;
  total: number;
  confusion: ConfusionMatrix;
}

/** Row shares of a square count matrix; an empty row stays zeros. */
export function rowShares(counts: readonly (readonly number[])[]): number[][] {
  return counts.map((row) => {
    const total = row.reduce((s, v) => s + v, 0);
    return row.map((v) => (total === 0 ? 0 : v / total));
  });
}

/** Confusion matrix of `gold` against `predicted` (same length) over `labels` (default: first-seen order). */
export function confusionMatrix(
  gold: readonly string[],
  predicted: readonly string[],
  labels: readonly string[] = labelsInOrder(gold, predicted),
): ConfusionMatrix {
  if (gold.length !== predicted.length) {
    throw new StanceError(`gold has ${gold.length} items but predictions have ${predicted.length}`, {
      where: 'predictions',
    });
  }
  const index = labelIndex(labels);
  const counts = labels.map(() => labels.map(() => 0));
  for (let i = 0; i < gold.length; i++) {
    const g = indexOfLabel(index, gold[i]!, `gold item ${i + 1}`);
    const p = indexOfLabel(index, predicted[i]!, `prediction ${i + 1}`);
    counts[g]![p]! += 1;
  }
  return { labels: [...labels], counts, rowShares: rowShares(counts) };
}

/**
 * Scores from a confusion matrix (`counts[gold][predicted]`). Zero division follows scikit-learn's default
 * (`zero_division=0`, i.e. "warn" → 0): precision is 0 for a class never predicted, recall is 0 for a class with no
 * support, and F1 is 0 when precision + recall is 0. Macro-F1 averages over every label in the fixed order, so a
 * label with no support and no predictions counts as F1 = 0, exactly as `f1_score(..., labels=L, average='macro')`.
 */
export function scoresFromConfusion(
  labels: readonly string[],
  counts: readonly (readonly number[])[],
): ClassificationReport {
  const k = labels.length;
  const flat = counts.flat();
  const perClass = labels.map((label, c) => ({ label, ...classScoresFromCounts(flat, k, c) }));
  const matrix = counts.map((row) => [...row]);
  return {
    labels: [...labels],
    perClass,
    macroF1: macroF1FromCounts(flat, k),
    accuracy: accuracyFromCounts(flat, k),
    total: flat.reduce((s, v) => s + v, 0),
    confusion: { labels: [...labels], counts: matrix, rowShares: rowShares(matrix) },
  };
}

/** Per-class precision/recall/F1/support, macro-F1, accuracy and confusion matrix of predictions against gold. */
export function classificationReport(
  gold: readonly string[],
  predicted: readonly string[],
  labels: readonly string[] = labelsInOrder(gold, predicted),
): ClassificationReport {
  const { counts } = confusionMatrix(gold, predicted, labels);
  return scoresFromConfusion(labels, counts);
}

/** Items of gold class `c` (its row) in a flat row-major k×k count array. */
function supportOf(counts: ArrayLike<number>, k: number, c: number, offset: number): number {
  let sum = 0;
  for (let j = 0; j < k; j++) sum += counts[offset + c * k + j]!;
  return sum;
}
/** Items predicted `c` (its column) in a flat row-major k×k count array. */
function predictedOf(counts: ArrayLike<number>, k: number, c: number, offset: number): number {
  let sum = 0;
  for (let j = 0; j < k; j++) sum += counts[offset + j * k + c]!;
  return sum;
}

/** F1 of one class from its true positives, support and predicted count: 2tp / (support + predicted), 0 when empty. */
function f1Of(tp: number, support: number, predicted: number): number {
  // Equals 2PR/(P+R), and is 0 whenever tp is 0, as scikit-learn's zero_division=0.
  return support + predicted === 0 ? 0 : (2 * tp) / (support + predicted);
}

/**
 * Precision, recall, F1 and support of class `c` in a flat row-major `k × k` count array (gold × predicted) starting at
 * `offset`, with scikit-learn's zero division (see scoresFromConfusion). Builds one small object: a bootstrap may
 * call it for every class of every resample.
 */
export function classScoresFromCounts(
  counts: ArrayLike<number>,
  k: number,
  c: number,
  offset = 0,
): { precision: number; recall: number; f1: number; support: number } {
  const support = supportOf(counts, k, c, offset);
  const predicted = predictedOf(counts, k, c, offset);
  const tp = counts[offset + c * k + c]!;
  return {
    precision: predicted === 0 ? 0 : tp / predicted,
    recall: support === 0 ? 0 : tp / support,
    f1: f1Of(tp, support, predicted),
    support,
  };
}

/**
 * Macro-F1 straight from a flat row-major k×k count array (the bootstrap's hot path; no objects made), averaged over
 * the first `scored` classes (default all k). Classes after them (a column for predictions outside the label set)
 * still count against the scored classes' precision but are not averaged.
 */
export function macroF1FromCounts(counts: ArrayLike<number>, k: number, offset = 0, scored = k): number {
  if (scored === 0) return 0;
  let sum = 0;
  for (let c = 0; c < scored; c++) {
    const tp = counts[offset + c * k + c]!;
    sum += f1Of(tp, supportOf(counts, k, c, offset), predictedOf(counts, k, c, offset));
  }
  return sum / scored;
}

/** Accuracy from a flat row-major k×k count array. */
export function accuracyFromCounts(counts: ArrayLike<number>, k: number, offset = 0): number {
  let total = 0;
  let correct = 0;
  for (let c = 0; c < k; c++) {
    for (let j = 0; j < k; j++) total += counts[offset + c * k + j]!;
    correct += counts[offset + c * k + c]!;
  }
  return total === 0 ? 0 : correct / total;
}
