import type { FactoredSentence } from './feature-space.ts';
import type { FeatureGroups } from './logistic-regression.ts';
import { PairTable } from './pair-table.ts';

/** MurmurHash3's finaliser. */
function mix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}

/** Grow an Int32Array to at least `n` elements (doubling), keeping its contents. */
function grown(a: Int32Array, n: number): Int32Array {
  if (n <= a.length) return a;
  let size = a.length;
  while (size < n) size *= 2;
  const b = new Int32Array(size);
  b.set(a);
  return b;
}

/**
 * Per-feature tallies over the training rows, kept in factored form (FactoredSentence): how many rows of each class
 * hold each feature, and two 32-bit sums of a pseudo-random number per row holding it. A row adds to its direct
 * features, to its tokens' tallies (folded into their features once at the end) and subtracts for its repeated
 * n-grams, so it costs ~100 updates instead of one per feature (~375): that loop was a third of training time.
 *
 * The sums find features present in exactly the same rows (FeatureGroups): two such features have equal sums, and for
 * two different row sets each sum differs but for a 1 in 2³² chance (their difference is a ±1 combination of
 * independent uniform numbers), so two features share a group only when all 62 hash bits and the count agree. On a
 * million features the chance that two different row sets do is about 1 in 10⁷, and the cost of that would be two
 * weights fitted as one, not a failure.
 */
export class FeatureTally {
  /** `counts[j * classes + k]`: rows of class k holding feature j (valid after fold). */
  counts: Int32Array = new Int32Array(1024);
  private h1: Int32Array = new Int32Array(1024);
  private h2: Int32Array = new Int32Array(1024);
  private tokenCounts: Int32Array = new Int32Array(1024);
  private tokenH1: Int32Array = new Int32Array(1024);
  private tokenH2: Int32Array = new Int32Array(1024);
  private readonly classes: number;
  private readonly hashes: boolean;

  /** `hashes`: also keep the row-set sums (for groups). */
  constructor(classes: number, hashes: boolean) {
    this.classes = classes;
    this.hashes = hashes;
  }

  /** Count one row of class `k` (row number `row`); `features` and `tokens` are how many ids the space has so far. */
  add(f: FactoredSentence, k: number, row: number, features: number, tokens: number): void {
    const K = this.classes;
    if (features * K > this.counts.length) this.counts = grown(this.counts, features * K);
    if (tokens * K > this.tokenCounts.length) this.tokenCounts = grown(this.tokenCounts, tokens * K);
    if (this.hashes) {
      if (features > this.h1.length) {
        this.h1 = grown(this.h1, features);
        this.h2 = grown(this.h2, features);
      }
      if (tokens > this.tokenH1.length) {
        this.tokenH1 = grown(this.tokenH1, tokens);
        this.tokenH2 = grown(this.tokenH2, tokens);
      }
    }
    const { counts, tokenCounts, h1, h2, tokenH1, tokenH2 } = this;
    const a = mix(row + 0x9e3779b9);
    const b = mix(Math.imul(row, 0x85ebca6b) ^ 0x27d4eb2f);
    const hashes = this.hashes;
    for (const j of f.direct) {
      counts[j * K + k]!++;
      if (hashes) {
        h1[j] = (h1[j]! + a) | 0;
        h2[j] = (h2[j]! + b) | 0;
      }
    }
    for (const t of f.tokens) {
      tokenCounts[t * K + k]!++;
      if (hashes) {
        tokenH1[t] = (tokenH1[t]! + a) | 0;
        tokenH2[t] = (tokenH2[t]! + b) | 0;
      }
    }
    for (const j of f.repeated) {
      counts[j * K + k]!--;
      if (hashes) {
        h1[j] = (h1[j]! - a) | 0;
        h2[j] = (h2[j]! - b) | 0;
      }
    }
  }

  /** Add each token's tallies to the features it stands for (FeatureSpace.tokenFeatures); call once, at the end. */
  fold(tokenFeatures: { start: Float64Array; index: Int32Array }): void {
    const K = this.classes;
    const { start, index } = tokenFeatures;
    for (let t = 0; t + 1 < start.length; t++)
      for (let p = start[t]!; p < start[t + 1]!; p++) {
        const j = index[p]!;
        for (let k = 0; k < K; k++) this.counts[j * K + k]! += this.tokenCounts[t * K + k]!;
        if (this.hashes) {
          this.h1[j] = (this.h1[j]! + this.tokenH1[t]!) | 0;
          this.h2[j] = (this.h2[j]! + this.tokenH2[t]!) | 0;
        }
      }
  }

  /** Groups of features `0 .. dims)`, keeping only those with `keep[j] >= 0` renumbered to `keep[j]` when given. */
  groups(dims: number, keep?: Int32Array): FeatureGroups {
    const K = this.classes;
    const kept = keep ? keep.reduce((c, v) => (v >= 0 ? c + 1 : c), 0) : dims;
    const of = new Int32Array(kept);
    const table = new PairTable(kept);
    let count = 0;
    for (let j = 0; j < dims; j++) {
      const to = keep ? keep[j]! : j;
      if (to < 0) continue;
      let n = 0;
      for (let k = 0; k < K; k++) n += this.counts[j * K + k]!;
      const a = mix(this.h1[j]! ^ n) >>> 1;
      const b = mix(this.h2[j]! ^ Math.imul(n, 0x27d4eb2f)) >>> 1;
      let g = table.get(a, b);
      if (g < 0) {
        g = count++;
        table.set(a, b, g);
      }
      of[to] = g;
    }
    return { of, count };
  }
}
