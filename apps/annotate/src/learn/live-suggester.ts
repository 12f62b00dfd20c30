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
}

/**
 * Suggestions while the background model is the source: its label and confidence where it has predicted the
 * sentence's document, else the session's own (`base`: the model the session started with, named as such in the
 * log, since a suggestion is logged as what was shown). The rules' cues (which `base` carries) explain either.
 * Without a live model, `base` answers.
 */
export function liveSuggester(index: CorpusIndex, base: Suggester, live: LiveModel | null): Suggester {
  if (live === null) return base;
  return {
    model: live.name,
    trained: true,
    at(position): Suggested {
      const own = base.at(position);
      const doc = index.docOf[position] ?? -1;
      const predicted = live.docs.get(doc);
      const k = index.placeInDoc[position] ?? -1;
      const label = predicted?.labels[k];
      if (!predicted || label === undefined || label >= LABELS.length || own.error !== undefined) return own;
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
