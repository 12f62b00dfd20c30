import { describe, expect, it } from 'vitest';
import { classificationReport, mulberry32, pairedBootstrap } from '../src/index.ts';

const LABELS = ['fact', 'quote', 'opinion', 'skip'];

/** A reproducible gold set of n items in docs of 10, a perfect model and a model right with probability `p`. */
function fixture(n: number, p: number, seed = 1) {
  const rand = mulberry32(seed);
  const gold: string[] = [];
  const noisy: string[] = [];
  const groups: string[] = [];
  for (let i = 0; i < n; i++) {
    const g = LABELS[Math.floor(rand() * 4)]!;
    gold.push(g);
    noisy.push(rand() < p ? g : LABELS[Math.floor(rand() * 4)]!);
    groups.push(`doc${Math.floor(i / 10)}`);
  }
  return { gold, noisy, groups };
}

describe('pairedBootstrap', () => {
  it("reports each model's macro-F1 as classificationReport does", () => {
    const { gold, noisy, groups } = fixture(300, 0.6);
    const r = pairedBootstrap({ gold, a: gold, b: noisy, groups, labels: LABELS }, { resamples: 200 });
    expect(r.a).toBe(1);
    expect(r.b).toBeCloseTo(classificationReport(gold, noisy, LABELS).macroF1, 12);
    expect(r.difference.estimate).toBeCloseTo(1 - r.b, 12);
    expect(r.groups).toBe(30);
    expect(r.items).toBe(300);
  });

  it('finds a large difference significant, with a CI above zero', () => {
    const { gold, noisy, groups } = fixture(300, 0.5);
    const r = pairedBootstrap({ gold, a: gold, b: noisy, groups, labels: LABELS }, { resamples: 500, seed: 2 });
    expect(r.difference.low).toBeGreaterThan(0);
    expect(r.pValue).toBeCloseTo(2 / 501, 12);
  });

  it('finds identical models not different: difference 0, p = 1', () => {
    const { gold, noisy, groups } = fixture(200, 0.7);
    const r = pairedBootstrap({ gold, a: noisy, b: noisy, groups }, { resamples: 200 });
    expect([r.difference.estimate, r.difference.low, r.difference.high]).toEqual([0, 0, 0]);
    expect(r.pValue).toBe(1);
  });

  it('is symmetric: swapping the models negates the difference and keeps the p-value', () => {
    const { gold, noisy, groups } = fixture(200, 0.7, 3);
    const other = fixture(200, 0.75, 4).noisy;
    const ab = pairedBootstrap({ gold, a: noisy, b: other, groups, labels: LABELS }, { resamples: 300, seed: 5 });
    const ba = pairedBootstrap({ gold, a: other, b: noisy, groups, labels: LABELS }, { resamples: 300, seed: 5 });
    expect(ba.difference.estimate).toBeCloseTo(-ab.difference.estimate, 12);
    expect(ba.difference.low).toBeCloseTo(-ab.difference.high, 12);
    expect(ba.pValue).toBeCloseTo(ab.pValue, 12);
  });

  it('is deterministic per seed and compares accuracy on request', () => {
    const { gold, noisy, groups } = fixture(200, 0.7, 6);
    const input = { gold, a: gold, b: noisy, groups };
    expect(pairedBootstrap(input, { seed: 8, resamples: 100 })).toEqual(
      pairedBootstrap(input, { seed: 8, resamples: 100 }),
    );
    const acc = pairedBootstrap(input, { statistic: 'accuracy', resamples: 100 });
    expect(acc.statistic).toBe('accuracy');
    expect(acc.b).toBeCloseTo(classificationReport(gold, noisy).accuracy, 12);
  });

  it('rejects mismatched lengths with a StanceError', () => {
    expect(() => pairedBootstrap({ gold: ['a'], a: ['a', 'b'], b: ['a'] })).toThrow(/equal lengths/);
    expect(() => pairedBootstrap({ gold: ['a'], a: ['a'], b: ['a'], groups: [] })).toThrow(/groups has 0/);
  });
});
