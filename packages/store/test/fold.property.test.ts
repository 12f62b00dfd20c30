import type { AnnotationEvent, Label } from '@stance/schema';
import { LABELS } from '@stance/schema';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldLabels, foldLogFile, openAnnotatorLog, readAnnotatorLog, undoTarget } from '../src/index.ts';
import { labelEvent, retractEvent } from './helpers/events.ts';
import { tempCorpus } from './helpers/temp-corpus.ts';

/** What an annotator does: label a sentence, undo the last label, or retract a chosen earlier label. */
type Op = { kind: 'label'; sentence: string; label: Label } | { kind: 'undo' } | { kind: 'retract'; pick: number };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  {
    weight: 5,
    arbitrary: fc.record({
      kind: fc.constant('label' as const),
      sentence: fc.constantFrom('a', 'b', 'c', 'd'),
      label: fc.constantFrom(...LABELS),
    }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('undo' as const) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('retract' as const), pick: fc.nat() }) },
);

/**
 * The simple model: a list of live labels in the order given. A label is pushed; undo removes the newest; a retract
 * removes the chosen one. A sentence's label is the newest live one for it.
 */
function model(ops: readonly Op[]): Map<string, Label> {
  const live: { sentence: string; label: Label }[] = [];
  for (const op of ops) {
    if (op.kind === 'label') live.push({ sentence: op.sentence, label: op.label });
    else if (op.kind === 'undo') live.pop();
    else if (live.length > 0) live.splice(op.pick % live.length, 1);
  }
  const result = new Map<string, Label>();
  for (const { sentence, label } of live) result.set(sentence, label);
  return result;
}

/** Apply the ops to an append function, the way the UI would: undo names undoTarget, retract names a live label. */
function play(
  ops: readonly Op[],
  events: () => readonly AnnotationEvent[],
  append: (e: ReturnType<typeof labelEvent>) => void,
) {
  for (const op of ops) {
    if (op.kind === 'label') append(labelEvent(op.sentence, op.label));
    else {
      const all = events();
      const retracted = new Set(all.filter((e) => e.type === 'retract').map((e) => e.target));
      const live = all.filter((e) => e.type === 'label' && !retracted.has(e.id));
      const target = op.kind === 'undo' ? undoTarget(all) : live[op.pick % Math.max(live.length, 1)];
      if (target !== undefined) append(retractEvent(target.id, target.sentence));
    }
  }
}

function labelsOf(events: readonly AnnotationEvent[]): Map<string, Label> {
  return new Map([...foldLabels(events)].map(([id, current]) => [id, current.label]));
}

describe('fold matches a simple model', () => {
  it('for random sequences of label, undo and retract (in memory)', () => {
    fc.assert(
      fc.property(fc.array(opArb, { maxLength: 60 }), (ops) => {
        const events: AnnotationEvent[] = [];
        let n = 0;
        play(
          ops,
          () => events,
          (e) => {
            n++;
            events.push({
              ...e,
              v: 1,
              id: `x-${n}`,
              annotator: 'x',
              at: '2026-11-25T00:00:00.000Z',
            } as AnnotationEvent);
          },
        );
        expect(labelsOf(events)).toEqual(model(ops));
      }),
      { numRuns: 500 },
    );
  });

  it('through a real log, reopened halfway (read whole, and folded from the file without holding it)', () => {
    fc.assert(
      fc.property(fc.array(opArb, { maxLength: 30 }), fc.nat(), (ops, cut) => {
        const corpus = tempCorpus();
        const split = ops.length === 0 ? 0 : cut % ops.length;
        for (const part of [ops.slice(0, split), ops.slice(split)]) {
          const log = openAnnotatorLog(corpus, 'prop');
          play(
            part,
            () => log.events,
            (e) => log.append(e),
          );
          log.close();
        }
        const path = `${corpus}/annotations/prop.jsonl`;
        const { events, warnings } = readAnnotatorLog(path);
        expect(warnings).toEqual([]);
        expect(labelsOf(events)).toEqual(model(ops));
        // foldLogFile hands over every label that counts, in order: the last one per sentence is its label.
        const streamed = new Map<string, Label>();
        expect(foldLogFile(path, 'prop', (e) => streamed.set(e.sentence, e.label))).toEqual([]);
        expect(streamed).toEqual(model(ops));
      }),
      { numRuns: 40 },
    );
  });
});
