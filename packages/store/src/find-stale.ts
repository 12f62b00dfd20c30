import type { CurrentLabel } from './fold.ts';

/** Labels that no longer match the corpus: `stale` (the sentence text changed), `orphaned` (the sentence id is gone). */
export interface StaleReport {
  stale: CurrentLabel[];
  orphaned: CurrentLabel[];
}

/**
 * Compare labels with the corpus as it is now. `current(id)` gives a sentence's current text hash, or undefined when
 * the id is unknown. Labels are only reported, never dropped: the caller decides whether to relabel.
 */
export function findStale(
  labels: ReadonlyMap<string, CurrentLabel>,
  current: (id: string) => { textHash: string } | undefined,
): StaleReport {
  const stale: CurrentLabel[] = [];
  const orphaned: CurrentLabel[] = [];
  for (const label of labels.values()) {
    const sentence = current(label.sentence);
    if (sentence === undefined) orphaned.push(label);
    else if (sentence.textHash !== label.textHash) stale.push(label);
  }
  return { stale, orphaned };
}
