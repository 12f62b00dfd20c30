import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { BenchItem } from '../src/index.ts';
import { groupedStratifiedFolds, trainingSubset } from '../src/index.ts';

/** Items from (doc, label) pairs; an empty doc means the item has none. */
const arbItems = fc
  .array(fc.tuple(fc.integer({ min: 0, max: 12 }), fc.constantFrom('fact', 'quote', 'opinion', 'skip'), fc.boolean()), {
    minLength: 12,
    maxLength: 120,
  })
  .map((rows) =>
    rows.map(
      ([doc, label, hasDoc], i): BenchItem =>
        hasDoc ? { id: `i${i}`, text: 't', label, doc: `d${doc}` } : { id: `i${i}`, text: 't', label },
    ),
  );

describe('groupedStratifiedFolds', () => {
  it('never puts one document on both sides of a fold, and puts every item in exactly one fold', () => {
    fc.assert(
      fc.property(arbItems, fc.integer({ min: 2, max: 5 }), fc.integer(), (items, k, seed) => {
        const groups = new Set(items.map((i) => i.doc ?? i.id));
        fc.pre(groups.size >= k);
        const folds = groupedStratifiedFolds(items, k, seed);
        expect(folds).toHaveLength(items.length);
        expect(folds.every((f) => Number.isInteger(f) && f >= 0 && f < k)).toBe(true);
        const foldOfDoc = new Map<string, number>();
        items.forEach((item, i) => {
          if (item.doc === undefined) return;
          const f = foldOfDoc.get(item.doc);
          if (f !== undefined) expect(folds[i]).toBe(f);
          foldOfDoc.set(item.doc, folds[i]!);
        });
      }),
    );
  });

  it('stratifies: without documents, each label’s count per fold is within one of an even share', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom('fact', 'quote', 'opinion', 'skip'), { minLength: 20, maxLength: 200 }),
        fc.integer({ min: 2, max: 5 }),
        fc.integer(),
        (labels, k, seed) => {
          const items = labels.map((label, i) => ({ id: String(i), text: 't', label }));
          const folds = groupedStratifiedFolds(items, k, seed);
          for (const label of new Set(labels)) {
            const total = labels.filter((l) => l === label).length;
            for (let f = 0; f < k; f++) {
              const n = items.filter((it, i) => it.label === label && folds[i] === f).length;
              expect(Math.abs(n - total / k)).toBeLessThanOrEqual(1);
            }
          }
        },
      ),
    );
  });

  it('gives the same folds for the same seed, and other folds for another seed', () => {
    const items = Array.from({ length: 60 }, (_, i) => ({
      id: String(i),
      text: 't',
      label: i % 3 ? 'fact' : 'opinion',
      doc: `d${i % 20}`,
    }));
    expect(groupedStratifiedFolds(items, 5, 3)).toEqual(groupedStratifiedFolds(items, 5, 3));
    expect(groupedStratifiedFolds(items, 5, 3)).not.toEqual(groupedStratifiedFolds(items, 5, 4));
  });

  it('refuses more folds than documents with a one-line error', () => {
    const items = Array.from({ length: 10 }, (_, i) => ({ id: String(i), text: 't', label: 'fact', doc: `d${i % 2}` }));
    expect(() => groupedStratifiedFolds(items, 3, 1)).toThrow('--cv 3 needs at least 3 documents');
  });
});

describe('trainingSubset', () => {
  it('takes whole documents, nested as the share grows, close to the share asked', () => {
    fc.assert(
      fc.property(arbItems, fc.integer(), (items, seed) => {
        let previous = new Set<string>();
        for (const share of [0.1, 0.25, 0.5, 0.75, 1]) {
          const subset = trainingSubset(items, share, seed);
          const ids = new Set(subset.map((i) => i.id));
          for (const id of previous) expect(ids.has(id)).toBe(true);
          for (const item of items)
            if (item.doc !== undefined && subset.some((s) => s.doc === item.doc)) expect(ids.has(item.id)).toBe(true);
          expect(subset.length).toBeGreaterThan(0);
          previous = ids;
        }
        expect(previous.size).toBe(items.length);
      }),
    );
  });
});
