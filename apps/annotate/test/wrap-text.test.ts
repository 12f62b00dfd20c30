import fc from 'fast-check';
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { wrapLines, wrapRanges } from '../src/model/wrap-text.ts';

describe('wrapRanges', () => {
  it('breaks at spaces, and inside a word only when it is longer than a line', () => {
    expect(wrapLines('The council voted 7-2 on Tuesday.', 12)).toEqual(['The council', 'voted 7-2 on', 'Tuesday.']);
    expect(wrapLines('Supercalifragilistic word', 8)).toEqual(['Supercal', 'ifragili', 'stic', 'word']);
    expect(wrapLines('東京の市議会は火曜日に', 8)).toEqual(['東京の市', '議会は火', '曜日に']);
  });

  it('gives lines that fit the width, in order, losing only the spaces at the breaks (property)', () => {
    const text = fc.string({ unit: fc.constantFrom('a', 'b', ' ', 'é', '東', '🎉', 'x'), maxLength: 200 });
    fc.assert(
      fc.property(text, fc.integer({ min: 2, max: 40 }), (raw, width) => {
        const line = raw.trim().replace(/ +/g, ' ');
        const ranges = wrapRanges(line, width);
        let at = 0;
        for (const [start, end] of ranges) {
          expect(start).toBeGreaterThanOrEqual(at);
          expect(line.slice(at, start).trim()).toBe('');
          expect(stringWidth(line.slice(start, end))).toBeLessThanOrEqual(width);
          at = end;
        }
        expect(line.slice(at).trim()).toBe('');
      }),
    );
  });
});
