import { isLetter, isLower, isUpper } from '../chars.ts';
import { isKnownAbbreviation } from '../lexicon.ts';
import type { StopRule } from './rule.ts';

/**
 * Informal writing often starts a sentence in lower case (`the food is mediocre. the waitress took my name`, `where did
 * you grow up? india?`). A lone full stop or a `?`/`!` run that follows a plain word, with no closing quote after it, ends
 * the sentence before a lower-case word too, unless the word is an abbreviation (`co. at noon`, `U.S. citizens`), a
 * capitalised name with `!` (`Yahoo! in`) or a single letter. Ellipses and quotations are left to later rules
 * (`maybe... if you`, `“Great.” she said`).
 */
export const splitBeforeLowercase: StopRule = (text, stop) => {
  if (stop.after !== stop.end || stop.next === stop.after || stop.kind === 'ellipsis') return undefined;
  if (!isLower(text.charCodeAt(stop.next))) return undefined;
  const { word, lower } = stop;
  if (word.length < 2 || !isLetter(word.charCodeAt(0)) || word.includes('.')) return undefined;
  if (stop.kind === 'bang') return isUpper(word.charCodeAt(0)) && text[stop.start] === '!' ? undefined : stop.after;
  if (stop.end - stop.start !== 1 || isKnownAbbreviation(lower)) return undefined;
  return stop.after;
};
