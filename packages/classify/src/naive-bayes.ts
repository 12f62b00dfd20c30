import type { SparseRow } from './sparse.ts';

/** Parameters of a multinomial naive Bayes model: log prior per class and log likelihood per class × feature. */
export interface NaiveBayesParams {
  logPrior: number[];
  /** `logLikelihood[k][j]`: log P(feature j | class k), Laplace/Lidstone smoothed. */
  logLikelihood: number[][];
}

/**
 * Fit multinomial naive Bayes with additive (alpha) smoothing. Written by hand (not natural's BayesClassifier) so
 * the model works on our sparse features, saves as plain JSON and predicts with the exact same arithmetic after loading.
 */
export function fitNaiveBayes(
  rows: readonly SparseRow[],
  y: readonly number[],
  classes: number,
  dims: number,
  alpha: number,
  uniformPrior = false,
): NaiveBayesParams {
  const counts = Array.from({ length: classes }, () => new Float64Array(dims));
  const docs = new Float64Array(classes);
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r]!;
    const k = y[r]!;
    docs[k]! += 1;
    const c = counts[k]!;
    for (let i = 0; i < row.index.length; i++) c[row.index[i]!]! += row.value[i]!;
  }
  const logPrior = Array.from(docs, (d) =>
    uniformPrior ? -Math.log(classes) : Math.log((d + 1) / (rows.length + classes)),
  );
  const logLikelihood = counts.map((c) => {
    let total = 0;
    for (let j = 0; j < dims; j++) total += c[j]!;
    const denom = Math.log(total + alpha * dims);
    return Array.from(c, (n) => Math.log(n + alpha) - denom);
  });
  return { logPrior, logLikelihood };
}

/** Log joint score per class for one row. */
export function naiveBayesScores(params: NaiveBayesParams, row: SparseRow): number[] {
  return params.logPrior.map((prior, k) => {
    const ll = params.logLikelihood[k]!;
    let s = prior;
    for (let i = 0; i < row.index.length; i++) s += ll[row.index[i]!]! * row.value[i]!;
    return s;
  });
}
