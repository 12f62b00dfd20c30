import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type AssignableDocument, planAssignments } from '../src/index.ts';

const docsArb = fc.uniqueArray(
  fc.record({ id: fc.stringMatching(/^[a-z][a-z0-9-]{0,8}$/), sentences: fc.integer({ min: 0, max: 80 }) }),
  {
    selector: (d) => d.id,
    maxLength: 40,
  },
);
const namesArb = fc.uniqueArray(fc.stringMatching(/^[a-z][a-z0-9_]{0,5}$/), { minLength: 1, maxLength: 5 });
const shareArb = fc.oneof(fc.constant(0), fc.constant(1), fc.double({ min: 0, max: 1, noNaN: true }));

/** Sentences each annotator labels outside the overlap. */
function ownLoads(docs: readonly AssignableDocument[], plan: ReturnType<typeof planAssignments>): number[] {
  const size = new Map(docs.map((d) => [d.id, d.sentences]));
  const overlap = new Set(plan.assignments.overlap);
  return Object.values(plan.assignments.annotators).map((list) =>
    list.filter((id) => !overlap.has(id)).reduce((n, id) => n + size.get(id)!, 0),
  );
}

describe('planAssignments', () => {
  it('gives every document to exactly one annotator or to everyone (the overlap), overlap in every list', () => {
    fc.assert(
      fc.property(docsArb, namesArb, shareArb, fc.integer(), (docs, names, share, seed) => {
        const { assignments } = planAssignments(docs, { annotators: names, overlap: share, seed });
        const overlap = new Set(assignments.overlap);
        const owners = new Map<string, number>();
        for (const list of Object.values(assignments.annotators)) {
          for (const id of overlap) expect(list).toContain(id);
          for (const id of list) if (!overlap.has(id)) owners.set(id, (owners.get(id) ?? 0) + 1);
        }
        for (const d of docs) expect(overlap.has(d.id) ? 0 : owners.get(d.id)).toBe(overlap.has(d.id) ? 0 : 1);
        expect(Object.keys(assignments.annotators)).toEqual([...names].sort());
        const target = share === 0 || docs.length === 0 ? 0 : Math.max(1, Math.round(share * docs.length));
        expect(assignments.overlap).toHaveLength(Math.min(docs.length, target));
      }),
    );
  });

  it('balances by sentences: own loads differ by at most the largest document', () => {
    fc.assert(
      fc.property(docsArb, namesArb, shareArb, fc.integer(), (docs, names, share, seed) => {
        const plan = planAssignments(docs, { annotators: names, overlap: share, seed });
        const loads = ownLoads(docs, plan);
        const largest = Math.max(0, ...docs.map((d) => d.sentences));
        expect(Math.max(...loads) - Math.min(...loads)).toBeLessThanOrEqual(largest);
      }),
    );
  });

  it('is deterministic: the same plan whatever the order of documents and names', () => {
    fc.assert(
      fc.property(docsArb, namesArb, shareArb, fc.integer(), (docs, names, share, seed) => {
        const a = planAssignments(docs, { annotators: names, overlap: share, seed });
        const b = planAssignments([...docs].reverse(), { annotators: [...names].reverse(), overlap: share, seed });
        expect(b).toEqual(a);
      }),
    );
  });

  it('keeps every earlier assignment when documents are added or removed, and assigns only the new ones', () => {
    fc.assert(
      fc.property(docsArb, docsArb, namesArb, shareArb, fc.integer(), (before, more, names, share, seed) => {
        const first = planAssignments(before, { annotators: names, overlap: share, seed });
        const ids = new Set(before.map((d) => d.id));
        const removed = new Set(before.filter((_, i) => i % 3 === 0).map((d) => d.id));
        const after = [...before.filter((d) => !removed.has(d.id)), ...more.filter((d) => !ids.has(d.id))];
        const second = planAssignments(after, {
          annotators: names,
          overlap: share,
          seed,
          previous: first.assignments,
        });
        for (const [name, list] of Object.entries(first.assignments.annotators)) {
          const now = new Set(second.assignments.annotators[name]);
          for (const id of list) expect(now.has(id)).toBe(!removed.has(id));
        }
        for (const id of first.assignments.overlap)
          if (!removed.has(id)) expect(second.assignments.overlap).toContain(id);
        expect(second.dropped).toEqual([...removed].sort());
        expect(second.added).toEqual(
          more
            .filter((d) => !ids.has(d.id))
            .map((d) => d.id)
            .sort(),
        );
        expect(second.kept).toBe(after.length - second.added.length);
        // Re-running on the same documents changes nothing.
        const third = planAssignments(after, { annotators: names, overlap: share, seed, previous: second.assignments });
        expect(third.assignments).toEqual(second.assignments);
        expect(third.added).toEqual([]);
      }),
    );
  });

  it('gives a newcomer the overlap and the new documents; --rebalance re-plans everything', () => {
    const docs = Array.from({ length: 10 }, (_, i) => ({ id: `d${i}`, sentences: 10 + i }));
    const first = planAssignments(docs, { annotators: ['ana', 'ben'], overlap: 0.2, seed: 1 });
    const grown = [...docs, { id: 'd10', sentences: 30 }, { id: 'd11', sentences: 5 }];
    const second = planAssignments(grown, {
      annotators: ['ana', 'ben', 'cy'],
      overlap: 0.2,
      seed: 1,
      previous: first.assignments,
    });
    expect(second.assignments.annotators['cy']).toEqual([...first.assignments.overlap, 'd10', 'd11'].sort());
    const again = planAssignments(grown, {
      annotators: ['ana', 'ben', 'cy'],
      overlap: 0.2,
      seed: 1,
      previous: first.assignments,
      rebalance: true,
    });
    expect(again).toEqual(planAssignments(grown, { annotators: ['ana', 'ben', 'cy'], overlap: 0.2, seed: 1 }));
  });

  it.each([
    ['no annotator', { annotators: [] }, 'name at least one annotator'],
    ['a name twice', { annotators: ['ana', 'ana'] }, 'annotator "ana" is named twice'],
    ['a name with a slash', { annotators: ['a/b'] }, '"a/b" is not a valid annotator name'],
    ['an overlap above 1', { overlap: 1.5 }, 'the overlap must be a share between 0 and 1, got 1.5'],
    ['a dropped annotator', { annotators: ['ana'] }, 'ben has documents in the current assignments'],
    ['another seed', { seed: 2 }, 'the current assignments were drawn with seed 1'],
  ])('refuses %s', (_, options, message) => {
    const docs = [{ id: 'd1', sentences: 3 }];
    const previous = planAssignments(docs, { annotators: ['ana', 'ben'], overlap: 0, seed: 1 }).assignments;
    expect(() =>
      planAssignments(docs, { annotators: ['ana', 'ben'], overlap: 0.2, seed: 1, previous, ...options }),
    ).toThrow(message);
  });
});
