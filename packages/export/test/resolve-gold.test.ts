import type { Label } from '@stance/schema';
import { describe, expect, it } from 'vitest';
import { type LabelEntry, latestAdjudication, resolveGold } from '../src/index.ts';

const entry = (annotator: string, label: Label, at = '2026-01-01T00:00:00.000Z'): LabelEntry => ({
  annotator,
  label,
  textHash: '0123456789abcdef',
  ms: 1000,
  at,
  suggestion: null,
});

describe('resolveGold', () => {
  it('lets the latest of several adjudicators decide', () => {
    const early = entry('lead', 'fact', '2026-01-01T00:00:00.000Z');
    const late = entry('chief', 'opinion', '2026-01-02T00:00:00.000Z');
    expect(latestAdjudication([early, late])).toBe(late);
    expect(latestAdjudication([late, early])).toBe(late);
    expect(latestAdjudication([])).toBeUndefined();
  });

  it('follows the policy: adjudicated, unanimous, majority, then exclusions with reasons', () => {
    const a = entry('a', 'fact');
    const b = entry('b', 'fact');
    const c = entry('c', 'quote');
    const cases = [
      resolveGold('u', [a, c], entry('lead', 'skip'), undefined, 'both', 2),
      resolveGold('u', [a, b], undefined, undefined, 'both', 2),
      resolveGold('u', [a, b, c], undefined, undefined, 'both', 2),
      resolveGold('u', [a, c], undefined, undefined, 'both', 2),
      resolveGold('u', [a], undefined, { label: 'quote', textHash: 'x' }, 'both', 2),
      resolveGold('u', [], undefined, { label: 'quote', textHash: 'x' }, 'both', 2),
      resolveGold('u', [], undefined, { label: 'quote', textHash: 'x' }, 'logs', 2),
      resolveGold('u', [a, b], undefined, undefined, 'reference', 2),
    ];
    expect(cases).toEqual([
      { label: 'skip', source: 'adjudicated', agreement: 0, annotators: 2 },
      { label: 'fact', source: 'unanimous', agreement: 1, annotators: 2 },
      { label: 'fact', source: 'majority', agreement: 2 / 3, annotators: 3 },
      { excluded: 'tie', detail: 'tie between fact, quote at 1 of 2' },
      { excluded: 'too-few-annotators', detail: '1 annotator, at least 2 needed' },
      { label: 'quote', source: 'reference', agreement: null, annotators: 0 },
      { excluded: 'unlabelled', detail: 'no annotator label' },
      { excluded: 'unlabelled', detail: 'no reference label' },
    ]);
  });
});
