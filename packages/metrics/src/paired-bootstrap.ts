import { StanceError } from '@stance/schema';
import {
  type BootstrapOptions,
  forEachResampleSum,
  type Interval,
  percentileInterval,
  resolveBootstrapOptions,
  sumVectors,
} from './bootstrap.ts';
import { accuracyFromCounts, macroF1FromCounts } from './classification.ts';
import { indexOfLabel, labelIndex, labelsInOrder } from './labels.ts';

/** Two models' predictions on the same items, with the gold labels and (optionally) each item's document. */
export interface PairedInput {
  gold: readonly string[];
  a: readonly string[];
  b: readonly string[];
  /** Document of each item; items of one document are resampled together. Default: each item on its own. */
  groups?: readonly string[];
  labels?: readonly string[];
}

/** Options of the paired bootstrap: resampling plus which statistic to compare. */
export interface PairedOptions extends BootstrapOptions {
  statistic?: 'macroF1' | 'accuracy';
}

/** Model A's and B's figure, their difference A − B with a percentile CI, and a two-sided bootstrap p-value. */
export interface PairedResult {
  statistic: 'macroF1' | 'accuracy';
  a: number;
  b: number;
  difference: Interval;
  /** Two-sided p-value for "no difference": 2 · min(#{d* ≤ 0} + 1, #{d* ≥ 0} + 1) / (B + 1), capped at 1. */
  pValue: number;
  groups: number;
  items: number;
}

/**
 * Paired bootstrap of two models on the same items: resample documents (or items) with replacement, and on each
 * resample compute A's and B's statistic on the same drawn items. Per-document confusion counts of both models are
 * built once; a resample only adds them up, so 100k items × 1000 resamples runs in seconds.
 */
export function pairedBootstrap(input: PairedInput, options: PairedOptions = {}): PairedResult {
  const { gold, a, b } = input;
  if (a.length !== gold.length || b.length !== gold.length) {
    throw new StanceError(`gold, a and b must have equal lengths (${gold.length}, ${a.length}, ${b.length})`, {
      where: 'paired bootstrap',
    });
  }
  if (input.groups !== undefined && input.groups.length !== gold.length) {
    throw new StanceError(`groups has ${input.groups.length} entries for ${gold.length} items`, {
      where: 'paired bootstrap',
    });
  }
  const { alpha } = resolveBootstrapOptions(options);
  const statistic = options.statistic ?? 'macroF1';
  const labels = input.labels ?? labelsInOrder(gold, a, b);
  const index = labelIndex(labels);
  const k = labels.length;
  const width = 2 * k * k;
  const byGroup = new Map<string, Float64Array>();
  for (let i = 0; i < gold.length; i++) {
    const key = input.groups === undefined ? String(i) : input.groups[i]!;
    let v = byGroup.get(key);
    if (v === undefined) {
      v = new Float64Array(width);
      byGroup.set(key, v);
    }
    const g = indexOfLabel(index, gold[i]!, `gold item ${i + 1}`);
    v[g * k + indexOfLabel(index, a[i]!, `model a item ${i + 1}`)]! += 1;
    v[k * k + g * k + indexOfLabel(index, b[i]!, `model b item ${i + 1}`)]! += 1;
  }
  const score = statistic === 'macroF1' ? macroF1FromCounts : accuracyFromCounts;
  const vectors = [...byGroup.values()];
  const whole = sumVectors(vectors, width);
  const scoreA = score(whole, k, 0);
  const scoreB = score(whole, k, k * k);
  const diffs: number[] = [];
  let atOrBelow = 0;
  let atOrAbove = 0;
  forEachResampleSum(vectors, options, (totals) => {
    const d = score(totals, k, 0) - score(totals, k, k * k);
    diffs.push(d);
    if (d <= 0) atOrBelow += 1;
    if (d >= 0) atOrAbove += 1;
  });
  const pValue =
    diffs.length === 0 ? Number.NaN : Math.min(1, (2 * Math.min(atOrBelow + 1, atOrAbove + 1)) / (diffs.length + 1));
  return {
    statistic,
    a: scoreA,
    b: scoreB,
    difference: percentileInterval(scoreA - scoreB, diffs, alpha),
    pValue,
    groups: vectors.length,
    items: gold.length,
  };
}
