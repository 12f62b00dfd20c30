import { execAll } from './exec-all.ts';

/** A word of a sentence: offsets into the sentence and the lower-cased form the cue lists are written in. */
export interface WordToken {
  start: number;
  end: number;
  text: string;
  lower: string;
  /** Cache for the cue rules: which phrase lists have a phrase starting with this word. */
  lists?: number;
}

// Our own tokenizer rather than @stance/text's: saved models replay these exact tokens, so a change to the shared
// segmenter/tokenizer must not silently change a trained model's features.
const WORD = /[\p{L}\p{N}]+(?:['’.,-][\p{L}\p{N}]+)*/gu;

/** Words of `text` with offsets; apostrophes are folded to `'` in `lower`. */
export function words(text: string): WordToken[] {
  const out: WordToken[] = [];
  for (const m of execAll(WORD, text)) {
    out.push({
      start: m.index,
      end: m.index + m[0].length,
      text: m[0],
      lower: m[0].includes('’') ? m[0].toLowerCase().replace(/’/g, "'") : m[0].toLowerCase(),
    });
  }
  return out;
}
