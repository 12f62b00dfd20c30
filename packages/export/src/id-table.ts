// A Map from a million sentence-id strings to numbers costs ~90 MB (the strings plus Map entries), a third of the
// export's memory budget. This table keeps only a 64-bit hash of each id in typed arrays (~24 MB for a million). Two
// ids share a slot only if both 32-bit hashes collide: p ≈ n² / 2⁶⁵, about 3 in 100 million for a million ids.
// No library offers a typed-array hash set for strings, hence this one.

/** FNV-1a over UTF-16 code units, then murmur3's finaliser. */
function hashA(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return fmix(h);
}

/** A second, independent hash: murmur2's multiply-xor step over code units, then the finaliser. */
function hashB(s: string): number {
  let h = 0x9747b28c ^ s.length;
  for (let i = 0; i < s.length; i++) {
    h = Math.imul(h ^ s.charCodeAt(i), 0x5bd1e995);
    h ^= h >>> 15;
  }
  return fmix(h);
}

function fmix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Sentence id → slot (0, 1, 2, … in order of first sight), by open addressing on a 64-bit hash of the id. */
export class IdTable {
  private keysA = new Uint32Array(1024);
  private keysB = new Uint32Array(1024);
  private slots = new Int32Array(1024).fill(-1);
  /** Ids added so far (the next slot number). */
  size = 0;

  /** The slot of `id`, or -1 when it was never added. */
  get(id: string): number {
    const a = hashA(id);
    const b = hashB(id);
    const mask = this.slots.length - 1;
    for (let i = a & mask; ; i = (i + 1) & mask) {
      const slot = this.slots[i]!;
      if (slot === -1) return -1;
      if (this.keysA[i] === a && this.keysB[i] === b) return slot;
    }
  }

  /** The slot of `id`, adding it when new. */
  add(id: string): number {
    const a = hashA(id);
    const b = hashB(id);
    const mask = this.slots.length - 1;
    let i = a & mask;
    for (; ; i = (i + 1) & mask) {
      const slot = this.slots[i]!;
      if (slot === -1) break;
      if (this.keysA[i] === a && this.keysB[i] === b) return slot;
    }
    this.keysA[i] = a;
    this.keysB[i] = b;
    this.slots[i] = this.size;
    this.size++;
    if (this.size * 2 > this.slots.length) this.grow();
    return this.size - 1;
  }

  /** Double the table (load stays ≤ 1/2, so probes stay short). */
  private grow(): void {
    const { keysA, keysB, slots } = this;
    const n = slots.length * 2;
    this.keysA = new Uint32Array(n);
    this.keysB = new Uint32Array(n);
    this.slots = new Int32Array(n).fill(-1);
    const mask = n - 1;
    for (let j = 0; j < slots.length; j++) {
      if (slots[j] === -1) continue;
      let i = keysA[j]! & mask;
      while (this.slots[i] !== -1) i = (i + 1) & mask;
      this.keysA[i] = keysA[j]!;
      this.keysB[i] = keysB[j]!;
      this.slots[i] = slots[j]!;
    }
  }
}
