import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { documentDraw, parseSplitRatios, SPLITS, splitOf } from '../src/index.ts';

describe('splits', () => {
  it('parses ratios in percent or shares', () => {
    expect(parseSplitRatios('80/10/10')).toEqual([0.8, 0.1, 0.1]);
    expect(parseSplitRatios('0.7/0.15/0.15')).toEqual([0.7, 0.15, 0.15]);
    expect(parseSplitRatios('1/0/0')).toEqual([1, 0, 0]);
    for (const bad of ['80/20', '80/-10/30', 'a/b/c', '0/0/0', '80//20']) {
      expect(() => parseSplitRatios(bad)).toThrow(/--split/);
    }
  });

  it('draws a number in [0, 1) that depends only on the seed and the id', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1 }), fc.integer(), (id, seed) => {
        const u = documentDraw(id, seed);
        expect(u).toBeGreaterThanOrEqual(0);
        expect(u).toBeLessThan(1);
        expect(documentDraw(id, seed)).toBe(u);
      }),
    );
  });

  it('cuts documents close to the ratios on many ids', () => {
    const counts = { train: 0, validation: 0, test: 0 };
    for (let i = 0; i < 20_000; i++) counts[splitOf(`doc-${i}`, 42, [0.8, 0.1, 0.1])]++;
    expect(counts.train / 20_000).toBeCloseTo(0.8, 1);
    expect(counts.validation / 20_000).toBeCloseTo(0.1, 1);
    expect(counts.test / 20_000).toBeCloseTo(0.1, 1);
  });

  it('moves a document only between neighbouring splits when a ratio changes, never with other documents', () => {
    // Growing train from 80% to 90% moves only documents whose draw is in [0.8, 0.9): validation → train.
    for (let i = 0; i < 2000; i++) {
      const a = splitOf(`d${i}`, 1, [0.8, 0.1, 0.1]);
      const b = splitOf(`d${i}`, 1, [0.9, 0.05, 0.05]);
      if (a !== b) expect(SPLITS.indexOf(b)).toBeLessThan(SPLITS.indexOf(a));
    }
  });
});
