import type { AnnotationEvent } from '@stance/schema';

// One log may hold both roles: labels someone gave as an annotator and decisions they made as an adjudicator
// (`adjudication: true`). Folding each role over its own label events plus every retract keeps undo and the current
// label of one role from reaching into the other, as `stance export` keeps them apart.

/** A log's events without its adjudication decisions: what annotating (and agreement) sees. */
export function judgementEvents(events: readonly AnnotationEvent[]): AnnotationEvent[] {
  return events.filter((e) => !(e.type === 'label' && e.adjudication === true));
}

/** A log's adjudication decisions with every retract, and no other label: what adjudicating sees. */
export function adjudicationEvents(events: readonly AnnotationEvent[]): AnnotationEvent[] {
  return events.filter((e) => e.type === 'retract' || (e.type === 'label' && e.adjudication === true));
}
