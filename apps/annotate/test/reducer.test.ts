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
      { type: 'labelled', sentence: ids[0]!, label: 'fact', event: 'e1', ms: 3000, at: 4000 },
      { type: 'labelled', sentence: ids[1]!, label: 'quote', event: 'e2', ms: 1000, at: 5000 },
    ]);
    expect(s.pos).toBe(2);
    expect(labelOf(s, ids[0]!)).toBe('fact');
    expect(s.done).toBe(2);
    expect(s.session).toMatchObject({ labels: 2, relabels: 0, ms: 4000 });
    expect(secondsPerSentence(s)).toBe(2);
    expect(s.clock.shownAt).toBe(5000);
    expect(location(s)).toMatchObject({ docNumber: 1, sentenceNumber: 3, docDone: 2, sentenceCount: 3 });
  });

  it('issue 13: relabelling a sentence stays on it and counts as a relabel, not as another label', () => {
    const s = run(start(), [
      { type: 'labelled', sentence: ids[0]!, label: 'fact', event: 'e3', ms: 1000, at: 1 },
      { type: 'move', delta: -1, at: 2 },
      { type: 'labelled', sentence: ids[0]!, label: 'opinion', event: 'e4', ms: 5000, at: 3 },
    ]);
    expect(s.done).toBe(1);
    expect(s.pos).toBe(0);
    expect(labelOf(s, ids[0]!)).toBe('opinion');
    expect(s.session).toMatchObject({ labels: 1, relabels: 1, ms: 1000 });
    expect(s.message).toBe('relabelled fact → opinion; ] goes to the next unlabelled');
  });

  it('stays on the last sentence and says when all are done', () => {
    const last = ids.length - 1;
    const base = new Map(ids.slice(0, last).map((id) => [id, 'fact' as Label]));
    const s = reducer(start(base), {
      type: 'labelled',
      sentence: ids[last]!,
      label: 'skip',
      event: 'e-last',
      ms: 1,
      at: 1,
    });
    expect(s.pos).toBe(last);
    expect(s.message).toBe(`all ${ids.length} sentences labelled`);
  });

  it('keeps the blind reveal for the screen', () => {
    const reveal = { given: 'fact' as const, suggested: 'opinion' as const, confidence: 0.7, model: 'rules' };
    const s = reducer(start(), {
      type: 'labelled',
      sentence: ids[0]!,
      label: 'fact',
      event: 'e5',
      ms: 1,
      at: 1,
      reveal,
    });
    expect(s.reveal).toEqual(reveal);
    expect(reducer(s, { type: 'move', delta: 1, at: 2 }).reveal).toBeNull();
  });

  it('does not change the state it was given', () => {
    const before = start();
    reducer(before, { type: 'labelled', sentence: ids[0]!, label: 'fact', event: 'e6', ms: 1, at: 1 });
    expect(before.overlay.size).toBe(0);
    expect(before.done).toBe(0);
    expect(before.pos).toBe(0);
  });
});

describe('retracted', () => {
  it('goes back to the sentence and takes its label away', () => {
    const s = run(start(), [
      { type: 'labelled', sentence: ids[0]!, label: 'fact', event: 'e7', ms: 1000, at: 1 },
      { type: 'labelled', sentence: ids[1]!, label: 'quote', event: 'e8', ms: 3000, at: 2 },
      { type: 'retracted', sentence: ids[1]!, label: null, target: 'e8', at: 3 },
    ]);
    expect(s.pos).toBe(1);
    expect(labelOf(s, ids[1]!)).toBeUndefined();
    expect(s.done).toBe(1);
    expect(s.session).toMatchObject({ labels: 1, ms: 1000 });
    expect(s.message).toBe('undone');
  });

  it('restores an earlier label, and leaves session counts alone for labels of earlier sessions', () => {
    const s = reducer(start(new Map([[ids[4]!, 'opinion']])), {
      type: 'retracted',
      sentence: ids[4]!,
      label: 'fact',
      target: 'an-earlier-session',
      at: 9,
    });
    expect(s.pos).toBe(4);
    expect(labelOf(s, ids[4]!)).toBe('fact');
    expect(s.done).toBe(1);
    expect(s.session).toMatchObject({ labels: 0, ms: 0 });
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

describe('navigation (issue 13)', () => {
  it('goes to the next and previous unlabelled sentence, round the end', () => {
    const base = new Map<string, Label>([ids[1]!, ids[2]!, ids[3]!].map((id) => [id, 'fact' as Label]));
    const s = start(base); // on 0, the first unlabelled
    const next = reducer(s, { type: 'seek', target: 'unlabelled', delta: 1, at: 5 });
    expect(next.pos).toBe(4);
    expect(next.clock.shownAt).toBe(5);
    const back = reducer(next, { type: 'seek', target: 'unlabelled', delta: -1, at: 6 });
    expect(back.pos).toBe(0);
    const round = reducer(s, { type: 'seek', target: 'unlabelled', delta: -1, at: 7 });
    expect(round.pos).toBe(ids.length - 1);
    expect(round.message).toBe('unlabelled: went round to the end');
    const all = start(new Map(ids.map((id) => [id, 'skip' as Label])));
    expect(reducer(all, { type: 'seek', target: 'unlabelled', delta: 1, at: 8 }).message).toBe(
      'no other unlabelled sentence',
    );
  });

  it('goes to the nearest flagged or noted sentence in either direction', () => {
    const s = initialState({
      index,
      order,
      base: new Map(),
      at: 0,
      flagged: new Set([ids[2]!, ids[7]!]),
      notes: new Map([[ids[5]!, ['check']]]),
    });
    const moved = reducer({ ...s, pos: 4 }, { type: 'seek', target: 'flagged', delta: 1, at: 1 });
    expect(moved.pos).toBe(7);
    expect(reducer({ ...s, pos: 4 }, { type: 'seek', target: 'flagged', delta: -1, at: 1 }).pos).toBe(2);
    expect(reducer({ ...s, pos: 8 }, { type: 'seek', target: 'flagged', delta: 1, at: 1 }).pos).toBe(2);
    expect(reducer(s, { type: 'seek', target: 'noted', delta: 1, at: 1 }).pos).toBe(5);
    expect(reducer({ ...s, pos: 5 }, { type: 'seek', target: 'noted', delta: 1, at: 1 }).message).toBe(
      'no other noted sentence',
    );
  });

  it('searches the text from the next sentence on, ignoring case and accents, and repeats the last search', () => {
    const typed = (state: AnnotateState, text: string) =>
      run(state, [{ type: 'openSearch' }, { type: 'typeText', text }, { type: 'submitSearch', at: 3 }]);
    const found = typed(start(), 'CRITICS');
    expect(currentSentence(found)?.text).toBe('Critics argue the timetable is unrealistic.');
    expect(found.mode).toBe('label');
    expect(found.message).toBe('found “CRITICS”; / and Enter finds the next');
    const again = typed(found, '');
    expect(again.pos).toBe(found.pos);
    expect(again.message).toBe('found “CRITICS” (went round to the start); / and Enter finds the next');
    expect(typed(start(), 'cafe').message).toBe('no sentence contains “cafe”');
    const accented = indexCorpus(corpus.documents, [
      { ...corpus.sentences[0]!, text: 'The Café de Flore closed.' },
      ...corpus.sentences.slice(1),
    ]);
    const s = typed(initialState({ index: accented, order: documentOrder(accented), base: new Map(), at: 0 }), 'cafe');
    expect(s.pos).toBe(0);
    expect(s.message).toMatch(/^found “cafe” \(went round/);
  });

  it('toggles the whole-document view, and scrolls a long sentence page by page, then back to its top', () => {
    const s = start();
    expect(reducer(s, { type: 'toggleView' }).view).toBe('document');
    expect(reducer(reducer(s, { type: 'toggleView' }), { type: 'toggleView' }).view).toBe('context');
    const scrolls = [1, 2, 3, 4].reduce<number[]>((out) => {
      const last = out.length ? out[out.length - 1]! : 0;
      return [...out, reducer({ ...s, scroll: last }, { type: 'scrollSentence', page: 4, max: 10 }).scroll];
    }, []);
    expect(scrolls).toEqual([4, 8, 10, 0]);
    expect(reducer({ ...s, scroll: 4 }, { type: 'move', delta: 1, at: 1 }).scroll).toBe(0);
  });
});

describe('the clock in the state (issue 13)', () => {
  it('counts activity with gaps capped, resets on each new sentence, and shows a pause', () => {
    let s = start(); // shown at 1000
    s = reducer(s, { type: 'activity', at: 3000, capMs: 60_000 });
    s = reducer(s, { type: 'idle' });
    expect(s.clock.paused).toBe(true);
    s = reducer(s, { type: 'activity', at: 100_000, capMs: 60_000 });
    expect(s.clock).toMatchObject({ activeMs: 62_000, idleMs: 37_000, paused: false });
    s = reducer(s, { type: 'labelled', sentence: ids[0]!, label: 'fact', event: 'x', ms: 62_000, at: 100_001 });
    expect(s.clock).toMatchObject({ shownAt: 100_001, activeMs: 0, idleMs: 0 });
  });
});

describe('re-ranking the queue (issue 13: learning while labelling)', () => {
  it('keeps the walked part, puts the ranked pool next, and the rest after in their old order', () => {
    const s = { ...start(new Map([[ids[6]!, 'fact']])), pos: 2 };
    const next = reducer(s, { type: 'reranked', ranked: [8, 6, 1, 5] });
    // 6 is labelled and 1 already walked: neither moves.
    expect(next.order).toEqual([0, 1, 2, 8, 5, 3, 4, 6, 7]);
    expect(next.pos).toBe(2);
    expect(Array.from(next.order, (p) => next.orderPos[p])).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8]);
  });

  it('with an assignment, the ranked sentences of assigned documents come before the others, each in ranked order', () => {
    // Documents: council 0-2, rates 3-4, trains 5-8; trains is assigned, so the queue starts with it.
    const assigned = Uint8Array.from([0, 0, 1]);
    const s = initialState({ index, order: [5, 6, 7, 8, 0, 1, 2, 3, 4], base: new Map(), at: 0, assigned });
    const next = reducer(s, { type: 'reranked', ranked: [3, 8, 0, 6, 4, 7, 1, 2] });
    expect(next.order).toEqual([5, 8, 6, 7, 3, 0, 4, 1, 2]);
  });

  it('gives a permutation of the old order with the current sentence in place, for any ranking (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(ids.length - 1)), fc.nat(ids.length - 1), (ranked, pos) => {
        const s = { ...start(), pos };
        const next = reducer(s, { type: 'reranked', ranked });
        expect([...next.order].sort()).toEqual([...s.order].sort());
        expect(next.order.slice(0, pos + 1)).toEqual(s.order.slice(0, pos + 1));
      }),
    );
  });
});

describe('re-ranking reads labels from masks (regression: a ranking held a keystroke ~12 ms at 100k)', () => {
  /** The order as the re-ranking gave it when it asked `labelOf` for each ranked sentence. */
  function rerankedByLabelOf(state: AnnotateState, ranked: readonly number[]): number[] {
    const next = state.order.slice(0, state.pos + 1);
    const inPool = new Set<number>();
    for (const s of ranked) {
      if (state.orderPos[s]! <= state.pos || inPool.has(s) || labelOf(state, ids[s]!) !== undefined) continue;
      inPool.add(s);
      next.push(s);
    }
    for (let k = state.pos + 1; k < state.order.length; k++)
      if (!inPool.has(state.order[k]!)) next.push(state.order[k]!);
    return next;
  }

  it('leaves out what is labelled at start or in the session, and lets a retracted label back in (property)', () => {
    const label = fc.constantFrom<Label>(...LABELS);
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat(ids.length - 1), label), { maxLength: ids.length }),
        fc.array(fc.tuple(fc.nat(ids.length - 1), fc.option(label, { nil: null })), { minLength: 1, maxLength: 20 }),
        fc.array(fc.nat(ids.length - 1), { minLength: 1, maxLength: 30 }),
        fc.nat(ids.length - 1),
        (atStart, changes, ranked, pos) => {
          let s = { ...start(new Map(atStart.map(([p, l]) => [ids[p]!, l]))), pos };
          changes.forEach(([p, l], k) => {
            s =
              l === null
                ? reducer(s, { type: 'retracted', sentence: ids[p]!, label: null, target: `e${k}`, at: k })
                : reducer(s, { type: 'labelled', sentence: ids[p]!, label: l, event: `e${k}`, ms: 1, at: k });
          });
          s = { ...s, pos };
          const next = reducer(s, { type: 'reranked', ranked: Int32Array.from(ranked) });
          return JSON.stringify(next.order) === JSON.stringify(rerankedByLabelOf(s, ranked));
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('an assignment (issue 13)', () => {
  it('counts the labelled sentences of the assigned documents as labels come and go', () => {
    const assigned = Uint8Array.from([0, 1, 1]);
    let s = initialState({ index, order, base: new Map([[ids[3]!, 'fact']]), at: 0, assigned });
    expect(s.assignedDone).toBe(1);
    s = reducer(s, { type: 'labelled', sentence: ids[0]!, label: 'fact', event: 'a', ms: 1, at: 1 });
    s = reducer(s, { type: 'labelled', sentence: ids[5]!, label: 'fact', event: 'b', ms: 1, at: 2 });
    expect([s.done, s.assignedDone]).toEqual([3, 2]);
    s = reducer(s, { type: 'retracted', sentence: ids[5]!, label: null, target: 'b', at: 3 });
    expect([s.done, s.assignedDone]).toEqual([2, 1]);
  });
});

describe('invariants under any sequence of actions', () => {
  const sentence = fc.integer({ min: 0, max: ids.length - 1 }).map((i) => ids[i]!);
  const label = fc.constantFrom(...LABELS);
  const action: fc.Arbitrary<Action> = fc.oneof(
    fc.record({
      type: fc.constant('labelled' as const),
      sentence,
      label,
      ms: fc.nat(10_000),
      event: fc.constant(''),
      at: fc.nat(),
    }),
    fc.record({
      type: fc.constant('retracted' as const),
      sentence,
      label: fc.option(label, { nil: null }),
      target: fc.nat(60).map((n) => `e${n}`),
      at: fc.nat(),
    }),
    fc.record({
      type: fc.constant('seek' as const),
      target: fc.constantFrom('unlabelled' as const, 'flagged' as const, 'noted' as const),
      delta: fc.constantFrom(1 as const, -1 as const),
      at: fc.nat(),
    }),
    fc.record({ type: fc.constant('move' as const), delta: fc.integer({ min: -20, max: 20 }), at: fc.nat() }),
    fc.record({ type: fc.constant('jumpToDocument' as const), doc: fc.integer({ min: 0, max: 4 }), at: fc.nat() }),
  );

  it('keeps the corpus count equal to a recount, the position in range, session counts non-negative', () => {
    fc.assert(
      fc.property(fc.array(action, { maxLength: 60 }), (actions) => {
        // Event ids are unique in a log: each label gets its own; a retract names any id (or one of no label).
        const unique = actions.map((a, i) => (a.type === 'labelled' ? { ...a, event: `e${i}` } : a));
        const s = run(start(new Map([[ids[2]!, 'opinion']])), unique);
        const recount = ids.filter((id) => labelOf(s, id) !== undefined).length;
        expect(s.done).toBe(recount);
        expect(s.pos).toBeGreaterThanOrEqual(0);
        expect(s.pos).toBeLessThan(ids.length);
        expect(s.session.labels).toBeGreaterThanOrEqual(0);
        expect(s.session.ms).toBeGreaterThanOrEqual(0);
        // The session's count is the count of its counted label events, and its time their sum.
        expect(s.session.labels).toBe(s.session.counted.size);
        expect(s.session.ms).toBe([...s.session.counted.values()].reduce((a, b) => a + b, 0));
      }),
    );
  });
});
