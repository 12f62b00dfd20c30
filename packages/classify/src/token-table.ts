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

/**
 * Tokens by their text, looked up by a stretch of a sentence (`text[start .. end)` and its hash) so that no string is
 * built for a token already known. Open addressing in typed arrays; a match is confirmed by comparing the code units.
 */
export class TokenTable {
  /** The tokens, in the order they were added. */
  entries: TokenInfo[] = [];
  // Slot i: entry index + 1 (0 = empty) at 2i, its hash at 2i + 1, side by side so a probe touches one cache line.
  private slots = new Int32Array(2048);
  private mask = 1023;

  /** The token spelled `text[start .. end)` (whose hashRange is `hash`), if known. */
  find(text: string, start: number, end: number, hash: number): TokenInfo | undefined {
    const length = end - start;
    const slots = this.slots;
    for (let i = hash & this.mask; ; i = (i + 1) & this.mask) {
      const e = slots[2 * i]!;
      if (e === 0) return undefined;
      if (slots[2 * i + 1] === hash) {
        const info = this.entries[e - 1]!;
        if (info.text.length === length && sameChars(text, start, info.text)) return info;
      }
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
    this.place(this.entries.length, hash);
  }

  private place(entry: number, hash: number): void {
    let i = hash & this.mask;
    while (this.slots[2 * i] !== 0) i = (i + 1) & this.mask;
    this.slots[2 * i] = entry;
    this.slots[2 * i + 1] = hash;
  }

  private grow(): void {
    const old = this.slots;
    const n = (this.mask + 1) * 2;
    this.slots = new Int32Array(2 * n);
    this.mask = n - 1;
    for (let i = 0; i < old.length; i += 2) if (old[i] !== 0) this.place(old[i]!, old[i + 1]!);
  }

  /** Forget every token. */
  clear(): void {
    this.entries = [];
    this.slots.fill(0);
  }
}
