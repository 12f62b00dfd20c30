import { describe, expect, it } from 'vitest';
import { compareModels, OUTSIDE, opinionShareError, scorePredictions } from '../src/index.ts';

const boot = { resamples: 200, seed: 7, alpha: 0.05 };

describe('scorePredictions', () => {
  // Worked by hand: 3 classes, 10 items in 4 documents.
  //   gold:      f f f q q o o o o o
  //   predicted: f f o q f o o o q f
  // fact: tp 2, predicted 4 (items 1,2,5,10), support 3 → P .5, R .667, F1 .571
  // quote: tp 1, predicted 2, support 2 → P .5, R .5, F1 .5
  // opinion: tp 3, predicted 4, support 5 → P .75, R .6, F1 .667
  // macro-F1 = (4/7 + 1/2 + 2/3) / 3 = 0.57937; accuracy 6/10
  const gold = ['fact', 'fact', 'fact', 'quote', 'quote', 'opinion', 'opinion', 'opinion', 'opinion', 'opinion'];
  const pred = ['fact', 'fact', 'opinion', 'quote', 'fact', 'opinion', 'opinion', 'opinion', 'quote', 'fact'];
  const groups = ['d1', 'd1', 'd1', 'd2', 'd2', 'd3', 'd3', 'd3', 'd4', 'd4'];
  const s = scorePredictions(gold, pred, groups, ['fact', 'quote', 'opinion'], boot);

  it('gives the hand-computed per-class figures, macro-F1 and accuracy', () => {
    const round = (x: number) => Math.round(x * 1e4) / 1e4;
    expect(
      s.perClass.map((c) => [
        c.label,
        round(c.precision.estimate),
        round(c.recall.estimate),
        round(c.f1.estimate),
        c.support,
      ]),
    ).toEqual([
      ['fact', 0.5, 0.6667, 0.5714, 3],
      ['quote', 0.5, 0.5, 0.5, 2],
      ['opinion', 0.75, 0.6, 0.6667, 5],
    ]);
    expect(s.macroF1.estimate).toBeCloseTo((4 / 7 + 1 / 2 + 2 / 3) / 3, 10);
    expect(s.accuracy.estimate).toBeCloseTo(0.6, 10);
    expect(s.groups).toBe(4);
    expect(s.items).toBe(10);
  });

  it('gives the confusion matrix as counts and row shares', () => {
    expect(s.confusion.columns).toEqual(['fact', 'quote', 'opinion']);
    expect(s.confusion.counts).toEqual([
      [2, 0, 1],
      [1, 1, 0],
      [1, 1, 3],
    ]);
    expect(s.confusion.rowShares[2]).toEqual([0.2, 0.2, 0.6]);
  });

  it('puts each interval around its estimate, within [0, 1]', () => {
    for (const iv of [s.macroF1, s.accuracy, ...s.perClass.flatMap((c) => [c.precision, c.recall, c.f1])]) {
      expect(iv.low).toBeLessThanOrEqual(iv.high);
      expect(iv.low).toBeGreaterThanOrEqual(0);
      expect(iv.high).toBeLessThanOrEqual(1);
      expect(iv.resamples).toBe(200);
    }
  });

  it('resamples whole documents: one document gives a zero-width interval', () => {
    const one = scorePredictions(
      gold,
      pred,
      gold.map(() => 'only'),
      ['fact', 'quote', 'opinion'],
      boot,
    );
    expect(one.groups).toBe(1);
    expect(one.macroF1.low).toBeCloseTo(one.macroF1.estimate, 12);
    expect(one.macroF1.high).toBeCloseTo(one.macroF1.estimate, 12);
  });

  it('gives the same intervals for the same seed', () => {
    const again = scorePredictions(gold, pred, groups, ['fact', 'quote', 'opinion'], boot);
    expect(again).toEqual(s);
  });

  it('scores a prediction outside the label set as wrong: lower recall, no precision effect', () => {
    // skip is not a data label: item 3 (gold fact) counts as a miss for fact and as no class's prediction.
    const p = [...pred];
    p[2] = 'skip';
    const o = scorePredictions(gold, p, groups, ['fact', 'quote', 'opinion'], boot);
    expect(o.outside).toBe(1);
    expect(o.confusion.columns).toEqual(['fact', 'quote', 'opinion', OUTSIDE]);
    expect(o.confusion.counts[0]).toEqual([2, 0, 0, 1]);
    // opinion lost a false positive: P 3/3, R 3/5 → F1 .75; fact unchanged.
    expect(o.perClass[2]!.f1.estimate).toBeCloseTo(0.75, 10);
    expect(o.perClass[0]!.f1.estimate).toBeCloseTo(4 / 7, 10);
    expect(o.macroF1.estimate).toBeCloseTo((4 / 7 + 1 / 2 + 0.75) / 3, 10);
  });
});

describe('compareModels', () => {
  const gold = ['a', 'a', 'b', 'b', 'a', 'b', 'a', 'b'];
  const a = ['a', 'a', 'b', 'b', 'a', 'b', 'b', 'b'];
  const b = ['a', 'b', 'b', 'a', 'b', 'b', 'a', 'a'];
  const groups = ['1', '1', '2', '2', '3', '3', '4', '4'];

  it('reports both macro-F1s and their difference with a p-value', () => {
    const c = compareModels(['A', 'B'], gold, a, b, groups, ['a', 'b'], boot);
    const direct = (p: string[]) => scorePredictions(gold, p, groups, ['a', 'b'], boot).macroF1.estimate;
    expect(c.macroF1A).toBeCloseTo(direct(a), 12);
    expect(c.macroF1B).toBeCloseTo(direct(b), 12);
    expect(c.difference.estimate).toBeCloseTo(direct(a) - direct(b), 12);
    expect(c.pValue).toBeGreaterThan(0);
    expect(c.pValue).toBeLessThanOrEqual(1);
  });

  it('scales back correctly when a model predicts outside the label set', () => {
    const withOutside = [...b];
    withOutside[0] = 'zzz';
    const c = compareModels(['A', 'B'], gold, a, withOutside, groups, ['a', 'b'], boot);
    const direct = scorePredictions(gold, withOutside, groups, ['a', 'b'], boot).macroF1.estimate;
    expect(c.macroF1B).toBeCloseTo(direct, 12);
    expect(c.difference.estimate).toBeCloseTo(c.macroF1A - direct, 12);
  });

  it('gives p = 1-ish and a zero difference for identical models', () => {
    const c = compareModels(['A', 'A2'], gold, a, a, groups, ['a', 'b'], boot);
    expect(c.difference.estimate).toBe(0);
    expect(c.pValue).toBe(1);
  });
});

describe('opinionShareError', () => {
  it('compares each document’s opinion share (skip left out) and averages the absolute errors', () => {
    // d1 gold: opinion, fact, skip → 1/2; predicted: opinion, opinion, fact → 2/3; error 1/6.
    // d2 gold: quote, opinion → 1/2; predicted: quote, quote → 0; error 1/2.
    const docs = ['d1', 'd1', 'd1', 'd2', 'd2', undefined];
    const gold = ['opinion', 'fact', 'skip', 'quote', 'opinion', 'opinion'];
    const pred = ['opinion', 'opinion', 'fact', 'quote', 'quote', 'fact'];
    const r = opinionShareError(docs, gold, pred, 'opinion', boot);
    expect(r.documents.map((d) => [d.doc, d.sentences, d.gold, d.predicted])).toEqual([
      ['d1', 3, 0.5, 2 / 3],
      ['d2', 2, 0.5, 0],
    ]);
    expect(r.mae.estimate).toBeCloseTo((1 / 6 + 1 / 2) / 2, 12);
    expect(r.mae.low).toBeGreaterThanOrEqual(1 / 6 - 1e-12);
    expect(r.mae.high).toBeLessThanOrEqual(1 / 2 + 1e-12);
  });
});
