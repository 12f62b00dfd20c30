import type { AnnotationEvent, Label } from '@stance/schema';
import { LABELS, textHash } from '@stance/schema';
import { foldLabels, undoTarget } from '@stance/store';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { indexCorpus } from '../src/model/corpus-index.ts';
import { disagreementQueue } from '../src/model/disagreement-queue.ts';
import { adjudicationEvents, judgementEvents } from '../src/model/log-roles.ts';
import { reducer } from '../src/state/reducer.ts';
import { currentSentence } from '../src/state/selectors.ts';
import { initialState } from '../src/state/state.ts';
import { smallCorpus } from './fixtures.ts';

const corpus = smallCorpus();
const index = indexCorpus(corpus.documents, corpus.sentences);
const ids = corpus.sentences.map((s) => s.id);
const hashes = corpus.sentences.map((s) => textHash(s.text));

let seq = 0;
/** One event of `annotator` on sentence `s` (by position); `hash` overrides the sentence's current text hash. */
function ev(annotator: string, s: number, extra: Partial<AnnotationEvent>): AnnotationEvent {
  return {
    v: 1,
    id: `e${++seq}`,
    type: 'label',
    sentence: ids[s]!,
    textHash: hashes[s]!,
    annotator,
    at: '2026-01-01T00:00:00.000Z',
    ms: 1000,
    guideline: '1.0',
    ...extra,
  };
}
const label = (a: string, s: number, l: Label, extra: Partial<AnnotationEvent> = {}) =>
  ev(a, s, { label: l, ...extra });

describe('disagreementQueue', () => {
  it('queues sentences whose annotators differ, in document order, with each label and note', () => {
    const logs = new Map<string, AnnotationEvent[]>([
      ['ana', [label('ana', 5, 'fact'), label('ana', 2, 'opinion'), label('ana', 0, 'fact')]],
      [
        'ben',
        [
          label('ben', 2, 'quote'),
          label('ben', 0, 'fact'),
          label('ben', 5, 'opinion'),
          ev('ben', 2, { type: 'note', note: 'the mayor is quoted' }),
        ],
      ],
      ['cy', [ev('cy', 5, { type: 'note', note: 'hmm' })]],
    ]);
    const queue = disagreementQueue(index, logs, 'judge');
    expect(queue).toEqual([
      {
        position: 2,
        reason: 'disagreement',
        views: [
          { annotator: 'ana', label: 'opinion', notes: [] },
          { annotator: 'ben', label: 'quote', notes: ['the mayor is quoted'] },
        ],
      },
      {
        position: 5,
        reason: 'disagreement',
        views: [
          { annotator: 'ana', label: 'fact', notes: [] },
          { annotator: 'ben', label: 'opinion', notes: [] },
          { annotator: 'cy', label: null, notes: ['hmm'] },
        ],
      },
    ]);
  });

  it('uses current labels only: an undone label, a stale text hash and the adjudicator do not count', () => {
    const undone = label('ben', 1, 'opinion');
    const logs = new Map<string, AnnotationEvent[]>([
      ['ana', [label('ana', 0, 'fact'), label('ana', 1, 'quote'), label('ana', 3, 'fact')]],
      [
        'ben',
        [
          label('ben', 0, 'opinion', { textHash: '0000000000000000' }),
          label('ben', 1, 'quote'),
          undone,
          ev('ben', 1, { type: 'retract', target: undone.id }),
          label('ben', 3, 'fact'),
        ],
      ],
      // The adjudicator's own labels (as annotator or as adjudicator) are not what is being adjudicated.
      ['judge', [label('judge', 3, 'skip'), label('judge', 1, 'skip', { adjudication: true })]],
    ]);
    expect(disagreementQueue(index, logs, 'judge')).toEqual([]);
  });

  it('leaves out other adjudicators’ decisions, which are not judgements', () => {
    const logs = new Map<string, AnnotationEvent[]>([
      ['ana', [label('ana', 4, 'opinion')]],
      ['ben', [label('ben', 4, 'opinion')]],
      ['old-judge', [label('old-judge', 4, 'fact', { adjudication: true })]],
    ]);
    expect(disagreementQueue(index, logs, 'judge')).toEqual([]);
  });

  it('with minAnnotators, also queues sentences too few annotators labelled', () => {
    const logs = new Map<string, AnnotationEvent[]>([
      ['ana', [label('ana', 0, 'fact'), label('ana', 1, 'quote'), label('ana', 2, 'opinion')]],
      ['ben', [label('ben', 0, 'fact'), label('ben', 2, 'fact')]],
    ]);
    expect(disagreementQueue(index, logs, 'judge').map((q) => [q.position, q.reason])).toEqual([[2, 'disagreement']]);
    expect(disagreementQueue(index, logs, 'judge', { minAnnotators: 2 }).map((q) => [q.position, q.reason])).toEqual([
      [1, 'too-few-annotators'],
      [2, 'disagreement'],
    ]);
  });

  it('property: a sentence is queued exactly when its current labels hold two different values', () => {
    const names = ['ana', 'ben', 'cy'];
    const arb = fc.array(
      fc.record({
        who: fc.constantFrom(...names),
        s: fc.nat({ max: ids.length - 1 }),
        l: fc.constantFrom(...LABELS),
        undo: fc.boolean(),
      }),
      { maxLength: 40 },
    );
    fc.assert(
      fc.property(arb, (steps) => {
        const logs = new Map<string, AnnotationEvent[]>(names.map((n) => [n, []]));
        for (const { who, s, l, undo } of steps) {
          const log = logs.get(who)!;
          if (undo) {
            const target = undoTarget(log);
            if (target) log.push(ev(who, ids.indexOf(target.sentence), { type: 'retract', target: target.id }));
          } else log.push(label(who, s, l));
        }
        const queued = new Set(disagreementQueue(index, logs, 'judge').map((q) => q.position));
        for (let s = 0; s < ids.length; s++) {
          const current = new Set(
            names.map((n) => foldLabels(logs.get(n)!).get(ids[s]!)?.label).filter((l) => l !== undefined),
          );
          expect(queued.has(s)).toBe(current.size > 1);
        }
      }),
    );
  });
});

describe('log roles', () => {
  it('keeps a log’s annotator labels and adjudication decisions apart, retracts in both', () => {
    const a = label('x', 0, 'fact');
    const d = label('x', 0, 'opinion', { adjudication: true });
    const r = ev('x', 0, { type: 'retract', target: d.id });
    const n = ev('x', 0, { type: 'note', note: 'n' });
    expect(judgementEvents([a, d, r, n])).toEqual([a, r, n]);
    expect(adjudicationEvents([a, d, r, n])).toEqual([d, r]);
    // Undo while adjudicating reaches the decision, never the annotator label after it.
    expect(undoTarget(adjudicationEvents([d, a]))).toBe(d);
  });
});

describe('the reducer over a disagreement queue', () => {
  const order = [2, 5, 6];
  const start = (base = new Map<string, Label>()) => initialState({ index, order, base, at: 0, adjudicating: true });

  it('walks only the queue, and says when every disagreement is decided', () => {
    let state = start(new Map([[ids[2]!, 'quote']]));
    expect(currentSentence(state)?.id).toBe(ids[5]);
    state = reducer(state, { type: 'labelled', sentence: ids[5]!, label: 'fact', ms: 10, event: 'd1', at: 10 });
    expect(currentSentence(state)?.id).toBe(ids[6]);
    state = reducer(state, { type: 'labelled', sentence: ids[6]!, label: 'opinion', ms: 10, event: 'd2', at: 20 });
    expect(state.done).toBe(3);
    expect(state.message).toBe('all 3 disagreements decided');
  });

  it('undo goes back to the decision and takes it away', () => {
    let state = start();
    state = reducer(state, { type: 'labelled', sentence: ids[2]!, label: 'quote', ms: 10, event: 'd1', at: 10 });
    state = reducer(state, { type: 'retracted', sentence: ids[2]!, label: null, target: 'd1', at: 20 });
    expect(currentSentence(state)?.id).toBe(ids[2]);
    expect(state.done).toBe(0);
  });

  it('an empty queue says there is nothing to adjudicate', () => {
    expect(initialState({ index, order: [], base: new Map(), at: 0, adjudicating: true }).message).toBe(
      'nothing to adjudicate: no sentence where annotators differ',
    );
  });

  it('jumping to a document lands on its first queued sentence, or says it has none', () => {
    const state = start();
    expect(currentSentence(reducer(state, { type: 'jumpToDocument', doc: 2, at: 5 }))?.id).toBe(ids[5]);
    const none = reducer(state, { type: 'jumpToDocument', doc: 0, at: 5 });
    expect(currentSentence(none)?.id).toBe(ids[2]);
    expect(reducer(state, { type: 'jumpToDocument', doc: 1, at: 5 }).message).toBe(
      'that document has no disagreements',
    );
  });
});
