import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TokenTable } from '../src/token-table.ts';
import { hashRange } from '../src/word-scanner.ts';

const info = (text: string) => ({
  index: 0,
  text,
  w1: -1,
  charsAt: -1,
  charsEnd: -1,
  stem: null,
  mark: 0,
  charMark: 0,
  cache: null,
  nextIndex: -1,
  nextPair: -1,
});

// Short tokens are confirmed from the code units kept in the slot, long ones from their string: both must find exactly
// the tokens added, by any stretch of any text that spells them, and nothing else (also when hashes collide).
describe('TokenTable', () => {
  const token = fc.string({ unit: fc.constantFrom('a', 'b', 'é', '\uffff', '\ud83d', '\ude00', '1'), maxLength: 14 });
  it('finds every token added, by a stretch of a longer text, and no other', () => {
    fc.assert(
      fc.property(fc.uniqueArray(token, { maxLength: 300 }), fc.array(token, { maxLength: 50 }), (added, probes) => {
        const table = new TokenTable();
        for (const t of added) table.add(info(t), hashRange(t, 0, t.length));
        for (const t of [...added, ...probes]) {
          const text = `xy${t}z`;
          const found = table.find(text, 2, 2 + t.length, hashRange(t, 0, t.length));
          expect(found?.text).toBe(added.includes(t) ? t : undefined);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('tells apart tokens whose hashes are equal', () => {
    const table = new TokenTable();
    const words = ['ab', 'ba', 'abcdefghijkl', 'abcdefghijkm', 'a', ''];
    for (const w of words) table.add(info(w), 7);
    for (const w of words) expect(table.find(`(${w})`, 1, 1 + w.length, 7)?.text).toBe(w);
    expect(table.find('abcdefghijkz', 0, 12, 7)).toBeUndefined();
    expect(table.find('bb', 0, 2, 7)).toBeUndefined();
  });
});
