import type { Label } from '@stance/schema';
import { LABELS } from '@stance/schema';
import type { CorpusIndex } from '../model/corpus-index.ts';
import type { Suggested, Suggester } from '../model/suggester.ts';

/** The background model's suggestions for one document (reading order): label index (LABELS order) and confidence. */
export interface DocumentPredictions {
  readonly labels: Uint8Array;
  readonly confidence: Float32Array;
}

/** The model the worker holds now, and the documents it has predicted so far. */
export interface LiveModel {
  readonly name: string;
  readonly generation: number;
  readonly docs: ReadonlyMap<number, DocumentPredictions>;
  /** Set when the worker could not predict (its model failed to load or to predict, or the worker stopped). */
  readonly error?: string;
}

/**
 * Suggestions while the background model is the source: its label and confidence where it has predicted the
 * sentence's document. Where it has not yet: with `awaiting` (the session's model lives in the worker only, so this
 * thread has no label of its own to show) the suggestion is pending; else the session's own (`base`: the model the
 * session started with, named as such in the log, since a suggestion is logged as what was shown). The rules' cues
 * (which `base` carries) explain either. Without a live model, `base` answers.
 */
export function liveSuggester(
  index: CorpusIndex,
  base: Suggester,
  live: LiveModel | null,
  awaiting = false,
): Suggester {
  if (live === null) return base;
  return {
    model: live.name,
    trained: true,
    at(position): Suggested {
      const own = base.at(position);
      if (own.error !== undefined) return own;
      const doc = index.docOf[position] ?? -1;
      const predicted = live.docs.get(doc);
      const k = index.placeInDoc[position] ?? -1;
      const label = predicted?.labels[k];
      if (!predicted || label === undefined || label >= LABELS.length) {
        if (!awaiting) return own;
        if (live.error !== undefined)
          return { label: 'skip', confidence: 0, cues: own.cues, model: live.name, error: live.error };
        return { label: 'skip', confidence: 0, cues: own.cues, model: live.name, pending: true };
      }
      return {
        label: LABELS[label] as Label,
        confidence: predicted.confidence[k]!,
        cues: own.cues,
        model: live.name,
      };
    },
    warm: (position) => base.warm(position),
    all: (skip) => base.all(skip),
  };
}
