import { isEmailAt, isUrlStart, tokenEnd } from '../address.ts';
import { isDigit, isInlineSpace, isUpper } from '../chars.ts';
import { SENTENCE_STARTERS } from '../lexicon.ts';
import { isCapitalised, wordAt } from '../words.ts';
import type { TokenRule } from './token-rule.ts';

// Marks that end an address token are the sentence's own punctuation: the stop rules decide those.
const PUNCTUATION = new Set([...'.,;:!?']);

/**
 * An e-mail address or URL with no punctuation after it ends the sentence when a capitalised word, a number or another
 * address follows on the same line: signatures and headers in mail and forum posts (`Kevin.Boone@accenture.com Our web
 * address is`, `Email: jane@example.com Groups: alt.animals`, a list of links one after another). Not before a name of
 * several capitalised words, as in an author line (`m.p.cock@vu.nl Vrije Universiteit Amsterdam`).
 */
export const splitAfterAddress: TokenRule = {
  // `@` before a letter; `ht`, `ft`, `ww` (http, ftp, www) in any case, or `<`, `(`, `[` before h, f or w.
  opens: (c, next) => {
    const a = String.fromCharCode(c).toLowerCase();
    const b = String.fromCharCode(next).toLowerCase();
    if (a === '@') return /[a-z]/.test(b);
    return ['ht', 'ft', 'ww'].includes(a + b) || ('<(['.includes(a) && 'hfw'.includes(b));
  },
  decide: (text, at) => {
    if (text.charCodeAt(at) === 64 ? !isEmailAt(text, at) : !isUrlStart(text, at)) return undefined;
    const end = tokenEnd(text, at);
    if (end < 0 || PUNCTUATION.has(text[end - 1] ?? '.') || !isInlineSpace(text.charCodeAt(end))) return undefined;
    let next = end + 1;
    while (next - end < 4 && isInlineSpace(text.charCodeAt(next))) next++;
    const c = text.charCodeAt(next);
    if (isDigit(c) || isUrlStart(text, next)) return { before: false, after: end };
    const word = wordAt(text, next);
    if (!isCapitalised(word)) return undefined;
    return SENTENCE_STARTERS.has(word.toLowerCase()) || !startsName(text, next + word.length)
      ? { before: false, after: end }
      : undefined;
  },
};

// A capitalised word after the one at the address (`Vrije Universiteit`): a name goes on.
function startsName(text: string, from: number): boolean {
  let i = from;
  while (i - from < 4 && isInlineSpace(text.charCodeAt(i))) i++;
  return i > from && isUpper(text.charCodeAt(i));
}
