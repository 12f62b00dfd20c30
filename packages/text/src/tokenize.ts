import type { Token } from '@stance/schema';
import { matchTokens } from './natural-adapter.ts';

// A word is letters (with marks and digits after the first) joined by inner apostrophes, hyphens or periods, so `don't`,
// `state-owned`, `U.S` and `café` stay whole; a number keeps its separators (`1,000.50`, `9:30`). The pattern has no
// look-behind, so each match string first occurs in the text at its own match position (see `tokenize`).
const TOKEN = /\p{L}[\p{L}\p{M}\p{N}]*(?:['’.-]\p{L}[\p{L}\p{M}\p{N}]*)*|\p{N}+(?:[.,:]\p{N}+)*/gu;

/** Word and number tokens with `[start, end)` offsets into `text` (`text.slice(start, end) === token.text`). */
export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  let cursor = 0;
  // natural returns strings only; each one is the leftmost match after the previous token, so searching from there
  // finds exactly its offset, in linear time overall.
  for (const word of matchTokens(text, TOKEN)) {
    const start = text.indexOf(word, cursor);
    cursor = start + word.length;
    out.push({ start, end: cursor, text: word });
  }
  return out;
}

/** The lower-cased token texts of `text`, for bag-of-words features. */
export function words(text: string): string[] {
  return tokenize(text).map((t) => t.text.toLowerCase());
}
