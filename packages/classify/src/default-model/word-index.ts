import { hashRange } from '../word-scanner.ts';

/**
 * Words → entry numbers, looked up by a stretch of a sentence (`text[start .. end)` and its hashRange) so that no
 * string is built per token. The words are kept as `\n`-joined strings (the word-vector table's own `wordText` is used
 * as is: no copy, no string per word) and the slots are one Int32Array (open addressing, linear probing; entry + 1 and
 * hash side by side). Hand-written because a Map needs a string key per lookup and ~80 bytes per entry: for the
 * default labeller's ~105,000 words that was 8 MB and a third of its time per sentence.
 */
export class WordIndex {
  /** Number of entries (words); entry e is the e-th word added. */
  size = 0;
  private texts: string[] = [];
  // Entry e is texts[at[3e + 2]][at[3e] .. at[3e + 1]): side by side, so a lookup touches one cache line for them.
  private at: Int32Array;
  private slots: Int32Array;
  private mask: number;

  /** An index with room for `capacity` words (it does not grow). */
  constructor(capacity: number) {
    let n = 16;
    while (n < capacity * 2) n *= 2;
    this.slots = new Int32Array(2 * n);
    this.mask = n - 1;
    this.at = new Int32Array(3 * capacity);
  }

  /** Entry of the word `text[start .. end)` (whose hashRange is `hash`), or -1. */
  find(text: string, start: number, end: number, hash: number): number {
    const length = end - start;
    const slots = this.slots;
    for (let i = hash & this.mask; ; i = (i + 1) & this.mask) {
      const e1 = slots[2 * i]!;
      if (e1 === 0) return -1;
      if (slots[2 * i + 1] !== hash) continue;
      const e = e1 - 1;
      const from = this.at[3 * e]!;
      if (this.at[3 * e + 1]! - from !== length) continue;
      const word = this.texts[this.at[3 * e + 2]!]!;
      let k = 0;
      while (k < length && word.charCodeAt(from + k) === text.charCodeAt(start + k)) k++;
      if (k === length) return e;
    }
  }

  /** Entry of `word`, or -1. */
  get(word: string): number {
    return this.find(word, 0, word.length, hashRange(word, 0, word.length));
  }

  /**
   * Add every word of a `\n`-joined list (empty: none) not already in the index, in order; returns the entry of each
   * word of the list (an earlier entry for a repeated word).
   */
  addJoined(joined: string): Int32Array {
    const part = this.texts.length;
    this.texts.push(joined);
    const out: number[] = [];
    if (joined === '') return Int32Array.from(out);
    for (let from = 0; from <= joined.length; ) {
      let to = joined.indexOf('\n', from);
      if (to < 0) to = joined.length;
      const hash = hashRange(joined, from, to);
      let e = this.find(joined, from, to, hash);
      if (e < 0) {
        e = this.size++;
        if (3 * e >= this.at.length) throw new Error(`WordIndex: more than ${this.at.length / 3} words`);
        this.at[3 * e] = from;
        this.at[3 * e + 1] = to;
        this.at[3 * e + 2] = part;
        let i = hash & this.mask;
        while (this.slots[2 * i] !== 0) i = (i + 1) & this.mask;
        this.slots[2 * i] = e + 1;
        this.slots[2 * i + 1] = hash;
      }
      out.push(e);
      from = to + 1;
    }
    return Int32Array.from(out);
  }
}
