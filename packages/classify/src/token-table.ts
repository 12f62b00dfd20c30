import { hashRange } from './word-scanner.ts';

/** A distinct (lower-cased) token: its number for pair keys and its features, computed once. */
export interface TokenInfo {
  /** Number in the token table, or -1 for a token outside a fixed vocabulary (no pair feature can hold it). */
  index: number;
  text: string;
  /** Id of `w1:<text>`, or -1. */
  w1: number;
  /**
   * Its character n-gram ids (those in the space, each once) are `pool[charsAt .. charsEnd)` of its FeatureSpace's
   * pool (the transient pool for index -1); charsAt is -1 until first use.
   */
  charsAt: number;
  charsEnd: number;
  stem: { index: number; text: string; s1: number } | null;
  /** The sentence (stamp) that last listed this token, and that last added its character n-grams. */
  mark: number;
  charMark: number;
  /** What a model's scorer computed from this token's features, kept for its next sentence (see trained-model.ts). */
  cache: Float64Array | null;
  /** The token after it in the last word bigram looked up (-1: none), and that bigram's id (-1 outside a fixed vocabulary). */
  nextIndex: number;
  nextPair: number;
}

/**
 * Whether `text` holds `word` at `start`. A loop over the code units because `startsWith` with a position was most of
 * a lookup's time in profiles (a builtin call per token; the words are short).
 */
function sameChars(text: string, start: number, word: string): boolean {
  for (let k = 0; k < word.length; k++) if (text.charCodeAt(start + k) !== word.charCodeAt(k)) return false;
  return true;
}

// Ints per slot: entry number + 1 (0 = empty), hash, length, then the first INLINE code units two to an int. A token
// that short is confirmed from the slot alone; reading its string as well was a second cache miss per lookup on a table
// of tens of thousands of tokens (most of feature extraction's time in profiles). 32 bytes: one cache line per probe.
const WIDTH = 8;
const INLINE = 10;

/**
 * Tokens by their text, looked up by a stretch of a sentence (`text[start .. end)` and its hash) so that no string is
 * built for a token already known. Open addressing in typed arrays; a match is confirmed by comparing the code units
 * (kept in the slot for short tokens).
 */
export class TokenTable {
  /** The tokens, in the order they were added. */
  entries: TokenInfo[] = [];
  private slots = new Int32Array(1024 * WIDTH);
  private mask = 1023;

  /** The token spelled `text[start .. end)` (whose hashRange is `hash`), if known. */
  find(text: string, start: number, end: number, hash: number): TokenInfo | undefined {
    const length = end - start;
    const slots = this.slots;
    for (let i = hash & this.mask; ; i = (i + 1) & this.mask) {
      const at = i * WIDTH;
      const e = slots[at]!;
      if (e === 0) return undefined;
      if (slots[at + 1] !== hash || slots[at + 2] !== length) continue;
      if (length > INLINE) {
        const info = this.entries[e - 1]!;
        if (sameChars(text, start, info.text)) return info;
        continue;
      }
      let same = true;
      for (let k = 0; k < length && same; k += 2) {
        const packed = slots[at + 3 + (k >> 1)]!;
        same =
          (packed & 0xffff) === text.charCodeAt(start + k) &&
          (k + 1 === length || packed >>> 16 === text.charCodeAt(start + k + 1));
      }
      if (same) return this.entries[e - 1]!;
    }
  }

  /** The token spelled `text`, if known. */
  get(text: string): TokenInfo | undefined {
    return this.find(text, 0, text.length, hashRange(text, 0, text.length));
  }

  /** Add a token not yet in the table. */
  add(info: TokenInfo, hash: number): void {
    if ((this.entries.length + 1) * 2 > this.mask + 1) this.grow();
    this.entries.push(info);
    let i = hash & this.mask;
    while (this.slots[i * WIDTH] !== 0) i = (i + 1) & this.mask;
    const at = i * WIDTH;
    const text = info.text;
    this.slots[at] = this.entries.length;
    this.slots[at + 1] = hash;
    this.slots[at + 2] = text.length;
    if (text.length <= INLINE)
      for (let k = 0; k < text.length; k += 2)
        this.slots[at + 3 + (k >> 1)] = text.charCodeAt(k) | ((k + 1 < text.length ? text.charCodeAt(k + 1) : 0) << 16);
  }

  private grow(): void {
    const old = this.slots;
    const n = (this.mask + 1) * 2;
    const slots = new Int32Array(n * WIDTH);
    const mask = n - 1;
    for (let from = 0; from < old.length; from += WIDTH) {
      if (old[from] === 0) continue;
      let i = old[from + 1]! & mask;
      while (slots[i * WIDTH] !== 0) i = (i + 1) & mask;
      slots.set(old.subarray(from, from + WIDTH), i * WIDTH);
    }
    this.slots = slots;
    this.mask = mask;
  }

  /** Forget every token. */
  clear(): void {
    this.entries = [];
    this.slots.fill(0);
  }
}
