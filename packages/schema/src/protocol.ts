import type { LabelScores } from './cues.ts';
import type { Label } from './labels.ts';

/** A line the classify protocol reads: one sentence. */
export interface ClassifyRequest {
  id: string;
  text: string;
}

/** A line the classify protocol writes: the label, and optionally a score per label. */
export interface ClassifyResponse {
  id: string;
  label: Label | string;
  scores?: LabelScores;
}
