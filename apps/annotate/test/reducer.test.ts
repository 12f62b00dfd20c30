import type { Label } from '@stance/schema';
import { LABELS } from '@stance/schema';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { documentOrder, indexCorpus } from '../src/model/corpus-index.ts';
import type { Action } from '../src/state/actions.ts';
import { reducer } from '../src/state/reducer.ts';
import { currentSentence, labelOf, location, secondsPerSentence } from '../src/state/selectors.ts';
import type { AnnotateState } from '../src/state/state.ts';
import { initialState } from '../src/state/state.ts';
import { smallCorpus } from './fixtures.ts';

const corpus = smallCorpus();
const index = indexCorpus(corpus.documents, corpus.sentences);
const order = documentOrder(index);
const ids = corpus.sentences.map((s) => s.id);

function start(base: Map<string, Label> = new Map()): AnnotateState {
  return initialState({ index, order, base, at: 1000 });
}

function run(state: AnnotateState, actions: Action[]): AnnotateState {
  return actions.reduce(reducer, state);
}

describe('initialState', () => {
  it('starts on the first sentence this annotator has not labelled', () => {
    const state = start(
      new Map([
        [ids[0]!, 'fact'],
        [ids[1]!, 'quote'],
        [ids[3]!, 'fact'],
      ]),
    );
    expect(currentSentence(state)?.id).toBe(ids[2]);
    expect(state.done).toBe(3);
    expect(state.message).toBeNull();
  });

  it('says so when every sentence is labelled, and starts at the top', () => {
    const state = start(new Map(ids.map((id) => [id, 'skip' as Label])));
    expect(state.pos).toBe(0);
    expect(state.message).toMatchInlineSnapshot(`"every sentence is labelled; move with ←/→ to review"`);
  });

  it('does not count labels of sentences outside the corpus', () => {
    expect(start(new Map([['gone:abc', 'fact']])).done).toBe(0);
  });
});

describe('labelled', () => {
  it('records the label, moves on, counts progress and time', () => {
    const s = run(start(), [
      { type: 'labelled', sentence: ids[0]!, label: 'fact', ms: 3000, at: 4000 },
      { type: 'labelled', sentence: ids[1]!, label: 'quote', ms: 1000, at: 5000 },
    ]);
    expect(s.pos).toBe(2);
    expect(labelOf(s, ids[0]!)).toBe('fact');
    expect(s.done).toBe(2);
    expect(s.session).toEqual({ labels: 2, ms: 4000 });
    expect(secondsPerSentence(s)).toBe(2);
    expect(s.shownAt).toBe(5000);
    expect(location(s)).toMatchObject({ docNumber: 1, sentenceNumber: 3, docDone: 2, sentenceCount: 3 });
  });

  it('relabelling a sentence does not count it twice', () => {
    const s = run(start(), [
      { type: 'labelled', sentence: ids[0]!, label: 'fact', ms: 1, at: 1 },
      { type: 'move', delta: -1, at: 2 },
      { type: 'labelled', sentence: ids[0]!, label: 'opinion', ms: 1, at: 3 },
    ]);
    expect(s.done).toBe(1);
    expect(labelOf(s, ids[0]!)).toBe('opinion');
  });

  it('stays on the last sentence and says when all are done', () => {
    const last = ids.length - 1;
    const base = new Map(ids.slice(0, last).map((id) => [id, 'fact' as Label]));
    const s = reducer(start(base), { type: 'labelled', sentence: ids[last]!, label: 'skip', ms: 1, at: 1 });
    expect(s.pos).toBe(last);
    expect(s.message).toBe(`all ${ids.length} sentences labelled`);
  });

  it('keeps the blind reveal for the screen', () => {
    const reveal = { given: 'fact' as const, suggested: 'opinion' as const, confidence: 0.7 };
    const s = reducer(start(), { type: 'labelled', sentence: ids[0]!, label: 'fact', ms: 1, at: 1, reveal });
    expect(s.reveal).toEqual(reveal);
    expect(reducer(s, { type: 'move', delta: 1, at: 2 }).reveal).toBeNull();
  });

  it('does not change the state it was given', () => {
    const before = start();
    reducer(before, { type: 'labelled', sentence: ids[0]!, label: 'fact', ms: 1, at: 1 });
    expect(before.overlay.size).toBe(0);
    expect(before.done).toBe(0);
    expect(before.pos).toBe(0);
  });
});

describe('retracted', () => {
  it('goes back to the sentence and takes its label away', () => {
    const s = run(start(), [
      { type: 'labelled', sentence: ids[0]!, label: 'fact', ms: 1000, at: 1 },
      { type: 'labelled', sentence: ids[1]!, label: 'quote', ms: 3000, at: 2 },
      { type: 'retracted', sentence: ids[1]!, label: null, undoneMs: 3000, at: 3 },
    ]);
    expect(s.pos).toBe(1);
    expect(labelOf(s, ids[1]!)).toBeUndefined();
    expect(s.done).toBe(1);
    expect(s.session).toEqual({ labels: 1, ms: 1000 });
    expect(s.message).toBe('undone');
  });

  it('restores an earlier label, and leaves session counts alone for labels of earlier sessions', () => {
    const s = reducer(start(new Map([[ids[4]!, 'opinion']])), {
      type: 'retracted',
      sentence: ids[4]!,
      label: 'fact',
      undoneMs: null,
      at: 9,
    });
    expect(s.pos).toBe(4);
    expect(labelOf(s, ids[4]!)).toBe('fact');
    expect(s.done).toBe(1);
    expect(s.session).toEqual({ labels: 0, ms: 0 });
  });
});

describe('moving and jumping', () => {
  it('moves within the order and stops at the ends', () => {
    const s = start();
    expect(reducer(s, { type: 'move', delta: -1, at: 5 })).toBe(s);
    expect(reducer(s, { type: 'move', delta: 100, at: 5 }).pos).toBe(ids.length - 1);
  });

  it('jumps to a document by number, id or title, landing on its first unlabelled sentence', () => {
    const base = new Map<string, Label>([[ids[5]!, 'fact']]);
    const typed = (text: string) =>
      run(start(base), [{ type: 'openJump' }, { type: 'typeText', text }, { type: 'submitJump', at: 7 }]);
    expect(currentSentence(typed('3'))?.id).toBe(ids[6]);
    expect(currentSentence(typed('rates'))?.id).toBe(ids[3]);
    expect(currentSentence(typed('late tr'))?.id).toBe(ids[6]);
    expect(typed('3').mode).toBe('label');
    const missing = typed('9');
    expect(missing.mode).toBe('jump');
    expect(missing.message).toBe('no document matches "9"');
  });
});

describe('prompts, help and flags', () => {
  it('edits the prompt text by characters, not UTF-16 units', () => {
    const s = run(start(), [{ type: 'openNote' }, { type: 'typeText', text: 'ok 👍' }, { type: 'deleteChar' }]);
    expect(s.input).toBe('ok ');
    expect(reducer(s, { type: 'closeMode' })).toMatchObject({ mode: 'label', input: '' });
  });

  it('scrolls help within its bounds', () => {
    const s = reducer(start(), { type: 'openHelp' });
    expect(reducer(s, { type: 'scrollHelp', delta: -3, max: 10 }).helpScroll).toBe(0);
    expect(reducer(s, { type: 'scrollHelp', delta: 30, max: 10 }).helpScroll).toBe(10);
    expect(reducer(s, { type: 'scrollHelp', delta: 3, max: -5 }).helpScroll).toBe(0);
  });

  it('flags and unflags', () => {
    const on = reducer(start(), { type: 'flagged', sentence: ids[0]!, on: true });
    expect(on.flagged.has(ids[0]!)).toBe(true);
    expect(reducer(on, { type: 'flagged', sentence: ids[0]!, on: false }).flagged.size).toBe(0);
  });

  it('keeps notes per sentence in order, without changing the state it was given', () => {
    const s = reducer(start(), { type: 'openNote' });
    const one = reducer(s, { type: 'noted', sentence: ids[0]!, note: 'a' });
    const two = reducer(one, { type: 'noted', sentence: ids[0]!, note: 'b' });
    expect(two.notes.get(ids[0]!)).toEqual(['a', 'b']);
    expect(one.notes.get(ids[0]!)).toEqual(['a']);
    expect(s.notes.size).toBe(0);
    expect([two.mode, two.message]).toEqual(['label', 'note saved']);
  });
});

describe('invariants under any sequence of actions', () => {
  const sentence = fc.integer({ min: 0, max: ids.length - 1 }).map((i) => ids[i]!);
  const label = fc.constantFrom(...LABELS);
  const action: fc.Arbitrary<Action> = fc.oneof(
    fc.record({ type: fc.constant('labelled' as const), sentence, label, ms: fc.nat(10_000), at: fc.nat() }),
    fc.record({
      type: fc.constant('retracted' as const),
      sentence,
      label: fc.option(label, { nil: null }),
      undoneMs: fc.option(fc.nat(10_000), { nil: null }),
      at: fc.nat(),
    }),
    fc.record({ type: fc.constant('move' as const), delta: fc.integer({ min: -20, max: 20 }), at: fc.nat() }),
    fc.record({ type: fc.constant('jumpToDocument' as const), doc: fc.integer({ min: 0, max: 4 }), at: fc.nat() }),
  );

  it('keeps the corpus count equal to a recount, the position in range, session counts non-negative', () => {
    fc.assert(
      fc.property(fc.array(action, { maxLength: 60 }), (actions) => {
        const s = run(start(new Map([[ids[2]!, 'opinion']])), actions);
        const recount = ids.filter((id) => labelOf(s, id) !== undefined).length;
        expect(s.done).toBe(recount);
        expect(s.pos).toBeGreaterThanOrEqual(0);
        expect(s.pos).toBeLessThan(ids.length);
        expect(s.session.labels).toBeGreaterThanOrEqual(0);
        expect(s.session.ms).toBeGreaterThanOrEqual(0);
      }),
    );
  });
});
