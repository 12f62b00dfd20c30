import { isCloser, isInlineSpace, isInvisible, isQuestionOrBang, isSpace } from './chars.ts';
import { emoticonEnd } from './emoticon.ts';
import { footnoteEnd } from './footnote.ts';
import { wordBefore } from './words.ts';

/**
 * A run of terminal marks (`.` `?` `!` `…` and spaced `. . .`), or an emoticon standing alone (`:)`), with what surrounds
 * it, as the stop rules see it.
 */
export interface Stop {
  /** Offset of the first mark. */
  start: number;
  /** Offset after the last mark. */
  end: number;
  /**
   * Offset after the closing quotes and brackets that follow the marks, and after an emoticon or footnote mark that
   * follows them (`great! :)`, `in Dulwich. [17]`): where a sentence would end.
   */
  after: number;
  /** Offset of the first non-space character after `after`, or the input length. */
  next: number;
  /** `period` is one `.`; `ellipsis` is two or more dots or `…`; `bang` is a run of `?` and `!`; `emoticon` is `:)`. */
  kind: 'period' | 'ellipsis' | 'bang' | 'emoticon';
  /** True when the stop is an emoticon or the marks are followed by one (`great! :P`). */
  emoticon: boolean;
  /** Number of dots (`…` counts three). */
  dots: number;
  /** True when the dots are separated by single spaces (`. . .`, the style of scholarly quotation). */
  spacedDots: boolean;
  /** Offset of the first character of the sentence the stop is in. */
  sentenceStart: number;
  /** The word the marks follow (`U.S`, `Mr`, `100.00`), read once here because most rules need it. */
  word: string;
  /** `word` lower-cased. */
  lower: string;
}

// A closer run longer than this is not punctuation any more; the bound keeps every look-ahead O(1).
const MAX_CLOSERS = 4;

/**
 * Read the stop whose first mark is at `i`; the caller guarantees `text[i]` is `.`, `…`, `?` or `!`, or that an emoticon
 * starts there.
 */
export function readStop(text: string, i: number, sentenceStart: number): Stop {
  const n = text.length;
  let j = i;
  let dots = 0;
  let spacedDots = false;
  let kind: Stop['kind'];
  const face = emoticonEnd(text, i);
  if (face > 0) {
    kind = 'emoticon';
    j = face;
  } else if (isQuestionOrBang(text.charCodeAt(i))) {
    kind = 'bang';
    while (j < n && (isQuestionOrBang(text.charCodeAt(j)) || text.charCodeAt(j) === 46)) j++;
  } else {
    for (;;) {
      const c = text.charCodeAt(j);
      if (c === 46) {
        dots++;
        j++;
      } else if (c === 0x2026) {
        dots += 3;
        j++;
      } else if (c === 32 && text.charCodeAt(j + 1) === 46 && !isWordChar(text.charCodeAt(j + 2))) {
        // `. . .`: a space followed by a dot that is not the start of a word (`.NET`, `.5`)
        spacedDots = true;
        j++;
      } else break;
    }
    kind = dots >= 2 ? 'ellipsis' : 'period';
  }
  const end = j;
  let after = end;
  // Invisible characters after the marks belong to the sentence they end, like closing quotes.
  for (let c = text.charCodeAt(after); after - end < MAX_CLOSERS && (isCloser(c) || isInvisible(c)); )
    c = text.charCodeAt(++after);
  // An emoticon or a footnote after the marks belongs to the sentence they end (`family !!!! :-)`, `Dulwich. [17]`).
  let emoticon = kind === 'emoticon';
  if (!emoticon) {
    let k = after;
    while (k < n && k - after < MAX_CLOSERS && isInlineSpace(text.charCodeAt(k))) k++;
    const note = footnoteEnd(text, k);
    if (note > 0) after = note;
    else if (k > after) {
      const face = emoticonEnd(text, k);
      if (face > 0) {
        after = face;
        emoticon = true;
      }
    }
  }
  let next = after;
  while (next < n && isSpace(text.charCodeAt(next))) next++;
  const word = wordBefore(text, i, sentenceStart);
  const lower = word.toLowerCase();
  return { start: i, end, after, next, kind, emoticon, dots, spacedDots, sentenceStart, word, lower };
}

function isWordChar(c: number): boolean {
  return !Number.isNaN(c) && !isSpace(c) && c !== 46 && !isCloser(c);
}
