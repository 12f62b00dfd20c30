import type { Token } from '@stance/schema';

// A word is letters (with marks and digits after the first) joined by inner apostrophes, hyphens or periods, so `don't`,
// `state-owned`, `U.S` and `café` stay whole; a number keeps its separators (`1,000.50`, `9:30`).
const TOKEN = /\p{L}[\p{L}\p{M}\p{N}]*(?:['’.-]\p{L}[\p{L}\p{M}\p{N}]*)*|\p{N}+(?:[.,:]\p{N}+)*/gu;

/** Word and number tokens with `[start, end)` offsets into `text` (`text.slice(start, end) === token.text`). */
export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  for (const m of text.matchAll(TOKEN)) out.push({ start: m.index, end: m.index + m[0].length, text: m[0] });
  return out;
}

/** The lower-cased token texts of `text`, for bag-of-words features. */
export function words(text: string): string[] {
  return tokenize(text).map((t) => t.text.toLowerCase());
}
