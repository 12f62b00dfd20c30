// The one place this package touches `natural`, by deep import only: the package root loads database drivers and prints
// to stdout. natural's word tokenizers return strings without offsets and its WordTokenizer splits on anything outside
// A-Z/Cyrillic (so `café` and `don't` break apart); its RegexpTokenizer with our own Unicode pattern does what we need.
import { RegexpTokenizer } from 'natural/lib/natural/tokenizers/index.js';

/** The substrings of `text` that match `pattern` (which must have the `g` flag), in order, via natural's RegexpTokenizer. */
export function matchTokens(text: string, pattern: RegExp): string[] {
  return new RegexpTokenizer({ pattern, gaps: false }).tokenize(text) ?? [];
}
