import { isLetter } from '../chars.ts';
import { readListMarker } from '../list-marker.ts';
import type { TokenRule } from './token-rule.ts';

/**
 * A numbered list typed on one line with no bullet (`I have questions 1) which island is best 2) can we go by boat`):
 * `1)` after a word opens the first item, so the sentence ends before it; the scanner then splits before `2)`, `3)` as
 * it does for a list that opens a sentence. Only the `1)` shape: `1.` and `(1)` are too often part of a sentence.
 */
export const splitBeforeInlineList: TokenRule = {
  opens: (c, next) => c === 49 && next === 41,
  decide: (text, at, sentenceStart) => {
    if (sentenceStart < 0 || !isLetter(text.charCodeAt(at - 2))) return undefined;
    const m = readListMarker(text, at);
    return m !== undefined && m.value === 1 && m.style === '1)' ? { before: true, after: -1 } : undefined;
  },
};
