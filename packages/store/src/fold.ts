import type { AnnotationEvent, Label } from '@stance/schema';

/** A sentence's current label in one annotator's log, with the text hash it was given for and the event behind it. */
export interface CurrentLabel {
  sentence: string;
  label: Label;
  textHash: string;
  event: AnnotationEvent;
}

/** Ids of the events undone by a `retract` in `events`. */
export function retractedIds(events: readonly AnnotationEvent[]): Set<string> {
  const ids = new Set<string>();
  for (const e of events) if (e.type === 'retract' && e.target !== undefined) ids.add(e.target);
  return ids;
}

/** A label event: one that gives a sentence a label. */
export type LabelEvent = AnnotationEvent & { type: 'label'; label: Label };

/**
 * The rule of the current label, in one place: a label event counts unless a retract names it, and a sentence's
 * current label is the last event that counts for it (in log order). After an undo the sentence falls back to its
 * previous unretracted label, or has none.
 */
export function countsAsLabel(event: AnnotationEvent, retracted: ReadonlySet<string>): event is LabelEvent {
  return event.type === 'label' && event.label !== undefined && !retracted.has(event.id);
}

/**
 * Hand `visit` each label event of one annotator's log that no retract names, in log order: the last one visited for
 * a sentence is its current label. For callers that keep current labels their own way (export's packed label index);
 * `foldLogFile` does the same for a log file without holding its events.
 */
export function foldLabelEvents(events: readonly AnnotationEvent[], visit: (event: LabelEvent) => void): void {
  const retracted = retractedIds(events);
  for (const event of events) if (countsAsLabel(event, retracted)) visit(event);
}

/**
 * Each sentence's current label in one annotator's log: the last label event for it (in log order) that no retract
 * names. After an undo the sentence falls back to its previous unretracted label, or has none.
 */
export function foldLabels(events: readonly AnnotationEvent[]): Map<string, CurrentLabel> {
  const labels = new Map<string, CurrentLabel>();
  foldLabelEvents(events, (event) => {
    labels.set(event.sentence, { sentence: event.sentence, label: event.label, textHash: event.textHash, event });
  });
  return labels;
}

/**
 * The label event a new `retract` should name: the most recent label event not yet retracted. Repeated undo walks
 * back through the whole log, across restarts, as the log holds every retract.
 */
export function undoTarget(events: readonly AnnotationEvent[]): AnnotationEvent | undefined {
  const retracted = retractedIds(events);
  for (let i = events.length - 1; i >= 0; i--) {
    const event = events[i]!;
    if (event.type === 'label' && !retracted.has(event.id)) return event;
  }
  return undefined;
}

/** Each sentence's notes that are not retracted, in log order. */
export function foldNotes(events: readonly AnnotationEvent[]): Map<string, string[]> {
  const retracted = retractedIds(events);
  const notes = new Map<string, string[]>();
  for (const event of events) {
    if (event.type !== 'note' || event.note === undefined || retracted.has(event.id)) continue;
    const list = notes.get(event.sentence);
    if (list === undefined) notes.set(event.sentence, [event.note]);
    else list.push(event.note);
  }
  return notes;
}

/** Sentences flagged by a flag event that is not retracted (retracting the flag event unflags). */
export function foldFlags(events: readonly AnnotationEvent[]): Set<string> {
  const retracted = retractedIds(events);
  const flagged = new Set<string>();
  for (const event of events) if (event.type === 'flag' && !retracted.has(event.id)) flagged.add(event.sentence);
  return flagged;
}

/** The unretracted flag event of a sentence, most recent first: what a retract should name to unflag it. */
export function flagEventOf(events: readonly AnnotationEvent[], sentence: string): AnnotationEvent | undefined {
  const retracted = retractedIds(events);
  for (let i = events.length - 1; i >= 0; i--) {
    const event = events[i]!;
    if (event.type === 'flag' && event.sentence === sentence && !retracted.has(event.id)) return event;
  }
  return undefined;
}
