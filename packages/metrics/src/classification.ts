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
  let total = 0;
  let correct = 0;
  const perClass: ClassScores[] = [];
  for (let c = 0; c < k; c++) {
    let support = 0;
    let predicted = 0;
    for (let j = 0; j < k; j++) {
      support += counts[c]![j]!;
      predicted += counts[j]![c]!;
    }
    const tp = counts[c]![c]!;
    total += support;
    correct += tp;
    const precision = predicted === 0 ? 0 : tp / predicted;
    const recall = support === 0 ? 0 : tp / support;
    const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
    perClass.push({ label: labels[c]!, precision, recall, f1, support });
  }
  const macroF1 = k === 0 ? 0 : perClass.reduce((s, c) => s + c.f1, 0) / k;
  const matrix = counts.map((row) => [...row]);
  return {
    labels: [...labels],
    perClass,
    macroF1,
    accuracy: total === 0 ? 0 : correct / total,
    total,
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

/** Macro-F1 straight from a flat row-major k×k count array (the bootstrap's hot path; no objects made). */
export function macroF1FromCounts(counts: ArrayLike<number>, k: number, offset = 0): number {
  if (k === 0) return 0;
  let sum = 0;
  for (let c = 0; c < k; c++) {
    let support = 0;
    let predicted = 0;
    for (let j = 0; j < k; j++) {
      support += counts[offset + c * k + j]!;
      predicted += counts[offset + j * k + c]!;
    }
    const tp = counts[offset + c * k + c]!;
    // F1 = 2tp / (support + predicted); equals 2PR/(P+R) and is 0 whenever tp is 0, as scikit-learn's default.
    sum += support + predicted === 0 ? 0 : (2 * tp) / (support + predicted);
  }
  return sum / k;
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
