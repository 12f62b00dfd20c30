import { isUpper } from '../chars.ts';
import { SENTENCE_STARTERS } from '../lexicon.ts';
import { isLowercase, previousWord, wordAt } from '../words.ts';
import type { StopRule } from './rule.ts';

/**
 * A single capital letter with a period is an initial (`Jonas E. Smith`) unless it is the pronoun after a lower-case word
 * (`you and I. Did`) or a word that opens sentences follows (`Plan B. The`).
 */
export const decideInitial: StopRule = (text, stop) => {
  const { word } = stop;
  if (word.length !== 1 || !isUpper(word.charCodeAt(0))) return undefined;
  if (word === 'I' && isLowercase(previousWord(text, stop.start))) return stop.after;
  return SENTENCE_STARTERS.has(wordAt(text, stop.next).toLowerCase()) ? stop.after : false;
};
