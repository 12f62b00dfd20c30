import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scanQuotes } from '../src/quotes.ts';

describe('scanQuotes', () => {
  // The scan skips every character but the seven quotation marks by code; it must find what the character-by-character
  // scan found (that implementation, kept here as the reference).
  function reference(text: string, startsInQuote = false) {
    const quoted: { start: number; end: number }[] = [];
    let open = startsInQuote ? 0 : -1;
    let closer = startsInQuote ? 'any' : '';
    for (let i = 0; i < text.length; i++) {
      const c = text[i]!;
      if (open >= 0) {
        const closes =
          (closer === 'any' && (c === '”' || c === '"' || c === '»')) ||
          (closer === '”' && c === '”') ||
          (closer === '"' && c === '"') ||
          (closer === '»' && c === '»') ||
          (closer === '’' && c === '’' && !/[\p{L}\p{N}]/u.test(text[i + 1] ?? ''));
        if (closes) {
          quoted.push({ start: open, end: i + 1 });
          open = -1;
        }
        continue;
      }
      if (c === '“' || c === '"' || c === '«') {
        open = i;
        closer = c === '“' ? '”' : c === '«' ? '»' : '"';
      } else if (c === '‘' && !/[\p{L}\p{N}]/u.test(text[i - 1] ?? '')) {
        open = i;
        closer = '’';
      }
    }
    if (open >= 0 && closer !== '’') {
      quoted.push({ start: open, end: text.length });
      return { quoted, endsInQuote: true };
    }
    return { quoted, endsInQuote: false };
  }
  it('finds the quotations the character-by-character scan found', () => {
    const quoteText = fc
      .array(
        fc.constantFrom('a', 'b', ' ', '1', '"', '“', '”', '‘', '’', '«', '»', "'", '‚', '„', '‹', '›', '𝐀', '\ud800'),
        {
          maxLength: 30,
        },
      )
      .map((p) => p.join(''));
    fc.assert(
      fc.property(quoteText, fc.boolean(), (t, inQuote) => {
        expect(scanQuotes(t, inQuote)).toEqual(reference(t, inQuote));
      }),
      { numRuns: 1000 },
    );
  });
});
