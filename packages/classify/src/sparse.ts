import type { FactoredSentence } from './feature-space.ts';

/**
 * Training sentences as rows of binary features in a factored compressed-sparse-row form (see FactoredSentence): row
 * r lists its direct feature ids at `index[start[r] .. tokensAt[r])`, its distinct token numbers at
 * `index[tokensAt[r] .. repeatedAt[r])` and n-grams shared by two of its tokens at `index[repeatedAt[r] ..
 * start[r + 1])`; token t stands for features `tokenIndex[tokenStart[t] .. tokenStart[t + 1])`. Row r's feature set
 * is its direct features plus its tokens' features, each once. Typed arrays and no object per row: ~90 numbers a
 * sentence, so 400,000 sentences take ~150 MB.
 */
export interface SentenceRows {
  rows: number;
  start: Float64Array;
  tokensAt: Float64Array;
  repeatedAt: Float64Array;
  index: Int32Array;
  tokenStart: Float64Array;
  tokenIndex: Int32Array;
}

/** Appends factored sentences, growing its typed arrays by doubling. */
export class SentenceRowsBuilder {
  private index = new Int32Array(1 << 16);
  private start = new Float64Array(1 << 10);
  private tokensAt = new Float64Array(1 << 10);
  private repeatedAt = new Float64Array(1 << 10);
  private rows = 0;
  private size = 0;

  /** Numbers stored so far (for the memory guard). */
  get entries(): number {
    return this.size;
  }

  private append(list: readonly number[]): void {
    if (this.size + list.length > this.index.length) {
      let cap = this.index.length * 2;
      while (cap < this.size + list.length) cap *= 2;
      const next = new Int32Array(cap);
      next.set(this.index.subarray(0, this.size));
      this.index = next;
    }
    for (let i = 0; i < list.length; i++) this.index[this.size++] = list[i]!;
  }

  /** Append one sentence. */
  push(sentence: FactoredSentence): void {
    if (this.rows + 2 > this.start.length) {
      const grow = (a: Float64Array) => {
        const next = new Float64Array(a.length * 2);
        next.set(a);
        return next;
      };
      this.start = grow(this.start);
      this.tokensAt = grow(this.tokensAt);
      this.repeatedAt = grow(this.repeatedAt);
    }
    this.append(sentence.direct);
    this.tokensAt[this.rows] = this.size;
    this.append(sentence.tokens);
    this.repeatedAt[this.rows] = this.size;
    this.append(sentence.repeated);
    this.start[++this.rows] = this.size;
  }

  /** The rows, trimmed to size, with what each token stands for (FeatureSpace.tokenFeatures). */
  finish(tokens: { start: Float64Array; index: Int32Array }): SentenceRows {
    return {
      rows: this.rows,
      start: this.start.slice(0, this.rows + 1),
      tokensAt: this.tokensAt.slice(0, this.rows),
      repeatedAt: this.repeatedAt.slice(0, this.rows),
      index: this.index.slice(0, this.size),
      tokenStart: tokens.start,
      tokenIndex: tokens.index,
    };
  }
}

/**
 * Drop features with `keep[j] < 0` and renumber the rest to `keep[j]`, in place (used for `minCount`): in rows'
 * direct and repeated lists and in what tokens stand for.
 */
export function renumberRows(rows: SentenceRows, keep: Int32Array): SentenceRows {
  const { index, start, tokensAt, repeatedAt } = rows;
  let out = 0;
  const copy = (from: number, to: number, map: boolean) => {
    for (let p = from; p < to; p++) {
      const j = map ? keep[index[p]!]! : index[p]!;
      if (j >= 0) index[out++] = j;
    }
  };
  let from = 0;
  for (let r = 0; r < rows.rows; r++) {
    const tAt = tokensAt[r]!;
    const rAt = repeatedAt[r]!;
    const to = start[r + 1]!;
    copy(from, tAt, true);
    tokensAt[r] = out;
    copy(tAt, rAt, false);
    repeatedAt[r] = out;
    copy(rAt, to, true);
    start[r + 1] = out;
    from = to;
  }
  const tokenStart = rows.tokenStart;
  const tokenIndex = rows.tokenIndex;
  let t = 0;
  let tFrom = 0;
  for (let u = 0; u + 1 < tokenStart.length; u++) {
    const to = tokenStart[u + 1]!;
    for (let p = tFrom; p < to; p++) {
      const j = keep[tokenIndex[p]!]!;
      if (j >= 0) tokenIndex[t++] = j;
    }
    tFrom = to;
    tokenStart[u + 1] = t;
  }
  return { ...rows, index: index.subarray(0, out), tokenIndex: tokenIndex.subarray(0, t) };
}

/**
 * Naive Bayes feature weights for logistic regression (NBSVM, Wang & Manning 2012): how far apart the classes'
 * smoothed (alpha 1, uniform prior) log-likelihoods of each feature are. `counts[j * classes + k]` is how many
 * sentences of class k hold feature j. For two classes this is |log-count ratio|; features that tell the classes apart
 * get larger values, which acts as a data-driven prior for the L2-penalised weights.
 */
export function nbScale(counts: ArrayLike<number>, classes: number, dims: number): Float64Array {
  const logTotal = classTotals(counts, classes, dims).map((t) => Math.log(t + dims));
  const out = new Float64Array(dims);
  for (let j = 0; j < dims; j++) {
    let min = Number.POSITIVE_INFINITY;
    let max = Number.NEGATIVE_INFINITY;
    for (let k = 0; k < classes; k++) {
      const v = Math.log(counts[j * classes + k]! + 1) - logTotal[k]!;
      if (v < min) min = v;
      if (v > max) max = v;
    }
    out[j] = max - min;
  }
  return out;
}

/** Sum of each class's feature counts (`counts[j * classes + k]`). */
export function classTotals(counts: ArrayLike<number>, classes: number, dims: number): number[] {
  const totals = new Array<number>(classes).fill(0);
  for (let j = 0; j < dims; j++) for (let k = 0; k < classes; k++) totals[k]! += counts[j * classes + k]!;
  return totals;
}

/**
 * Sum of `value[j]` over each row's feature set (each feature once): direct features, plus each token's sum, minus the
 * repeated n-grams. `value` null means 1 for every feature.
 */
export function rowSums(rows: SentenceRows, value: Float64Array | null): Float64Array {
  const { index, start, tokensAt, repeatedAt, tokenStart, tokenIndex } = rows;
  const tokenSum = new Float64Array(tokenStart.length - 1);
  for (let t = 0; t < tokenSum.length; t++) {
    let sum = 0;
    for (let p = tokenStart[t]!; p < tokenStart[t + 1]!; p++) sum += value ? value[tokenIndex[p]!]! : 1;
    tokenSum[t] = sum;
  }
  const out = new Float64Array(rows.rows);
  for (let r = 0; r < rows.rows; r++) {
    let sum = 0;
    for (let p = start[r]!; p < tokensAt[r]!; p++) sum += value ? value[index[p]!]! : 1;
    for (let p = tokensAt[r]!; p < repeatedAt[r]!; p++) sum += tokenSum[index[p]!]!;
    for (let p = repeatedAt[r]!; p < start[r + 1]!; p++) sum -= value ? value[index[p]!]! : 1;
    out[r] = sum;
  }
  return out;
}

/**
 * Per-row factor that scales a row of binary features, each weighted `scale[j]` (or 1), to unit length: what the old
 * per-row value arrays held, without storing a value per entry.
 */
export function rowNorms(rows: SentenceRows, scale: Float64Array | null): Float64Array {
  const sums = rowSums(rows, scale ? scale.map((s) => s * s) : null);
  // A sum computed as "tokens minus repeats" can land a rounding error below zero where the true sum is 0.
  return sums.map((norm) => (norm > 0 ? 1 / Math.sqrt(norm) : 1));
}
