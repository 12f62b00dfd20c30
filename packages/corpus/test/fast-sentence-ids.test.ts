import { sentenceIds } from '@stance/schema';
import fc from 'fast-check';
import { expect, test } from 'vitest';
import { fastSentenceIds } from '../src/fast-sentence-ids.ts';

// Pieces that exercise every branch: repeats, NFC composition, odd white space, astral characters.
const piece = fc.constantFrom(
  'a',
  'A.',
  ' ',
  '  ',
  '\t',
  '\n',
  '\u00a0',
  '\u2028',
  'e\u0301',
  '\u00e9',
  '😀',
  '~',
  ':',
);
const text = fc.oneof(
  fc.array(piece, { maxLength: 8 }).map((p) => p.join('')),
  fc.string({ unit: 'grapheme' }),
);

test('fastSentenceIds gives exactly the ids of sentenceIds', () => {
  fc.assert(
    fc.property(fc.array(text, { maxLength: 12 }), (texts) => {
      expect(fastSentenceIds('doc-1', texts)).toEqual(sentenceIds('doc-1', texts));
    }),
    { numRuns: 500 },
  );
});

test('repeats get ~2, ~3 in order, compared after normalisation', () => {
  expect(fastSentenceIds('d', ['Yes.', 'Yes. ', 'No.', ' Yes.'])).toEqual(
    sentenceIds('d', ['Yes.', 'Yes.', 'No.', 'Yes.']),
  );
  expect(fastSentenceIds('d', ['Yes.', 'Yes.'])[1]).toMatch(/^d:[0-9a-f]{10}~2$/);
});
