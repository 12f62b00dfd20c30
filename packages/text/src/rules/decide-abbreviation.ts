import { isLower } from '../chars.ts';
import {
  ABBREVIATIONS,
  BEFORE_NUMBER,
  POSTPOSITIVE,
  PREPOSITIONS,
  PREPOSITIVE,
  SENTENCE_STARTERS,
  WORDS_BEFORE_NUMBER,
} from '../lexicon.ts';
import { isCapitalised, leadingWords, wordAt } from '../words.ts';
import type { StopRule } from './rule.ts';

// Letters joined by periods: U.S, E.U, a.m, J.R.R. Any such word is an abbreviation, listed or not.
const DOTTED = /^(?:\p{L}\.)+\p{L}$/u;
// A sentence shorter than this that opens with a preposition (`At 5 a.m.`) is a phrase, not a sentence.
const FRAGMENT_WORDS = 4;
const FRAGMENT_CHARS = 40;

/**
 * After an abbreviation (`Co.`, `U.S.`, `a.m.`, `etc.`) the sentence ends only when what follows looks like the start of a
 * new one: a word that opens sentences (`It`, `How`, `The`) or a title (`Mr.`), or any capitalised word after one that
 * closes a name (`etc.`, `Inc.`, `Oct.`); never after a bare opening phrase.
 */
export const decideAbbreviation: StopRule = (text, stop) => {
  const { word, lower } = stop;
  const isAbbreviation =
    ABBREVIATIONS.has(lower) ||
    (BEFORE_NUMBER.has(lower) && !WORDS_BEFORE_NUMBER.has(lower)) ||
    (word.includes('.') && DOTTED.test(word)) ||
    (word.length === 1 && isLower(word.charCodeAt(0)));
  if (!isAbbreviation) return undefined;
  if (isOpeningPhrase(text, stop.sentenceStart, stop.start)) return false;
  const next = wordAt(text, stop.next);
  if (POSTPOSITIVE.has(lower) && isCapitalised(next)) return stop.after;
  const nextLower = next.toLowerCase();
  const title = PREPOSITIVE.has(nextLower) && text.charCodeAt(stop.next + next.length) === 46;
  return SENTENCE_STARTERS.has(nextLower) || title ? stop.after : false;
};

function isOpeningPhrase(text: string, from: number, to: number): boolean {
  if (to - from > FRAGMENT_CHARS) return false;
  const words = leadingWords(text, from, to, FRAGMENT_WORDS);
  return words.length <= FRAGMENT_WORDS && PREPOSITIONS.has(words[0] ?? '');
}
