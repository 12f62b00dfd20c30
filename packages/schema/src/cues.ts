import type { Label } from './labels.ts';
import type { Span } from './spans.ts';

/** The kinds of evidence the rule-based labeler reports. */
export const CUE_KINDS = [
  'quotation',
  'attribution',
  'reported-speech',
  'hedge',
  'modal',
  'evaluative',
  'intensifier',
  'first-person',
  'rhetorical-question',
  'exclamation',
  'superlative',
  'recommendation',
  'prediction',
  'date',
  'number',
  'named-source',
  'fragment',
] as const;

/** One kind of cue. */
export type CueKind = (typeof CUE_KINDS)[number];

/** A span of the sentence that explains the label: which kind of evidence, and for which label. */
export interface Cue extends Span {
  kind: CueKind;
  label: Label;
  weight: number;
}

/** Scores for each label; they need not sum to one for external models. */
export type LabelScores = Partial<Record<Label, number>>;

/** A model's answer for one sentence. */
export interface Prediction {
  label: Label;
  confidence: number;
  scores: LabelScores;
  cues: Cue[];
}
