import { describe, expect, it } from 'vitest';
import { goldLabels, type Judgement } from '../src/index.ts';

/** Judgements of one unit: annotator n1, n2, ... with the given labels. */
function unit(id: string, ...labels: string[]): Judgement[] {
  return labels.map((label, i) => ({ unit: id, doc: 'd1', annotator: `n${i + 1}`, label }));
}

describe('goldLabels', () => {
  it('takes a unanimous label', () => {
    const { gold, excluded } = goldLabels(unit('u1', 'fact', 'fact', 'fact'));
    expect(gold.get('u1')).toEqual({ label: 'fact', source: 'unanimous', agreement: 1, annotators: 3 });
    expect(excluded).toEqual([]);
  });

  it('takes a strict majority', () => {
    const { gold } = goldLabels(unit('u1', 'fact', 'opinion', 'fact'));
    expect(gold.get('u1')).toEqual({ label: 'fact', source: 'majority', agreement: 2 / 3, annotators: 3 });
  });

  it('adjudicated beats majority', () => {
    const { gold } = goldLabels(unit('u1', 'fact', 'fact', 'opinion'), [{ unit: 'u1', label: 'opinion' }]);
    expect(gold.get('u1')).toEqual({ label: 'opinion', source: 'adjudicated', agreement: 1 / 3, annotators: 3 });
  });

  it('excludes a tie and says between which labels', () => {
    const { gold, excluded } = goldLabels(unit('u1', 'fact', 'opinion'));
    expect(gold.size).toBe(0);
    expect(excluded).toEqual([{ unit: 'u1', reason: 'tie', detail: 'tie between fact, opinion at 1 of 2' }]);
  });

  it('excludes a plurality that is not more than half', () => {
    const { excluded } = goldLabels(unit('u1', 'fact', 'fact', 'opinion', 'quote', 'skip'));
    expect(excluded).toEqual([{ unit: 'u1', reason: 'no-majority', detail: 'fact has 2 of 5, not more than half' }]);
  });

  it('excludes units below minAnnotators, even when they are unanimous', () => {
    const judgements = [...unit('u1', 'fact'), ...unit('u2', 'quote', 'quote')];
    const { gold, excluded } = goldLabels(judgements, [], { minAnnotators: 2 });
    expect([...gold.keys()]).toEqual(['u2']);
    expect(excluded).toEqual([{ unit: 'u1', reason: 'too-few-annotators', detail: '1 annotator, at least 2 needed' }]);
    expect(goldLabels(judgements, [], { minAnnotators: 3 }).gold.size).toBe(0);
    expect(goldLabels(judgements, [], { minAnnotators: 1 }).gold.get('u1')?.source).toBe('unanimous');
  });

  it('accepts an adjudication for a unit nobody labelled, with agreement 0', () => {
    const { gold } = goldLabels([], [{ unit: 'u9', label: 'skip' }]);
    expect(gold.get('u9')).toEqual({ label: 'skip', source: 'adjudicated', agreement: 0, annotators: 0 });
  });

  it('accounts for every unit exactly once', () => {
    const judgements = [
      ...unit('a', 'fact', 'fact'),
      ...unit('b', 'fact', 'quote'),
      ...unit('c', 'opinion'),
      ...unit('d', 'opinion', 'opinion', 'fact'),
    ];
    const { gold, excluded } = goldLabels(judgements, [{ unit: 'b', label: 'quote' }]);
    const seen = [...gold.keys(), ...excluded.map((e) => e.unit)].sort();
    expect(seen).toEqual(['a', 'b', 'c', 'd']);
  });

  it('rejects a double judgement, conflicting adjudications and a bad minAnnotators', () => {
    const twice = [...unit('u1', 'fact'), ...unit('u1', 'quote')];
    expect(() => goldLabels(twice)).toThrow(/annotator "n1" judged unit "u1" twice/);
    const conflict = [
      { unit: 'u1', label: 'fact' },
      { unit: 'u1', label: 'quote' },
    ];
    expect(() => goldLabels([], conflict)).toThrow(/adjudicated as both/);
    expect(() => goldLabels([], [], { minAnnotators: 0 })).toThrow(/minAnnotators/);
  });
});
