import { indexOfLabel, labelIndex, labelsInOrder } from './labels.ts';

/** Observed agreement, chance agreement and Cohen's kappa of two annotators. */
export interface CohenResult {
  observed: number;
  expected: number;
  kappa: number;
  items: number;
}

/**
 * Cohen's kappa from a square count matrix `counts[labelOfA][labelOfB]`: κ = (p_o − p_e) / (1 − p_e), with p_e from
 * each annotator's own marginals (Cohen 1960). κ is NaN when undefined: no items, or p_e = 1 (both annotators used
 * one and the same label throughout), as scikit-learn's cohen_kappa_score also gives NaN there.
 */
export function cohenFromConfusion(counts: readonly (readonly number[])[]): CohenResult {
  const k = counts.length;
  let n = 0;
  let agree = 0;
  const rows = new Array<number>(k).fill(0);
  const cols = new Array<number>(k).fill(0);
  for (let i = 0; i < k; i++) {
    for (let j = 0; j < k; j++) {
      const v = counts[i]![j]!;
      n += v;
      rows[i]! += v;
      cols[j]! += v;
    }
    agree += counts[i]![i]!;
  }
  if (n === 0) return { observed: Number.NaN, expected: Number.NaN, kappa: Number.NaN, items: 0 };
  let expected = 0;
  for (let i = 0; i < k; i++) expected += (rows[i]! / n) * (cols[i]! / n);
  const observed = agree / n;
  const kappa = expected === 1 ? Number.NaN : (observed - expected) / (1 - expected);
  return { observed, expected, kappa, items: n };
}

/** Cohen's kappa of label pairs `[annotatorA, annotatorB]` on the same items; NaN when undefined (see above). */
export function cohenKappa(
  pairs: readonly (readonly [string, string])[],
  labels: readonly string[] = labelsInOrder(
    pairs.map((p) => p[0]),
    pairs.map((p) => p[1]),
  ),
): number {
  const index = labelIndex(labels);
  const counts = labels.map(() => labels.map(() => 0));
  pairs.forEach(([a, b], i) => {
    counts[indexOfLabel(index, a, `pair ${i + 1}`)]![indexOfLabel(index, b, `pair ${i + 1}`)]! += 1;
  });
  return cohenFromConfusion(counts).kappa;
}

/** Cohen's kappa from a flat row-major k×k count array at `offset` (the bootstrap's hot path; no objects made). */
export function cohenKappaFromFlat(counts: ArrayLike<number>, k: number, offset = 0): number {
  let n = 0;
  let agree = 0;
  let expectedPairs = 0;
  for (let i = 0; i < k; i++) {
    let row = 0;
    let col = 0;
    for (let j = 0; j < k; j++) {
      row += counts[offset + i * k + j]!;
      col += counts[offset + j * k + i]!;
    }
    n += row;
    agree += counts[offset + i * k + i]!;
    expectedPairs += row * col;
  }
  if (n === 0) return Number.NaN;
  const pe = expectedPairs / (n * n);
  return pe === 1 ? Number.NaN : (agree / n - pe) / (1 - pe);
}

/** Observed agreement from a flat row-major k×k count array. */
export function observedFromFlat(counts: ArrayLike<number>, k: number, offset = 0): number {
  let n = 0;
  let agree = 0;
  for (let i = 0; i < k; i++) {
    for (let j = 0; j < k; j++) n += counts[offset + i * k + j]!;
    agree += counts[offset + i * k + i]!;
  }
  return n === 0 ? Number.NaN : agree / n;
}
