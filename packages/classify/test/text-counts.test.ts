import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nonSpaceLength, wordCount } from '../src/text-counts.ts';

// Pieces that exercise every branch: each kind of white space a regex `\s` matches, letters and numbers of several
// scripts, an astral letter and an astral non-letter, lone surrogates, punctuation and quote marks.
const PIECES = [
  ' ',
  '  ',
  '\t',
  '\n',
  '\u00a0',
  '\u2003',
  '\u3000',
  '\ufeff',
  '\u200b',
  'word',
  'É',
  '42',
  '٣',
  '東京',
  '𝒜',
  '😀',
  '\ud835',
  '\udc9c',
  '“',
  '”',
  '"',
  '—',
  ',',
  '.',
];
const text = fc.array(fc.constantFrom(...PIECES), { maxLength: 25 }).map((parts) => parts.join(''));
const stretch = text.chain((t) =>
  fc
    .tuple(fc.nat({ max: t.length }), fc.nat({ max: t.length }))
    .map(([a, b]) => ({ t, start: Math.min(a, b), end: Math.max(a, b) })),
);

describe('text counts', () => {
  it('nonSpaceLength is the length without regex white space', () => {
    fc.assert(
      fc.property(stretch, ({ t, start, end }) => {
        expect(nonSpaceLength(t, start, end)).toBe(t.slice(start, end).replace(/\s+/g, '').length);
      }),
      { numRuns: 3000 },
    );
  });

  it('wordCount counts the white-space separated pieces that hold a letter or a number', () => {
    fc.assert(
      fc.property(stretch, ({ t, start, end }) => {
        const expected = t
          .slice(start, end)
          .split(/\s+/)
          .filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
        expect(wordCount(t, start, end)).toBe(expected);
      }),
      { numRuns: 3000 },
    );
  });
});
