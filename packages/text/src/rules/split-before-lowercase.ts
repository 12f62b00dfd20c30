import { isUrlStart } from '../address.ts';
import { isCloser, isDigit, isLetter, isLower, isSpace, isUpper } from '../chars.ts';
import { isKnownAbbreviation } from '../lexicon.ts';
import type { StopRule } from './rule.ts';

/**
 * Informal writing often starts a sentence in lower case (`the food is mediocre. the waitress took my name`, `where did
 * you grow up? india?`, `call me at 555-0100. they know`). A lone full stop or a `?`/`!` run that follows a plain word, a
 * number or a closing bracket, with no closing quote after it, ends the sentence before a lower-case word too, unless
 * the word is an abbreviation (`co. at noon`, `U.S. citizens`), a capitalised name with `!` (`Yahoo! in`) or a single
 * letter or digit (`a. the`, `1. first`). A `?`/`!` set off by a space (`as i do ? i dont`) counts too. Ellipses and
 * quotations are left to later rules (`maybe... if you`, `“Great.” she said`); a URL after any stop opens a sentence.
 */
export const splitBeforeLowercase: StopRule = (text, stop) => {
  if (stop.next === stop.after) return undefined;
  if (isUrlStart(text, stop.next)) return isKnownAbbreviation(stop.lower) ? undefined : stop.after;
  if (stop.after !== stop.end || stop.kind === 'ellipsis' || !isLower(text.charCodeAt(stop.next))) return undefined;
  const { word, lower } = stop;
  const before = text.charCodeAt(stop.start - 1);
  if (word.length === 0) {
    // `(555-0100). they`, `"on". maybe`: a closing bracket or quote, or a `?`/`!` on its own (`i do ? i`).
    if (isCloser(before) && stop.kind === 'period') return stop.after;
    return stop.kind === 'bang' && isSpace(before) ? stop.after : undefined;
  }
  const first = word.charCodeAt(0);
  if (word.length < 2 || !(isLetter(first) || isDigit(first)) || word.includes('.')) return undefined;
  if (stop.kind === 'bang') return isUpper(first) && text[stop.start] === '!' ? undefined : stop.after;
  if (stop.end - stop.start !== 1 || isKnownAbbreviation(lower)) return undefined;
  return stop.after;
};
