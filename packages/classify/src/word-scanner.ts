/**
 * The word tokens of `sentenceFeatures` (features.ts): `/[\p{L}\p{N}]+(?:['’][\p{L}]+)?|[?!“”"]/gu` over the
 * lower-cased text, as offsets and a hash instead of new strings. Hand-written because building a string per token
 * and hashing it again in a Map cost more than half of feature extraction; a property test holds it to the regex.
 */

const LETTER = /^\p{L}$/u;
const NUMBER = /^\p{N}$/u;
const UNKNOWN = 0;
/** classAt's class of a letter (\p{L}). */
export const IS_LETTER = 1;
/** classAt's class of a number (\p{N}). */
export const IS_NUMBER = 2;
const OTHER = 3;
/** Class of each UTF-16 code unit outside the surrogate range, filled on first use from the regexes above. */
const classes = new Uint8Array(0x10000);
const astral = new Map<number, number>();

/** Class of a code point from the regexes (slow path, cached by the callers' tables). */
function lookUp(cp: number): number {
  const ch = String.fromCodePoint(cp);
  return LETTER.test(ch) ? IS_LETTER : NUMBER.test(ch) ? IS_NUMBER : OTHER;
}

/**
 * Class of the code point at `i` (IS_LETTER, IS_NUMBER or OTHER) plus 4 × its width in code units (1, or 2 for a
 * surrogate pair), packed in one number so the hot loop makes one small call per character. A lone surrogate is a
 * code point of its own and no letter, as in a `u` regex.
 */
export function classAt(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c < 0xd800 || c > 0xdfff) {
    let k = classes[c]!;
    if (k === UNKNOWN) classes[c] = k = lookUp(c);
    return k | 4;
  }
  const d = text.charCodeAt(i + 1);
  if (c > 0xdbff || !(d >= 0xdc00 && d <= 0xdfff)) return OTHER | 4;
  const cp = ((c - 0xd800) << 10) + (d - 0xdc00) + 0x10000;
  let k = astral.get(cp);
  if (k === undefined) {
    k = lookUp(cp);
    astral.set(cp, k);
  }
  return k | 8;
}

/** FNV-1a over the code units of `text[start .. end)`, then MurmurHash3's finaliser so every bit counts. */
export function hashRange(text: string, start: number, end: number): number {
  let h = 0x811c9dc5;
  for (let i = start; i < end; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}

/** Finds the tokens of a sentence; the offsets of the last scan stay in `bounds` until the next one. */
export class WordScanner {
  /** Token t of the last scan is `lower.slice(bounds[2t], bounds[2t + 1])`. */
  bounds = new Int32Array(256);

  private emit(count: number, start: number, end: number): void {
    if (2 * count + 2 > this.bounds.length) {
      const next = new Int32Array(this.bounds.length * 2);
      next.set(this.bounds);
      this.bounds = next;
    }
    this.bounds[2 * count] = start;
    this.bounds[2 * count + 1] = end;
  }

  /** Scan `lower` (already lower-cased, ’ folded to '); returns the number of tokens. */
  scan(lower: string): number {
    const n = lower.length;
    let count = 0;
    let i = 0;
    while (i < n) {
      let k = classAt(lower, i);
      if ((k & 3) === IS_LETTER || (k & 3) === IS_NUMBER) {
        const start = i;
        i += k >> 2;
        while (i < n) {
          k = classAt(lower, i);
          if ((k & 3) !== IS_LETTER && (k & 3) !== IS_NUMBER) break;
          i += k >> 2;
        }
        const q = lower.charCodeAt(i);
        if ((q === 39 || q === 0x2019) && i + 1 < n) {
          k = classAt(lower, i + 1);
          if ((k & 3) === IS_LETTER) {
            i += 1 + (k >> 2);
            while (i < n) {
              k = classAt(lower, i);
              if ((k & 3) !== IS_LETTER) break;
              i += k >> 2;
            }
          }
        }
        this.emit(count++, start, i);
      } else {
        const c = lower.charCodeAt(i);
        if (c === 63 || c === 33 || c === 0x201c || c === 0x201d || c === 34) this.emit(count++, i, i + 1);
        i += k >> 2;
      }
    }
    return count;
  }
}
