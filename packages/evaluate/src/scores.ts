import type { Interval } from '@stance/metrics';
import {
  accuracyFromCounts,
  bootstrapCI,
  bootstrapSumCIs,
  classScoresFromCounts,
  macroF1FromCounts,
  mean,
  pairedBootstrap,
} from '@stance/metrics';
import { StanceError } from '@stance/schema';
import { OUTSIDE } from './labels.ts';

/** How to resample for intervals: number of resamples, seed, two-sided error rate. */
export interface ResampleOptions {
  resamples: number;
  seed: number;
  alpha: number;
}

/** One class's precision, recall and F1 with their intervals, and its support. */
export interface ClassFigures {
  label: string;
  precision: Interval;
  recall: Interval;
  f1: Interval;
  support: number;
}

/** A confusion matrix: rows are gold labels, columns predicted labels (plus OUTSIDE when a model used it). */
export interface Confusion {
  labels: string[];
  columns: string[];
  counts: number[][];
  /** Each row as shares of its total (an empty row stays zeros). */
  rowShares: number[][];
}

/** Scores of one set of predictions against gold, each with a bootstrap interval over documents. */
export interface Scores {
  labels: string[];
  perClass: ClassFigures[];
  /** The headline: mean F1 over the scored labels. */
  macroF1: Interval;
  accuracy: Interval;
  confusion: Confusion;
  /** Predictions outside the scored label set (counted as wrong). */
  outside: number;
  items: number;
  /** Resampling units: documents, with each item without a document its own. */
  groups: number;
}

/** Column layout: the labels, plus OUTSIDE when any prediction is outside them. */
function columnsFor(labels: readonly string[], ...predictions: (readonly string[])[]): string[] {
  const known = new Set(labels);
  const outside = predictions.some((p) => p.some((l) => !known.has(l)));
  return outside ? [...labels, OUTSIDE] : [...labels];
}

/** Per-group square count vectors (`c × c`, row-major, gold × predicted) over `columns`. */
function groupVectors(
  gold: readonly string[],
  predicted: readonly string[],
  groups: readonly string[],
  columns: readonly string[],
): Float64Array[] {
  const c = columns.length;
  const index = new Map(columns.map((l, i) => [l, i]));
  const byGroup = new Map<string, Float64Array>();
  for (let i = 0; i < gold.length; i++) {
    const g = index.get(gold[i]!);
    if (g === undefined)
      throw new StanceError(`gold label ${JSON.stringify(gold[i])} is not scored`, { where: `item ${i + 1}` });
    const p = index.get(predicted[i]!) ?? index.get(OUTSIDE)!;
    let v = byGroup.get(groups[i]!);
    if (!v) {
      v = new Float64Array(c * c);
      byGroup.set(groups[i]!, v);
    }
    v[g * c + p]! += 1;
  }
  return [...byGroup.values()];
}

/**
 * Score predictions against gold over `labels`: per-class precision / recall / F1 / support, macro-F1, accuracy and
 * the confusion matrix, with percentile bootstrap intervals from resampling `groups` (documents) with replacement.
 * Every figure comes from summed per-document counts (the metrics package's fast path), all from the same resamples.
 */
export function scorePredictions(
  gold: readonly string[],
  predicted: readonly string[],
  groups: readonly string[],
  labels: readonly string[],
  options: ResampleOptions,
): Scores {
  const columns = columnsFor(labels, predicted);
  const c = columns.length;
  const k = labels.length;
  const vectors = groupVectors(gold, predicted, groups, columns);
  // Every figure from @stance/metrics' flat-count scores; macro-F1 averages the k scored labels, not OUTSIDE.
  const statistics: ((t: Float64Array) => number)[] = [
    (t) => macroF1FromCounts(t, c, 0, k),
    (t) => accuracyFromCounts(t, c),
  ];
  for (let j = 0; j < k; j++) {
    statistics.push(
      (t) => classScoresFromCounts(t, c, j).precision,
      (t) => classScoresFromCounts(t, c, j).recall,
      (t) => classScoresFromCounts(t, c, j).f1,
    );
  }
  const intervals = bootstrapSumCIs(vectors, statistics, options);
  const whole = new Float64Array(c * c);
  for (const v of vectors) for (let x = 0; x < c * c; x++) whole[x]! += v[x]!;
  const counts = labels.map((_, g) => columns.map((__, p) => whole[g * c + p]!));
  const perClass = labels.map((label, j) => ({
    label,
    precision: intervals[2 + 3 * j]!,
    recall: intervals[3 + 3 * j]!,
    f1: intervals[4 + 3 * j]!,
    support: classScoresFromCounts(whole, c, j).support,
  }));
  return {
    labels: [...labels],
    perClass,
    macroF1: intervals[0]!,
    accuracy: intervals[1]!,
    confusion: {
      labels: [...labels],
      columns,
      counts,
      rowShares: counts.map((row) => {
        const total = row.reduce((s, v) => s + v, 0);
        return row.map((v) => (total === 0 ? 0 : v / total));
      }),
    },
    outside: c > k ? counts.reduce((s, row) => s + row[k]!, 0) : 0,
    items: gold.length,
    groups: vectors.length,
  };
}

/** Model A against model B on the same items: both macro-F1s, the difference A − B with its interval, and p. */
export interface Comparison {
  a: string;
  b: string;
  macroF1A: number;
  macroF1B: number;
  difference: Interval;
  /** Two-sided paired bootstrap p-value for "no difference in macro-F1". */
  pValue: number;
}

/**
 * Paired bootstrap of two models' macro-F1 (the metrics package's `pairedBootstrap`, resampling documents). When a
 * model predicted outside the label set, OUTSIDE joins the label list; its F1 is always 0 (it has no gold items), so
 * the metrics' macro-F1 over k + 1 labels is exactly k / (k + 1) of ours and is scaled back; p is unchanged.
 */
export function compareModels(
  names: readonly [string, string],
  gold: readonly string[],
  a: readonly string[],
  b: readonly string[],
  groups: readonly string[],
  labels: readonly string[],
  options: ResampleOptions,
): Comparison {
  const columns = columnsFor(labels, a, b);
  const known = new Set(labels);
  const fix = (p: readonly string[]) =>
    columns.length > labels.length ? p.map((l) => (known.has(l) ? l : OUTSIDE)) : p;
  const r = pairedBootstrap(
    { gold, a: fix(a), b: fix(b), groups, labels: columns },
    { resamples: options.resamples, seed: options.seed, alpha: options.alpha, statistic: 'macroF1' },
  );
  const scale = columns.length / labels.length;
  const d = r.difference;
  return {
    a: names[0],
    b: names[1],
    macroF1A: r.a * scale,
    macroF1B: r.b * scale,
    difference: { ...d, estimate: d.estimate * scale, low: d.low * scale, high: d.high * scale, se: d.se * scale },
    pValue: r.pValue,
  };
}

/** One document's opinion share in gold and in a model's labels. */
export interface DocumentShare {
  doc: string;
  sentences: number;
  gold: number;
  predicted: number;
  /** |predicted − gold|. */
  error: number;
}

/** Document-level error: each document's opinion share, and the mean absolute error with its interval. */
export interface ShareError {
  opinionLabel: string;
  documents: DocumentShare[];
  /** Mean absolute error of the opinion share over documents. */
  mae: Interval;
}

/** Share of `opinion` among labels other than skip (a commentary profile leaves skip out); 0 when none remain. */
function opinionShare(labels: readonly string[], opinion: string): number {
  let kept = 0;
  let hits = 0;
  for (const l of labels) {
    if (l === 'skip') continue;
    kept++;
    if (l === opinion) hits++;
  }
  return kept === 0 ? 0 : hits / kept;
}

/**
 * The error in each document's opinion share (its commentary profile) of a model against gold, and the mean absolute
 * error over documents with a bootstrap interval (documents resampled). Items without a document are left out.
 */
export function opinionShareError(
  docs: readonly (string | undefined)[],
  gold: readonly string[],
  predicted: readonly string[],
  opinion: string,
  options: ResampleOptions,
): ShareError {
  const byDoc = new Map<string, number[]>();
  docs.forEach((d, i) => {
    if (d === undefined) return;
    const list = byDoc.get(d);
    if (list) list.push(i);
    else byDoc.set(d, [i]);
  });
  const documents = [...byDoc].map(([doc, indices]) => {
    const g = opinionShare(
      indices.map((i) => gold[i]!),
      opinion,
    );
    const p = opinionShare(
      indices.map((i) => predicted[i]!),
      opinion,
    );
    return { doc, sentences: indices.length, gold: g, predicted: p, error: Math.abs(p - g) };
  });
  const errors = documents.map((d) => d.error);
  return { opinionLabel: opinion, documents, mae: bootstrapCI(errors, mean, options) };
}
