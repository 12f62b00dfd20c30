import type { FeatureGroups } from './logistic-regression.ts';
import { PairTable } from './pair-table.ts';

/** One MurmurHash3 body step: mix `k` into `h`. */
function mix(h: number, k: number): number {
  k = Math.imul(k, 0xcc9e2d51);
  k = (k << 15) | (k >>> 17);
  k = Math.imul(k, 0x1b873593);
  h ^= k;
  h = (h << 13) | (h >>> 19);
  return (Math.imul(h, 5) + 0xe6546b64) | 0;
}

/** MurmurHash3's finaliser. */
function finish(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}

/**
 * Finds features present in exactly the same training rows (FeatureGroups), from two independent 32-bit hashes of
 * each feature's row list and its length, updated as rows arrive. Two features share a group only when all 62 hash
 * bits and the count agree; on a million features the chance that two different row sets do is about 1 in 10⁷, and
 * the cost of that would be two weights fitted as one, not a failure.
 */
export class RowSetHasher {
  private h1 = new Int32Array(1024);
  private h2 = new Int32Array(1024);
  private n = new Int32Array(1024);

  /** Record that row `row` holds features `ids[0 .. count)` (each once). */
  add(ids: Int32Array, count: number, row: number): void {
    let need = this.h1.length;
    for (let p = 0; p < count; p++) if (ids[p]! >= need) need = ids[p]! + 1;
    if (need > this.h1.length) {
      let cap = this.h1.length;
      while (cap < need) cap *= 2;
      const grow = (a: Int32Array) => {
        const b = new Int32Array(cap);
        b.set(a);
        return b;
      };
      this.h1 = grow(this.h1);
      this.h2 = grow(this.h2);
      this.n = grow(this.n);
    }
    const { h1, h2, n } = this;
    const a = row + 1;
    const b = Math.imul(row, 0x9e3779b1) ^ 0x5bd1e995;
    for (let p = 0; p < count; p++) {
      const j = ids[p]!;
      h1[j] = mix(h1[j]!, a);
      h2[j] = mix(h2[j]!, b);
      n[j]!++;
    }
  }

  /** Groups of features `0 .. dims)`, keeping only those with `keep[j] >= 0` renumbered to `keep[j]` when given. */
  groups(dims: number, keep?: Int32Array): FeatureGroups {
    const kept = keep ? keep.reduce((c, v) => (v >= 0 ? c + 1 : c), 0) : dims;
    const of = new Int32Array(kept);
    const table = new PairTable(kept);
    let count = 0;
    for (let j = 0; j < dims; j++) {
      const to = keep ? keep[j]! : j;
      if (to < 0) continue;
      const a = finish(this.h1[j]! ^ this.n[j]!) >>> 1;
      const b = finish(this.h2[j]! ^ Math.imul(this.n[j]!, 0x27d4eb2f)) >>> 1;
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
