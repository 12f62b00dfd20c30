import { describe, expect, it } from 'vitest';
import { words } from '../src/tokens.ts';
import { addPhraseStart, wordFlag } from '../src/word-table.ts';

// The cue rules read a token's `flags` and `starts` instead of looking its lower-cased form up in their own lists; the
// shared table that remembers them must answer as those lookups would, whatever was read before.
describe('word table', () => {
  it('gives every spelling the flags of its lower-cased form, also for words read before the test was added', () => {
    const before = words('Xylophone XYLO axe x’s');
    const bit = wordFlag((w) => w.startsWith('x'));
    const after = words('Xylophone XYLO axe x’s');
    expect(before.map((t) => t.text)).toEqual(after.map((t) => t.text));
    expect(after.map((t) => [t.lower, (t.flags & bit) !== 0])).toEqual([
      ['xylophone', true],
      ['xylo', true],
      ['axe', false],
      ["x's", true],
    ]);
  });

  it('gives the phrase-list bits of a first word added after the word was read', () => {
    expect(words('Quuxish')[0]!.starts).toBe(0);
    addPhraseStart('quuxish', 2 ** 30);
    expect(words('Quuxish quuxish')[1]!.starts & (2 ** 30)).toBe(2 ** 30);
  });

  it('still answers right after more distinct words than it keeps', () => {
    const bit = wordFlag((w) => w.endsWith('7'));
    const many = Array.from({ length: 120_000 }, (_, i) => `w${i}`).join(' ');
    const tokens = words(many);
    expect(tokens.length).toBe(120_000);
    for (const t of tokens) expect((t.flags & bit) !== 0).toBe(t.lower.endsWith('7'));
    expect(words('W17 w18').map((t) => [t.text, t.lower, (t.flags & bit) !== 0])).toEqual([
      ['W17', 'w17', true],
      ['w18', 'w18', false],
    ]);
  });
});
