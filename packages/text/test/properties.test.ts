import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { segment, tokenize } from '../src/index.ts';

// Random text built from the pieces that trip segmenters: marks, quotes, brackets, line breaks, abbreviations, list
// markers, digits, the web-text pieces (emoticons, footnotes, addresses, mail timestamps, separators, salutations), plus
// arbitrary Unicode (lone surrogates included).
const piece = fc.oneof(
  fc.constantFrom(
    '.',
    '. ',
    '?',
    '!',
    '…',
    '...',
    ' . . . ',
    '"',
    '”',
    '’',
    "'",
    '(',
    ')',
    '[',
    ']',
    '\n',
    '\n\n',
    '\r\n',
    ' ',
    'Mr.',
    'U.S.',
    'e.g.',
    'a.m.',
    '1.',
    '2)',
    'a. ',
    '• ',
    '- ',
    '# ',
    '> ',
    '\n>\n',
    'The',
    'he',
    'I',
    '3.14',
    '$5',
    'x@y.z',
    'https://a.b/c.d',
    ':)',
    ' :-( ',
    '[1]',
    '[...]',
    'Jo@ex.com ',
    'www.a.b ',
    '08/16/2000 12:05 PM',
    '=====',
    '***',
    'Regards, ',
    '1) ',
    "didn't",
    '\u2029',
    '\u00a0',
    '\t',
  ),
  fc.string({ maxLength: 6 }),
  fc.string({ unit: 'binary', maxLength: 4 }),
);
const text = fc.array(piece, { maxLength: 40 }).map((parts) => parts.join(''));
// What segment may leave out between sentences: white space, and the `>` marks of an empty block-quotation line.
const isGap = (s: string) => s.replace(/>/g, '').trim() === '';

describe('segment properties', () => {
  test('offsets slice the input; sentences are non-empty, trimmed, in order and do not overlap', () => {
    fc.assert(
      fc.property(text, (t) => {
        const spans = segment(t);
        let last = 0;
        for (const s of spans) {
          expect(t.slice(s.start, s.end)).toBe(s.text);
          expect(s.text.length).toBeGreaterThan(0);
          expect(s.text.trim()).toBe(s.text);
          expect(s.start).toBeGreaterThanOrEqual(last);
          last = s.end;
        }
      }),
      { numRuns: 2000 },
    );
  });

  test('all text is covered: what lies between sentences is white space, or an empty block-quotation line', () => {
    fc.assert(
      fc.property(text, (t) => {
        const spans = segment(t);
        let last = 0;
        for (const s of spans) {
          expect(isGap(t.slice(last, s.start))).toBe(true);
          last = s.end;
        }
        expect(isGap(t.slice(last))).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  test('a blank line always ends a sentence', () => {
    fc.assert(
      fc.property(text, text, (a, b) => {
        const t = `${a}\n\n${b}`;
        for (const s of segment(t)) expect(s.start >= a.length + 2 || s.end <= a.length).toBe(true);
      }),
    );
  });
});

describe('tokenize properties', () => {
  test('tokens slice the input, are non-empty, in order, and never contain white space', () => {
    fc.assert(
      fc.property(text, (t) => {
        let last = 0;
        for (const tok of tokenize(t)) {
          expect(t.slice(tok.start, tok.end)).toBe(tok.text);
          expect(tok.text).toMatch(/^\S+$/);
          expect(tok.start).toBeGreaterThanOrEqual(last);
          last = tok.end;
        }
      }),
      { numRuns: 2000 },
    );
  });
});
