import type { AnnotationEvent } from '@stance/schema';
import { LABELS } from '@stance/schema';
import { flagEventOf, foldLabels, retractedIds, undoTarget } from '@stance/store';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { adjudicationEvents, judgementEvents, latestFlag, latestLabel } from '../src/model/log-roles.ts';

const SENTENCES = ['d:1', 'd:2', 'd:3'];

/** A log built by steps as the UI writes it: labels of both roles, flags, notes, and retracts of earlier events. */
const logArb = fc
  .array(
    fc.record({
      kind: fc.constantFrom('label', 'decision', 'flag', 'note', 'retract'),
      s: fc.nat({ max: SENTENCES.length - 1 }),
      l: fc.constantFrom(...LABELS),
      pick: fc.nat(),
    }),
    { maxLength: 40 },
  )
  .map((steps) => {
    const events: AnnotationEvent[] = [];
    steps.forEach(({ kind, s, l, pick }, i) => {
      const base = { v: 1, id: `e${i}`, sentence: SENTENCES[s]!, textHash: 'h', annotator: 'a', at: 'now', ms: 1 };
      const common = { ...base, guideline: '1.0' };
      if (kind === 'label' || kind === 'decision')
        events.push({ ...common, type: 'label', label: l, ...(kind === 'decision' ? { adjudication: true } : {}) });
      else if (kind === 'flag') events.push({ ...common, type: 'flag' });
      else if (kind === 'note') events.push({ ...common, type: 'note', note: 'n' });
      else if (events.length > 0) {
        // A retract names any earlier event that is not a retract (the store refuses the rest).
        const targets = events.filter((e) => e.type !== 'retract');
        const target = targets[pick % Math.max(1, targets.length)];
        if (target) events.push({ ...common, type: 'retract', sentence: target.sentence, target: target.id });
      }
    });
    return events;
  });

describe('walking back from the end of a log', () => {
  it('finds the undo target and the current label of a sentence as folding each role does', () => {
    fc.assert(
      fc.property(logArb, (events) => {
        const retracted = retractedIds(events);
        for (const adjudication of [false, true]) {
          const role = adjudication ? adjudicationEvents(events) : judgementEvents(events);
          const at = latestLabel(events, retracted, adjudication);
          expect(at < 0 ? undefined : events[at]).toBe(undoTarget(role));
          const folded = foldLabels(role);
          for (const sentence of SENTENCES) {
            const found = latestLabel(events, retracted, adjudication, events.length - 1, sentence);
            expect(found < 0 ? undefined : events[found]).toBe(folded.get(sentence)?.event);
          }
        }
        for (const sentence of SENTENCES)
          expect(latestFlag(events, retracted, sentence)).toBe(flagEventOf(events, sentence));
      }),
      { numRuns: 500 },
    );
  });
});
