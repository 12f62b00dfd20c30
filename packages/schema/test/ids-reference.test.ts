import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { expect, test } from 'vitest';
import { normalizeForId, sentenceId, sentenceIds, textHash } from '../src/index.ts';

// The contract written out plainly (AGENTS.md "Sentence id"): the implementation skips work this does every time.
const referenceKey = (text: string) => text.normalize('NFC').replace(/\s+/gu, ' ').trim();
const referenceHash = (text: string, length: number) =>
  createHash('sha256').update(referenceKey(text), 'utf8').digest('hex').slice(0, length);
function referenceIds(docId: string, texts: readonly string[]): string[] {
  const seen = new Map<string, number>();
  return texts.map((text) => {
    const n = (seen.get(referenceKey(text)) ?? 0) + 1;
    seen.set(referenceKey(text), n);
    const base = `${docId}:${referenceHash(text, 10)}`;
    return n > 1 ? `${base}~${n}` : base;
  });
}

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
  '\ufeff',
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

test('sentenceIds gives exactly the ids of the definition', () => {
  fc.assert(
    fc.property(fc.array(text, { maxLength: 12 }), (texts) => {
      expect(sentenceIds('doc-1', texts)).toEqual(referenceIds('doc-1', texts));
      const seen = new Map<string, number>();
      texts.forEach((t, i) => {
        expect(normalizeForId(t)).toBe(referenceKey(t));
        expect(textHash(t)).toBe(referenceHash(t, 16));
        const occurrence = (seen.get(referenceKey(t)) ?? 0) + 1;
        seen.set(referenceKey(t), occurrence);
        expect(sentenceId('doc-1', t, occurrence)).toBe(referenceIds('doc-1', texts)[i]);
      });
    }),
    { numRuns: 500 },
  );
});

test('repeats get ~2, ~3 in order, compared after normalisation', () => {
  expect(sentenceIds('d', ['Yes.', 'Yes. ', 'No.', ' Yes.'])).toEqual(
    referenceIds('d', ['Yes.', 'Yes.', 'No.', 'Yes.']),
  );
  expect(sentenceIds('d', ['Yes.', 'Yes.'])[1]).toMatch(/^d:[0-9a-f]{10}~2$/);
});
