import { classTotals } from './sparse.ts';

/** Parameters of a multinomial naive Bayes model: log prior per class and log likelihood per class × feature. */
export interface NaiveBayesParams {
  logPrior: number[];
  /** `logLikelihood[k][j]`: log P(feature j | class k), Laplace/Lidstone smoothed. */
  logLikelihood: number[][];
}

/**
 * Fit multinomial naive Bayes with additive (alpha) smoothing from feature counts: `counts[j * classes + k]` is how
 * many sentences of class k hold feature j (features are binary), `docs[k]` how many sentences class k has. Written by
 * hand (not natural's BayesClassifier) so the model works on our sparse features, saves as plain JSON and predicts
 * with the exact same arithmetic after loading. Counting needs no rows, so naive Bayes trains in one streaming pass.
 */
export function fitNaiveBayes(
  counts: ArrayLike<number>,
  docs: readonly number[],
  dims: number,
  alpha: number,
  uniformPrior = false,
): NaiveBayesParams {
  const classes = docs.length;
  const m = docs.reduce((a, b) => a + b, 0);
  const logPrior = docs.map((d) => (uniformPrior ? -Math.log(classes) : Math.log((d + 1) / (m + classes))));
  const totals = classTotals(counts, classes, dims);
  const logLikelihood = totals.map((total, k) => {
    const denom = Math.log(total + alpha * dims);
    const row = new Array<number>(dims);
    for (let j = 0; j < dims; j++) row[j] = Math.log(counts[j * classes + k]! + alpha) - denom;
    return row;
  });
  return { logPrior, logLikelihood };
}
