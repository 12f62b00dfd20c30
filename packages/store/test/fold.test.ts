import type { AnnotationEvent } from '@stance/schema';
import { describe, expect, it } from 'vitest';
import {
  flagEventOf,
  foldFlags,
  foldLabels,
  foldNotes,
  openAnnotatorLog,
  readAnnotatorLog,
  undoTarget,
} from '../src/index.ts';
import { labelEvent, retractEvent, steppingClock } from './helpers/events.ts';
import { tempCorpus } from './helpers/temp-corpus.ts';

function labelsOf(events: readonly AnnotationEvent[]): Record<string, string> {
  return Object.fromEntries([...foldLabels(events)].map(([id, current]) => [id, current.label]));
}

describe('folding a log', () => {
  it('the last label of a sentence wins; an undo falls back to the previous unretracted label', () => {
    const log = openAnnotatorLog(tempCorpus(), 'alice', { now: steppingClock() });
    log.append(labelEvent('s1', 'fact'));
    const second = log.append(labelEvent('s1', 'opinion'));
    log.append(labelEvent('s2', 'quote'));
    expect(labelsOf(log.events)).toEqual({ s1: 'opinion', s2: 'quote' });

    const target = undoTarget(log.events)!;
    expect(target.sentence).toBe('s2');
    log.append(retractEvent(target.id, target.sentence));
    expect(labelsOf(log.events)).toEqual({ s1: 'opinion' });

    expect(undoTarget(log.events)).toEqual(second);
    log.append(retractEvent(second.id, 's1'));
    expect(labelsOf(log.events)).toEqual({ s1: 'fact' });
    expect(foldLabels(log.events).get('s1')?.event.id).toBe(log.events[0]!.id);
    log.close();
  });

  it('undo has no limit and works across a reopen', () => {
    const corpus = tempCorpus();
    const first = openAnnotatorLog(corpus, 'bob', { now: steppingClock() });
    for (const [s, l] of [
      ['a', 'fact'],
      ['b', 'quote'],
      ['c', 'opinion'],
    ] as const) {
      first.append(labelEvent(s, l));
    }
    first.append(retractEvent(undoTarget(first.events)!.id, 'c'));
    first.close();

    const second = openAnnotatorLog(corpus, 'bob', { now: steppingClock('2026-11-26T00:00:00.000Z') });
    expect(labelsOf(second.events)).toEqual({ a: 'fact', b: 'quote' });
    for (const expected of ['b', 'a']) {
      const target = undoTarget(second.events)!;
      expect(target.sentence).toBe(expected);
      second.append(retractEvent(target.id, target.sentence));
    }
    expect(undoTarget(second.events)).toBeUndefined();
    expect(foldLabels(second.events).size).toBe(0);
    second.close();
    expect(foldLabels(readAnnotatorLog(second.path).events).size).toBe(0);
  });

  it('notes and flags fold the same way, and a retract removes one', () => {
    const log = openAnnotatorLog(tempCorpus(), 'carol');
    const base = { textHash: 'h', ms: 10, guideline: '1.0' };
    const n1 = log.append({ ...base, type: 'note', sentence: 's1', note: 'sarcasm?' });
    log.append({ ...base, type: 'note', sentence: 's1', note: 'quote inside an opinion' });
    log.append({ ...base, type: 'flag', sentence: 's1' });
    log.append({ ...base, type: 'flag', sentence: 's2' });
    expect(foldNotes(log.events)).toEqual(new Map([['s1', ['sarcasm?', 'quote inside an opinion']]]));
    expect(foldFlags(log.events)).toEqual(new Set(['s1', 's2']));

    log.append({ ...base, type: 'retract', sentence: 's1', target: n1.id });
    log.append({ ...base, type: 'retract', sentence: 's2', target: flagEventOf(log.events, 's2')!.id });
    expect(foldNotes(log.events)).toEqual(new Map([['s1', ['quote inside an opinion']]]));
    expect(foldFlags(log.events)).toEqual(new Set(['s1']));
    expect(flagEventOf(log.events, 's2')).toBeUndefined();
    // Notes and flags are not labels: undo of the last label is unaffected by them.
    expect(undoTarget(log.events)).toBeUndefined();
    log.close();
  });

  it('keeps the text hash each label was given for', () => {
    const log = openAnnotatorLog(tempCorpus(), 'dan');
    log.append(labelEvent('s', 'fact', 'Old text.'));
    const newer = log.append(labelEvent('s', 'fact', 'New text.'));
    expect(foldLabels(log.events).get('s')).toEqual({
      sentence: 's',
      label: 'fact',
      textHash: newer.textHash,
      event: newer,
    });
    log.close();
  });
});
