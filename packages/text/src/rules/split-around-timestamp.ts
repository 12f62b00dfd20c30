import { isDigit } from '../chars.ts';
import { isLowercase, previousWord } from '../words.ts';
import type { TokenRule } from './token-rule.ts';

// A date with a clock time: `08/16/2000 12:05 PM`, `3/9/2005 11:16:00 PM`, `04/25/01 12:42:55`.
const STAMP = /\d{1,2}\/\d{1,2}\/\d{2,4} \d{1,2}:\d\d(?::\d\d)?(?: ?[AaPp]\.?[Mm]\.?)?(?=\s|$)/y;

/**
 * A date with a clock time stands alone, as in the header lines of forwarded mail (`Kay Mann 04/26/2001 07:17 AM Will you
 * be`): the sentence ends after it, and before it too unless a lower-case word leads into it (`sent on 08/16/2000 03:14
 * PM`).
 */
export const splitAroundTimestamp: TokenRule = {
  opens: (c, next) => isDigit(c) && (isDigit(next) || next === 47),
  decide: (text, at) => {
    // The slash must come after one or two digits: a cheap test before the regular expression, as numbers are common.
    if (text.charCodeAt(at + 1) !== 47 && text.charCodeAt(at + 2) !== 47) return undefined;
    STAMP.lastIndex = at;
    if (!STAMP.test(text)) return undefined;
    const end = STAMP.lastIndex;
    return { before: !isLowercase(previousWord(text, at)), after: end };
  },
};
