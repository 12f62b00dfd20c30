import type { Cue, Span } from '@stance/schema';
import type { CueRule, SentenceView } from '../cue-rule.ts';
import { cue } from '../cue-rule.ts';
import { execAll } from '../exec-all.ts';
import { wordFlag } from '../word-table.ts';

const MONTH =
  'January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec';
const DAY = 'Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday';
/** Every date pattern, as one regex. Month names need a day or year next to them, so "may" and "April" are not dates. */
export const DATE = new RegExp(
  [
    `\\b(?:${MONTH})\\.? \\d{1,2}(?:st|nd|rd|th)?(?:, \\d{4})?\\b`,
    `\\b\\d{1,2}(?:st|nd|rd|th)? (?:${MONTH})(?: \\d{4})?\\b`,
    `\\b(?:${MONTH}) \\d{4}\\b`,
    `\\b(?:in|since|by|until|from|of|during|before|after) (?:the )?(?:early |late |mid-)?(?:1[5-9]|20)\\d{2}s?\\b`,
    `\\b(?:1[89]|20)\\d{2}-(?:0[1-9]|1[0-2])-\\d{2}\\b`,
    `\\b(?:on |last |next |this )?(?:${DAY})\\b`,
    `\\b(?:last|next|this) (?:week|month|year|spring|summer|autumn|fall|winter)\\b`,
    `\\b(?:yesterday|(?:earlier|later) this (?:week|month|year))\\b`,
    `\\b(?:in|since|by) (?:${MONTH})\\b`,
  ].join('|'),
  'g',
);

// Every date pattern needs one of these words or a year (a word with four digits in a row: 1990s, mid-1990s);
// checking the sentence's words first (a Set lookup each) skips the long regex on most sentences, including the
// many with numbers that are not dates.
const DATE_WORDS = new Set(
  `${MONTH}|${DAY}|week|month|year|spring|summer|autumn|fall|winter|yesterday`.toLowerCase().split('|'),
);
const cache = new Map<string, Span[]>();

/** Whether a word holds four digits in a row (`1990`, `1990s`, `2021-03-04`, `mid-1990s`). */
function hasYear(word: string): boolean {
  let run = 0;
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    run = c >= 48 && c <= 57 ? run + 1 : 0;
    if (run === 4) return true;
  }
  return false;
}

const DATE_WORD = wordFlag(() => DATE_WORDS);

/** Spans of dates in a sentence; the number rule uses them so a date's digits are not counted twice. */
export function dateSpans(view: SentenceView): Span[] {
  const text = view.text;
  if (!view.tokens.some((t) => (t.flags & DATE_WORD) !== 0 || hasYear(t.lower))) return [];
  // The date and number rules both ask for the same sentence in a row; a one-entry cache halves the work.
  const hit = cache.get(text);
  if (hit) return hit;
  const spans = execAll(DATE, text).map((m): Span => ({ start: m.index, end: m.index + m[0].length }));
  cache.clear();
  cache.set(text, spans);
  return spans;
}

/** Dates: checkable content, so fact cues. */
export const dateRule: CueRule = {
  kind: 'date',
  find(view) {
    return dateSpans(view).map((s): Cue => cue(s.start, s.end, 'date', 'fact', 0.4));
  },
};
