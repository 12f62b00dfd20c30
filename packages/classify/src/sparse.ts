/** A sparse row: feature indices (ascending) and their values. */
export interface SparseRow {
  index: Int32Array;
  value: Float64Array;
}

/** Feature names → column indices, fixed at training time. */
export type Vocabulary = ReadonlyMap<string, number>;

/** Build a vocabulary from feature sets, keeping features seen in at least `minCount` sets; order is first seen. */
export function buildVocabulary(sets: readonly Set<string>[], minCount: number): Map<string, number> {
  const counts = new Map<string, number>();
  for (const s of sets) for (const f of s) counts.set(f, (counts.get(f) ?? 0) + 1);
  const vocab = new Map<string, number>();
  for (const [f, n] of counts) if (n >= minCount) vocab.set(f, vocab.size);
  return vocab;
}

/**
 * Turn a feature set into a sparse row (unknown features dropped): ones, or `scale[j]` per feature when given, then
 * scaled to unit length when `normalize`.
 */
export function toRow(
  features: Set<string>,
  vocab: Vocabulary,
  normalize: boolean,
  scale?: readonly number[],
): SparseRow {
  const idx: number[] = [];
  for (const f of features) {
    const i = vocab.get(f);
    if (i !== undefined) idx.push(i);
  }
  idx.sort((a, b) => a - b);
  const value = new Float64Array(idx.length);
  let norm = 0;
  for (let k = 0; k < idx.length; k++) {
    value[k] = scale ? scale[idx[k]!]! : 1;
    norm += value[k]! * value[k]!;
  }
  if (normalize && norm > 0) {
    const f = 1 / Math.sqrt(norm);
    for (let k = 0; k < idx.length; k++) value[k]! *= f;
  }
  return { index: Int32Array.from(idx), value };
}

/**
 * Naive Bayes feature weights for logistic regression (NBSVM, Wang & Manning 2012): how far apart the classes'
 * smoothed log-likelihoods of each feature are. For two classes this is |log-count ratio|; features that tell the
 * classes apart get larger values, which acts as a data-driven prior for the L2-penalised weights.
 */
export function nbScale(logLikelihood: readonly (readonly number[])[], dims: number): number[] {
  const out = new Array<number>(dims);
  for (let j = 0; j < dims; j++) {
    let min = Number.POSITIVE_INFINITY;
    let max = Number.NEGATIVE_INFINITY;
    for (const row of logLikelihood) {
      const v = row[j]!;
      if (v < min) min = v;
      if (v > max) max = v;
    }
    out[j] = max - min;
  }
  return out;
}

/** A dense vector (a sentence embedding) as a row over all its dimensions. */
export function denseRow(vector: Float32Array): SparseRow {
  const index = new Int32Array(vector.length);
  for (let j = 0; j < vector.length; j++) index[j] = j;
  return { index, value: Float64Array.from(vector) };
}
