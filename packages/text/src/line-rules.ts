import { isBullet, isInlineSpace, isLineBullet, isSpace } from './chars.ts';
import { readListMarker } from './list-marker.ts';
import { leadingWords } from './words.ts';

/** What a single line break (not a blank line) sits between. */
export interface LineBreak {
  /** Offset of the line break. */
  at: number;
  /** Offset where the line that the break ends begins. */
  lineStart: number;
  /** Offset of the first non-space character of the next line. */
  next: number;
  /** Offset of the first character of the current sentence. */
  sentenceStart: number;
}

/** A line rule: true when the sentence ends at this line break. */
export type LineRule = (text: string, line: LineBreak) => boolean;

// A line this short, with no closing punctuation, standing alone from the start of a sentence, is a heading or label.
const LABEL_WORDS = 3;
const LABEL_CHARS = 40;
// A line ending in one of these continues on the next line.
const CONTINUES = new Set([...',;:([{-–—&/']);

/** The next line is a list item: `- item`, `• item`, `1. item`, `a) item`. */
export const splitBeforeListItem: LineRule = (text, { next }) => {
  const c = text.charCodeAt(next);
  if (isBullet(c) || (isLineBullet(c) && isInlineSpace(text.charCodeAt(next + 1)))) return true;
  return readListMarker(text, next) !== undefined;
};

/** Either line is a Markdown heading (`# Title`). */
export const splitAroundHeading: LineRule = (text, { lineStart, next }) => {
  let i = lineStart;
  while (i < next && isSpace(text.charCodeAt(i))) i++;
  return text.charCodeAt(i) === 35 || text.charCodeAt(next) === 35;
};

/** A short line with no closing punctuation that starts a sentence is a heading, label or list entry on its own. */
export const splitAfterLabel: LineRule = (text, { at, lineStart, sentenceStart }) => {
  if (sentenceStart < lineStart || at - sentenceStart > LABEL_CHARS) return false;
  // The sentence must open the line: in hard-wrapped prose a sentence that starts late on a line is not a label.
  for (let i = lineStart; i < sentenceStart; i++) if (!isSpace(text.charCodeAt(i))) return false;
  let last = at;
  while (last > sentenceStart && isSpace(text.charCodeAt(last - 1))) last--;
  if (CONTINUES.has(text[last - 1] ?? ',')) return false;
  return leadingWords(text, sentenceStart, at, LABEL_WORDS).length <= LABEL_WORDS;
};

/** The line rules; any one that holds ends the sentence at the line break. */
export const LINE_RULES: readonly LineRule[] = [splitBeforeListItem, splitAroundHeading, splitAfterLabel];
