import { tokenEnd } from '../address.ts';
import type { TokenRule } from './token-rule.ts';

// Characters that rule a line when repeated (`=====`, `*****`, `_____`, `-----`, `~~~~~`, `#####`, `+++++`).
const isRuleChar = (c: number) => c === 61 || c === 42 || c === 95 || c === 126 || c === 35 || c === 43 || c === 45;
// Four make a rule; three asterisks or hashes (`***`) already mark a section break, but `---` is a dash in plain text.
const MIN_RUN = 4;

/**
 * A separator drawn with a repeated character (`=====`, `_____`, `*****NOTICE*****`, `***`) in mail and forum posts stands
 * apart from the text around it: the sentence ends before it and after it, also when the line breaks around it are gone.
 * A banner that only opens with one (`----== Posted via`) ends the sentence before it.
 */
export const splitAroundSeparator: TokenRule = {
  opens: (c, next) => isRuleChar(c) && next === c,
  decide: (text, at) => {
    const c = text.charCodeAt(at);
    if (!isRuleChar(c)) return undefined;
    const min = c === 42 || c === 35 ? MIN_RUN - 1 : MIN_RUN;
    let j = at + 1;
    while (j - at < min && text.charCodeAt(j) === c) j++;
    if (j - at < min) return undefined;
    const end = tokenEnd(text, at);
    // A rule ends where it began (`=====`, `***NOTICE***`); `----== Posted via` is a banner that opens its line.
    return { before: true, after: end > 0 && text.charCodeAt(end - 1) === c ? end : -1 };
  },
};
