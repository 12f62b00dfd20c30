import { isDigit, isLower } from '../chars.ts';
import { BEFORE_NUMBER } from '../lexicon.ts';
import type { StopRule } from './rule.ts';

/** `p. 55`, `No. 5`, `N°. 1026`, `Jan. 6`: an abbreviation that takes a number, followed by one. */
export const keepNumberReference: StopRule = (text, stop) => {
  if (!isDigit(text.charCodeAt(stop.next))) return undefined;
  const { word } = stop;
  const singleLower = word.length === 1 && isLower(word.charCodeAt(0));
  return singleLower || BEFORE_NUMBER.has(stop.lower) ? false : undefined;
};
