import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bootstrapCI, bootstrapSumCIs, mean, mulberry32, quantileSorted, sd } from '../src/index.ts';

const meanOf = (groups: readonly number[]) => mean(groups);

describe('summary statistics', () => {
  it('mean and sample sd of a hand case', () => {
    expect(mean([2, 4, 4, 4, 5, 5, 7, 9])).toBe(5);
    // Sum of squares 32 over n − 1 = 7.
    expect(sd([2, 4, 4, 4, 5, 5, 7, 9])).toBeCloseTo(Math.sqrt(32 / 7), 12);
    expect(mean([])).toBeNaN();
    expect(sd([1])).toBeNaN();
  });

  it('quantiles interpolate linearly like numpy.percentile', () => {
    // numpy.percentile([1, 2, 3, 4], [2.5, 50, 97.5]) → [1.075, 2.5, 3.925]
    expect(quantileSorted([1, 2, 3, 4], 0.025)).toBeCloseTo(1.075, 12);
    expect(quantileSorted([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(quantileSorted([1, 2, 3, 4], 0.975)).toBeCloseTo(3.925, 12);
  });
});

describe('mulberry32', () => {
  it('is deterministic per seed and differs between seeds', () => {
    const a = mulberry32(7);
    const b = mulberry32(7);
    const c = mulberry32(8);
    const xs = [a(), a(), a()];
    expect([b(), b(), b()]).toEqual(xs);
    expect(c()).not.toBe(xs[0]);
    for (const x of xs) expect(x >= 0 && x < 1).toBe(true);
  });
});

describe('bootstrapCI', () => {
  const groups = [0.2, 0.5, 0.9, 0.4, 0.7, 0.1, 0.6, 0.8, 0.3, 0.55];

  it('gives the same interval for the same seed, and a different one for another seed', () => {
    const one = bootstrapCI(groups, meanOf, { seed: 3, resamples: 500 });
    const two = bootstrapCI(groups, meanOf, { seed: 3, resamples: 500 });
    const other = bootstrapCI(groups, meanOf, { seed: 4, resamples: 500 });
    expect(two).toEqual(one);
    expect(other.low).not.toBe(one.low);
    expect(one.estimate).toBeCloseTo(0.505, 12);
    expect(one.level).toBe(0.95);
    expect(one.resamples).toBe(500);
    expect(one.valid).toBe(500);
  });

  it('has a standard error near the analytic sd/√n for the mean', () => {
    const ci = bootstrapCI(groups, meanOf, { seed: 1, resamples: 4000 });
    const analytic = (sd(groups) * Math.sqrt((groups.length - 1) / groups.length)) / Math.sqrt(groups.length);
    expect(Math.abs(ci.se - analytic) / analytic).toBeLessThan(0.1);
  });

  it('contains the point estimate of a stable statistic (the mean)', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: -100, max: 100, noNaN: true }), { minLength: 5, maxLength: 40 }), (xs) => {
        const ci = bootstrapCI(xs, meanOf, { resamples: 300, seed: 11 });
        return ci.low <= ci.estimate + 1e-9 && ci.estimate <= ci.high + 1e-9;
      }),
      { numRuns: 50 },
    );
  });

  it('leaves undefined replicates out and counts them', () => {
    const ci = bootstrapCI([1, 2], (s) => (s[0] === s[1] ? Number.NaN : 1), { resamples: 200, seed: 5 });
    expect(ci.valid).toBeGreaterThan(0);
    expect(ci.valid).toBeLessThan(200);
    expect(ci.low).toBe(1);
  });

  it('returns NaN bounds for no groups and rejects bad options', () => {
    const ci = bootstrapCI([], () => 0);
    expect(ci.low).toBeNaN();
    expect(() => bootstrapCI(groups, meanOf, { resamples: 0 })).toThrow(/resamples/);
    expect(() => bootstrapCI(groups, meanOf, { alpha: 1 })).toThrow(/alpha/);
    expect(() => bootstrapCI(groups, meanOf, { seed: 0.5 })).toThrow(/seed/);
  });
});

describe('bootstrapSumCIs', () => {
  it('draws the same resamples as bootstrapCI for the same seed', () => {
    // Per-document [correct, total] counts; statistic = pooled accuracy.
    const docs = [
      [3, 5],
      [1, 4],
      [6, 6],
      [2, 7],
      [4, 4],
    ];
    const pooled = (sample: readonly number[][]) =>
      sample.reduce((s, d) => s + d[0]!, 0) / sample.reduce((s, d) => s + d[1]!, 0);
    const slow = bootstrapCI(docs, pooled, { seed: 9, resamples: 300 });
    const [fast] = bootstrapSumCIs(docs, [(t) => t[0]! / t[1]!], { seed: 9, resamples: 300 });
    expect(fast!.estimate).toBeCloseTo(slow.estimate, 12);
    expect(fast!.low).toBeCloseTo(slow.low, 12);
    expect(fast!.high).toBeCloseTo(slow.high, 12);
    expect(fast!.se).toBeCloseTo(slow.se, 12);
  });
});
