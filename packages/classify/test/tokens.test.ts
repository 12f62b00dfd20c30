import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { words } from '../src/tokens.ts';

// Pieces that exercise every branch of the hand-written tokenizer: letters and digits in and outside the BMP, every
// joiner (' ’ . , -) between, before and after words, lone surrogates of both halves, combining marks (not letters),
// characters whose lower case is longer or depends on context (İ, Σ), and plain punctuation.
const PIECES = [
  'the',
  'The',
  'U.S.',
  '3.5',
  '1,000',
  'well-known',
  '-',
  '--',
  "'",
  '’',
  '.',
  ',',
  'don’t',
  "it's",
  'dogs’',
  ' ',
  '\n',
  'İstanbul',
  'ΟΔΟΣ',
  'Σ',
  'naïve',
  'e\u0301',
  '𝐀𝐁',
  '𝟗',
  '\ud800',
  '\udc00',
  '😀',
  'x²',
  '½',
  'Ⅻ',
  'Москва',
  '東京',
  '“',
  '?',
];
const text = fc.array(fc.constantFrom(...PIECES), { maxLength: 30 }).map((parts) => parts.join(''));

describe('words', () => {
  it('finds the matches of the reference regex, at the same offsets, with the same lower-cased forms', () => {
    const WORD = /[\p{L}\p{N}]+(?:['’.,-][\p{L}\p{N}]+)*/gu;
    fc.assert(
      fc.property(text, (t) => {
        const expected = [...t.matchAll(WORD)].map((m) => ({
          start: m.index,
          end: m.index + m[0].length,
          text: m[0],
          lower: m[0].toLowerCase().replace(/’/g, "'"),
        }));
        expect(words(t).map(({ start, end, text, lower }) => ({ start, end, text, lower }))).toEqual(expected);
      }),
      { numRuns: 2000 },
    );
  });
});
