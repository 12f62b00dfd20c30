import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DATE, dateSpans } from '../src/cues/date.ts';
import { viewSentence } from '../src/index.ts';

const spansOf = (text: string) => dateSpans(viewSentence(text)).map((s) => text.slice(s.start, s.end));
/** What the regex alone finds, with no shortcut. */
const reference = (text: string) => [...text.matchAll(DATE)].map((m) => m[0]);

describe('date cue', () => {
  it.each([
    ['The council met on 12 March 2025.', ['12 March 2025']],
    ['It opened on March 5th, 2021.', ['March 5th, 2021']],
    ['Sales fell in March 2024.', ['in March']],
    ['The figures were 2021-03-04.', ['2021-03-04']],
    ['Prices rose sharply in the mid-1990s.', ['in the mid-1990s']],
    ['Nothing has changed since 1998.', ['since 1998']],
    ['The vote is on Monday.', ['on Monday']],
    ['Rents rose last year.', ['last year']],
    ['They met yesterday.', ['yesterday']],
    ['The plan may fail by May.', ['by May']],
    ['About 300 people work at the plant, 12 of them part-time.', []],
  ])('%s', (text, expected) => {
    expect(spansOf(text)).toEqual(expected);
  });

  // Regression: the shortcut that skips the regex missed "mid-1990s" (a year inside a word).
  it('the shortcut never changes what the regex finds', () => {
    const piece = fc.constantFrom(
      'in',
      'the',
      'mid-1990s',
      'early',
      '1990s',
      'since',
      '1998',
      '2021-03-04',
      'on',
      'Monday',
      'last',
      'week',
      'March',
      '5th,',
      '2021',
      '12',
      'May',
      'may',
      'by',
      'yesterday',
      'rose',
      'prices',
      '300',
      'x1999',
      '6.1%',
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 10 }), (words) => {
        const text = `${words.join(' ')}.`;
        expect(spansOf(text)).toEqual(reference(text));
      }),
    );
  });
});
