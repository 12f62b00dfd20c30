import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { execAll } from '../src/exec-all.ts';

describe('execAll', () => {
  it('finds what matchAll finds, for any text, also when called again on the same regex', () => {
    for (const re of [/\d+|\b[A-Z]\w*|!+|x*/g, /\p{L}+|x*/gu])
      fc.assert(
        fc.property(fc.string({ maxLength: 60, unit: 'grapheme' }), (text) => {
          const expected = [...text.matchAll(re)].map((m) => [m.index, m[0]]);
          expect(execAll(re, text).map((m) => [m.index, m[0]])).toEqual(expected);
          expect(execAll(re, text).map((m) => [m.index, m[0]])).toEqual(expected);
        }),
      );
  });
});
