import { isUpper } from '../chars.ts';
import { CLOSINGS, GREETINGS } from '../lexicon.ts';
import { isCapitalised, leadingWords, wordAt } from '../words.ts';
import type { TokenRule } from './token-rule.ts';

// A salutation or closing is a few words at most (`Best regards,`, `Dear All,`).
const MAX_WORDS = 3;
const MAX_CHARS = 30;

/**
 * The greeting and the closing of a letter or post are sentences of their own, also when the line breaks are gone: `Hi,
 * Yes storage is still available`, `Dear All, My name is`, `Kindest regards, Visit`. A capitalised word after a comma
 * that ends a sentence-opening greeting (`Hi`, `Hello`, `Dear All`) or closing (`Regards`, `Best wishes`, `Thanks`)
 * starts a new sentence, unless it is a name addressed in the same sentence (`Thanks, Kate.`, `Hi, John, how are you?`).
 */
export const splitAfterSalutation: TokenRule = {
  opens: (c, next) => c === 44 && next === 32,
  decide: (text, at, sentenceStart) => {
    const comma = at;
    if (text.charCodeAt(at + 1) !== 32 || !isUpper(text.charCodeAt(at + 2))) return undefined;
    if (sentenceStart < 0 || comma - sentenceStart > MAX_CHARS) return undefined;
    const words = leadingWords(text, sentenceStart, comma, MAX_WORDS);
    if (words.length === 0 || words.length > MAX_WORDS) return undefined;
    const first = words[0] ?? '';
    const last = words[words.length - 1] ?? '';
    if (!GREETINGS.has(first) && !CLOSINGS.has(last)) return undefined;
    return isVocative(text, comma + 2) ? undefined : { before: false, after: comma + 1 };
  },
};

// `Thanks, Kate.` `Hi, John, how are you?`: a name (one or two capitalised words) that a mark or comma closes is
// addressed inside the sentence, not the start of a new one.
function isVocative(text: string, from: number): boolean {
  let i = from;
  for (let words = 0; words < 2; words++) {
    const word = wordAt(text, i);
    if (!isCapitalised(word)) return false;
    i += word.length;
    const c = text.charCodeAt(i);
    if (c === 46 || c === 33 || c === 63 || c === 44) return true;
    if (c !== 32) return false;
    i++;
  }
  return false;
}
