import { describe, expect, it } from 'vitest';
import {
  classificationReport,
  classScoresFromCounts,
  confusionMatrix,
  macroF1FromCounts,
  scoresFromConfusion,
} from '../src/index.ts';

/** Items spelled out from a gold × predicted count matrix. */
function itemsFrom(labels: readonly string[], counts: readonly (readonly number[])[]) {
  const gold: string[] = [];
  const predicted: string[] = [];
  counts.forEach((row, g) => {
    row.forEach((n, p) => {
      for (let i = 0; i < n; i++) {
        gold.push(labels[g]!);
        predicted.push(labels[p]!);
      }
    });
  });
  return { gold, predicted };
}

// Worked by hand:
//           pred a  b  c   support  predicted  P     R     F1 = 2tp/(support+predicted)
//  gold a        5  1  0   6        7          5/7   5/6   10/13 = 0.76923
//  gold b        2  3  1   6        6          1/2   1/2   6/12  = 0.5
//  gold c        0  2  4   6        5          4/5   4/6   8/11  = 0.72727
//  macro-F1 = (10/13 + 1/2 + 8/11) / 3 = 0.66550; accuracy = 12/18 = 0.66667
const LABELS = ['a', 'b', 'c'];
const COUNTS = [
  [5, 1, 0],
  [2, 3, 1],
  [0, 2, 4],
];

describe('classificationReport', () => {
  const { gold, predicted } = itemsFrom(LABELS, COUNTS);
  const report = classificationReport(gold, predicted, LABELS);

  it('computes per-class precision, recall, F1 and support worked out by hand', () => {
    const [a, b, c] = report.perClass;
    expect(a!.precision).toBeCloseTo(5 / 7, 10);
    expect(a!.recall).toBeCloseTo(5 / 6, 10);
    expect(a!.f1).toBeCloseTo(10 / 13, 10);
    expect(b!.f1).toBeCloseTo(0.5, 10);
    expect(c!.precision).toBeCloseTo(0.8, 10);
    expect(c!.f1).toBeCloseTo(8 / 11, 10);
    expect(report.perClass.map((s) => s.support)).toEqual([6, 6, 6]);
  });

  it('computes macro-F1 and accuracy worked out by hand', () => {
    expect(report.macroF1).toBeCloseTo(0.6655, 4);
    expect(report.accuracy).toBeCloseTo(12 / 18, 10);
    expect(report.total).toBe(18);
  });

  it('returns the confusion matrix in the fixed label order, with row shares', () => {
    expect(report.confusion.counts).toEqual(COUNTS);
    expect(report.confusion.rowShares[1]).toEqual([2 / 6, 3 / 6, 1 / 6]);
    const reordered = confusionMatrix(gold, predicted, ['c', 'b', 'a']);
    expect(reordered.counts[0]).toEqual([4, 2, 0]);
  });

  it('follows scikit-learn zero division: a label with no support and no predictions has F1 0 and counts in the macro', () => {
    const withD = classificationReport(gold, predicted, [...LABELS, 'd']);
    const d = withD.perClass[3]!;
    expect([d.precision, d.recall, d.f1, d.support]).toEqual([0, 0, 0, 0]);
    expect(withD.macroF1).toBeCloseTo((10 / 13 + 0.5 + 8 / 11) / 4, 10);
    expect(withD.confusion.rowShares[3]).toEqual([0, 0, 0, 0]);
  });

  it('gives precision 0 for a class that is never predicted', () => {
    const r = classificationReport(['x', 'y'], ['x', 'x'], ['x', 'y']);
    expect(r.perClass[1]).toEqual({ label: 'y', precision: 0, recall: 0, f1: 0, support: 1 });
    expect(r.perClass[0]!.precision).toBe(0.5);
  });

  it('is the flat-array path used by the bootstrap, figure for figure', () => {
    expect(macroF1FromCounts(COUNTS.flat(), 3)).toBe(report.macroF1);
    expect(scoresFromConfusion(LABELS, COUNTS)).toEqual(report);
    report.perClass.forEach(({ label, ...scores }, c) => {
      expect(classScoresFromCounts(COUNTS.flat(), 3, c)).toEqual(scores);
    });
  });

  it('averages macro-F1 over the first `scored` classes: a column of predictions outside the labels counts only against precision', () => {
    // c as "outside the label set": a and b items predicted c are misses; nothing is gold c.
    const outside = [
      [5, 1, 0],
      [2, 3, 1],
      [0, 0, 0],
    ].flat();
    const a = classScoresFromCounts(outside, 3, 0);
    const b = classScoresFromCounts(outside, 3, 1);
    expect([a.precision, a.recall, b.precision, b.recall]).toEqual([5 / 7, 5 / 6, 3 / 4, 3 / 6]);
    expect(macroF1FromCounts(outside, 3, 0, 2)).toBeCloseTo((10 / 13 + 6 / 10) / 2, 12);
    expect(macroF1FromCounts(outside, 3, 0, 0)).toBe(0);
  });

  it('rejects unknown labels and length mismatches with a StanceError', () => {
    expect(() => classificationReport(['a'], ['z'], ['a'])).toThrow(/label "z" is not one of a/);
    expect(() => classificationReport(['a', 'a'], ['a'], ['a'])).toThrow(/gold has 2 items but predictions have 1/);
    expect(() => confusionMatrix([], [], ['a', 'a'])).toThrow(/listed twice/);
  });
});
