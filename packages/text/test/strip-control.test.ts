import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { stripControl } from '../src/index.ts';

describe('stripControl', () => {
  test('removes escape sequences, control characters and bidi overrides; keeps tab and line feed', () => {
    const hostile = 'a\u001b[2Jb\u001b]0;title\u0007c\u0000d\u202ee\tf\ng\u009b1mh\u001bMi\r';
    expect(stripControl(hostile)).toBe('abcde\tf\nghi');
  });
  test('leaves ordinary text alone', () => {
    expect(stripControl('“Quotes”, café, 1,000 — done.')).toBe('“Quotes”, café, 1,000 — done.');
  });
  test('output has no control character but tab and line feed (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (s) => {
        expect(stripControl(s)).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
      }),
    );
  });
  test('is idempotent (property)', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'binary', maxLength: 40 }),
        (s) => stripControl(stripControl(s)) === stripControl(s),
      ),
    );
  });
});
