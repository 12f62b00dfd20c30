import type { Label } from '@stance/schema';
import { textHash } from '@stance/schema';
import type { NewEvent } from '../../src/index.ts';

/** A label event as the UI would append it, for the sentence `sentence` whose text is `text`. */
export function labelEvent(sentence: string, label: Label, text = `text of ${sentence}`): NewEvent {
  return {
    type: 'label',
    sentence,
    textHash: textHash(text),
    ms: 1200,
    guideline: '1.0',
    label,
    suggestion: { label: 'fact', model: 'cues-v1', shown: true },
  };
}

/** A retract of the event `target` (about `sentence`). */
export function retractEvent(target: string, sentence: string): NewEvent {
  return { type: 'retract', sentence, textHash: textHash(`text of ${sentence}`), ms: 0, guideline: '1.0', target };
}

/** A fixed clock that advances one second per call, so ids and times are predictable. */
export function steppingClock(start = '2026-11-25T10:00:00.000Z'): () => Date {
  let t = Date.parse(start);
  return () => {
    const d = new Date(t);
    t += 1000;
    return d;
  };
}
