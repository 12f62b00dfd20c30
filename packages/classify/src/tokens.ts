import { classAt, IS_LETTER, IS_NUMBER } from './word-scanner.ts';
import { wordFacts } from './word-table.ts';

/** A word of a sentence: offsets into the sentence and the lower-cased form the cue lists are written in. */
export interface WordToken {
  start: number;
  end: number;
  text: string;
  lower: string;
  /** The bits of the word lists that hold it (wordFlag in word-table.ts). */
  flags: number;
  /** The bits of the phrase lists with a phrase starting with it (phraseSet in cue-rule.ts). */
  starts: number;
}

// Our own tokenizer rather than @stance/text's: saved models replay these exact tokens, so a change to the shared
// segmenter/tokenizer must not silently change a trained model's features. The tokens are the matches of
// `/[\p{L}\p{N}]+(?:['’.,-][\p{L}\p{N}]+)*/gu`, found by hand over classAt's per-character classes: the regex, its
// match arrays and execAll were a fifth of the rules' time (a property test holds the two together).

/** Whether the class classAt packed is a letter or a number. */
const isWordClass = (k: number): boolean => (k & 3) === IS_LETTER || (k & 3) === IS_NUMBER;

/** Whether `c` joins two runs of letters and digits into one word: ' ’ . , - */
const isJoiner = (c: number): boolean => c === 39 || c === 0x2019 || c === 46 || c === 44 || c === 45;

/** Words of `text` with offsets; apostrophes are folded to `'` in `lower`. */
export function words(text: string): WordToken[] {
  const out: WordToken[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    let k = classAt(text, i);
    if (!isWordClass(k)) {
      i += k >> 2;
      continue;
    }
    const start = i;
    i += k >> 2;
    for (;;) {
      while (i < n) {
        k = classAt(text, i);
        if (!isWordClass(k)) break;
        i += k >> 2;
      }
      if (i + 1 < n && isJoiner(text.charCodeAt(i))) {
        k = classAt(text, i + 1);
        if (isWordClass(k)) {
          i += 1 + (k >> 2);
          continue;
        }
      }
      break;
    }
    const word = text.slice(start, i);
    const folded = word.toLowerCase();
    const lower = folded.includes('’') ? folded.replace(/’/g, "'") : folded;
    const facts = wordFacts(lower);
    out.push({ start, end: i, text: word, lower, flags: facts ? facts.flags : 0, starts: facts ? facts.starts : 0 });
  }
  return out;
}
