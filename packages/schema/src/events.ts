import type { Label } from './labels.ts';

/** Version of the event log line format. */
export const EVENT_VERSION = 1;

/** The kinds of annotation event. */
export const EVENT_TYPES = ['label', 'retract', 'note', 'flag'] as const;

/** One kind of annotation event. */
export type EventType = (typeof EVENT_TYPES)[number];

/** What the annotator was shown by the machine when they labelled: the label, the model, and whether it was visible. */
export interface Suggestion {
  label: Label;
  model: string;
  shown: boolean;
  confidence?: number;
}

/**
 * One line of an annotator's append-only log. `id` is unique within the log; a `retract` names in `target` the event
 * it undoes. `ms` is the time spent on the sentence (the annotation UI counts active time: a gap between keys counts
 * up to its idle cap); `idleMs`, when present, is the time beyond that cap (pauses); `textHash` pins the sentence
 * text that was labelled.
 */
export interface AnnotationEvent {
  v: number;
  id: string;
  type: EventType;
  sentence: string;
  textHash: string;
  annotator: string;
  at: string;
  ms: number;
  /** Pauses on the sentence not counted in `ms` (gaps between keys beyond the UI's idle cap); absent in older logs. */
  idleMs?: number;
  guideline: string;
  label?: Label;
  note?: string;
  target?: string;
  suggestion?: Suggestion | null;
  adjudication?: boolean;
  /** Where the event came from: the annotation UI (the default when absent) or `stance import` (no timing: `ms` is 0). */
  origin?: 'ui' | 'import';
}
