import { describe, expect, it } from 'vitest';
import { words } from '../src/tokens.ts';
import { addPhraseStart, wordFlag } from '../src/word-table.ts';

// The cue rules read a token's `flags` and `starts` instead of looking its lower-cased form up in their own lists; the
// shared map they come from must answer as those lookups would, whatever was read before.
describe('word facts', () => {
  it('flags every spelling of a listed word, also for a list added after sentences were read', () => {
    expect(words('Xylophone')[0]!.flags).toBe(0);
    const bit = wordFlag(() => ['xylophone', 'xylo', "x's"]);
    expect(words('Xylophone XYLO axe x’s').map((t) => [t.lower, (t.flags & bit) !== 0])).toEqual([
      ['xylophone', true],
      ['xylo', true],
      ['axe', false],
      ["x's", true],
    ]);
  });

  it('gives the phrase-list bits of a first word added after the word was read', () => {
    expect(words('Quuxish')[0]!.starts).toBe(0);
    addPhraseStart('quuxish', 2 ** 30);
    expect(words('Quuxish quuxish').map((t) => t.starts & (2 ** 30))).toEqual([2 ** 30, 2 ** 30]);
  });
});
