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

/**
 * Position in `events` of the latest label of one role (`adjudication` decisions, else judgements) at or before
 * `from` that no retract names (`retracted`), only about `sentence` when given; -1 if there is none. Walking back from
 * the end gives what undoTarget and foldLabels give over the role's events, without folding the whole log on a key.
 */
export function latestLabel(
  events: readonly AnnotationEvent[],
  retracted: ReadonlySet<string>,
  adjudication: boolean,
  from = events.length - 1,
  sentence?: string,
): number {
  for (let i = Math.min(from, events.length - 1); i >= 0; i--) {
    const e = events[i]!;
    if (e.type !== 'label' || e.label === undefined || (e.adjudication === true) !== adjudication) continue;
    if ((sentence === undefined || e.sentence === sentence) && !retracted.has(e.id)) return i;
  }
  return -1;
}

/** The latest flag event of `sentence` that no retract names (what flagEventOf gives), walking back from the end. */
export function latestFlag(
  events: readonly AnnotationEvent[],
  retracted: ReadonlySet<string>,
  sentence: string,
): AnnotationEvent | undefined {
  for (let i = events.length - 1; i >= 0; i--) {
    const e = events[i]!;
    if (e.type === 'flag' && e.sentence === sentence && !retracted.has(e.id)) return e;
  }
  return undefined;
}
