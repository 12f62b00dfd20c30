/**
 * A hash map from a pair of non-negative int32 keys to an int32 value, in one typed array (open addressing, linear
 * probing; each slot's left key, right key and value side by side, so a probe touches one cache line). Word bigrams are
 * pairs of token numbers: keeping them as two ints instead of a `"a b"` string key saves a string, a Map entry and a
 * string hash per bigram, which is most of the vocabulary on large data.
 */
export class PairTable {
  private data: Int32Array;
  private mask: number;
  /** Number of pairs stored. */
  size = 0;

  constructor(capacity = 1024) {
    let n = 16;
    while (n * 7 < capacity * 10) n *= 2;
    this.data = PairTable.empty(n);
    this.mask = n - 1;
  }

  private static empty(slots: number): Int32Array {
    const data = new Int32Array(slots * 3);
    for (let i = 0; i < data.length; i += 3) data[i] = -1;
    return data;
  }

  /** Offset in `data` of pair (a, b)'s slot, or of the empty slot where it would go. */
  private slot(a: number, b: number): number {
    // Both keys mixed, then MurmurHash3's finaliser (the low bits index the table, so every input bit must reach
    // them), then linear probing.
    let h = Math.imul(a, 0x9e3779b1) + b;
    h ^= h >>> 16;
    h = Math.imul(h, 0x85ebca6b);
    h ^= h >>> 13;
    h = Math.imul(h, 0xc2b2ae35);
    h ^= h >>> 16;
    const data = this.data;
    let i = h & this.mask;
    for (;;) {
      const at = i * 3;
      const left = data[at]!;
      if (left === -1 || (left === a && data[at + 1] === b)) return at;
      i = (i + 1) & this.mask;
    }
  }

  /** The value of pair (a, b), or -1. */
  get(a: number, b: number): number {
    const at = this.slot(a, b);
    return this.data[at] === -1 ? -1 : this.data[at + 2]!;
  }

  /** Set pair (a, b) to `value` (a non-negative int). */
  set(a: number, b: number, value: number): void {
    // Grow at 70% full: linear probing stays short there, and bigrams are most of a large vocabulary's memory.
    if ((this.size + 1) * 10 > (this.mask + 1) * 7) this.grow();
    const at = this.slot(a, b);
    if (this.data[at] === -1) {
      this.data[at] = a;
      this.data[at + 1] = b;
      this.size++;
    }
    this.data[at + 2] = value;
  }

  private grow(): void {
    const old = this.data;
    const n = (this.mask + 1) * 2;
    this.data = PairTable.empty(n);
    this.mask = n - 1;
    for (let i = 0; i < old.length; i += 3) {
      if (old[i] === -1) continue;
      const at = this.slot(old[i]!, old[i + 1]!);
      this.data[at] = old[i]!;
      this.data[at + 1] = old[i + 1]!;
      this.data[at + 2] = old[i + 2]!;
    }
  }
}
