import { LABELS } from '@stance/schema';
import { labelDocument, labelSentence } from './label-sentence.ts';
import type { Model } from './model.ts';

/** The rule-based labeler as a Model over fact / quote / opinion / skip. */
export const rulesModel: Model = {
  name: 'rules',
  kind: 'rules',
  labels: LABELS,
  predict(texts, options = {}) {
    const predictions = options.independent
      ? texts.map((t) => labelSentence(t))
      : labelDocument(texts, options.startsInQuote, options.blockQuoted);
    return predictions.map((p) => ({
      label: p.label,
      confidence: p.confidence,
      scores: { ...p.scores },
      cues: p.cues,
    }));
  },
};
