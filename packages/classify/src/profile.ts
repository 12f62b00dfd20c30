import type { StanceLabel } from '@stance/schema';
import { STANCE_LABELS } from '@stance/schema';

/** A document's commentary profile: how many sentences are fact, quote, opinion, and their shares (skip left out). */
export interface CommentaryProfile {
  sentences: number;
  skipped: number;
  counts: Record<StanceLabel, number>;
  /** Share of each label among the non-skipped sentences, rounded to 3 decimals; all 0 when there are none. */
  shares: Record<StanceLabel, number>;
}

/** Count labels into a commentary profile; labels other than the three stance labels count as skipped. */
export function commentaryProfile(labels: readonly string[]): CommentaryProfile {
  const counts = { fact: 0, quote: 0, opinion: 0 } as Record<StanceLabel, number>;
  let skipped = 0;
  for (const l of labels) {
    if ((STANCE_LABELS as readonly string[]).includes(l)) counts[l as StanceLabel]++;
    else skipped++;
  }
  const kept = labels.length - skipped;
  const shares = { fact: 0, quote: 0, opinion: 0 } as Record<StanceLabel, number>;
  for (const l of STANCE_LABELS) shares[l] = kept ? Math.round((counts[l] / kept) * 1000) / 1000 : 0;
  return { sentences: labels.length, skipped, counts, shares };
}
