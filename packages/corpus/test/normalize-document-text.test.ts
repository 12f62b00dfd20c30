import fc from 'fast-check';
import { expect, test } from 'vitest';
import { normalizeDocumentText } from '../src/index.ts';

test('drops a BOM, turns CRLF and CR into LF, composes to NFC', () => {
  expect(normalizeDocumentText('\ufeffa\r\nb\rc\n')).toBe('a\nb\nc\n');
  expect(normalizeDocumentText('cafe\u0301')).toBe('caf\u00e9');
});

// Pieces that exercise every step (BOMs, CR/LF mixes, decomposed and composed accents, astral and lone surrogates);
// fast-check's 'binary' unit would too, but takes seconds to set up on first use.
const piece = fc.constantFrom('\ufeff', '\r', '\n', '\r\n', 'e\u0301', '\u00e9', '\u0301', 'a', ' ', '😀', '\ud800');
const text = fc.oneof(
  fc.array(piece, { maxLength: 16 }).map((p) => p.join('')),
  fc.string({ unit: 'grapheme' }),
);

test('is idempotent and leaves no CR behind', () => {
  fc.assert(
    fc.property(text, (text) => {
      const once = normalizeDocumentText(text);
      expect(normalizeDocumentText(once)).toBe(once);
      expect(once.includes('\r')).toBe(false);
    }),
  );
});
