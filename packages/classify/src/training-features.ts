import { StanceError } from '@stance/schema';
import { RowSetHasher } from './feature-groups.ts';
import { FeatureSpace } from './feature-space.ts';
import type { FeatureSettings } from './features.ts';
import type { FeatureGroups } from './logistic-regression.ts';
import type { SentenceRows } from './sparse.ts';
import { renumberRows, SentenceRowsBuilder } from './sparse.ts';

// Past these, training would not fit in ~1 GB (measured on 50 MB of random words: ~130 bytes per distinct feature while
// counting, with the tables' growth; 4 bytes per row entry); it stops with a one-line error instead of a heap crash.
const FEATURE_LIMIT = 4_000_000;
const ENTRY_LIMIT = 60_000_000;

/** The training data as features: what naive Bayes and logistic regression fit. */
export interface TrainingFeatures {
  /** `counts[j * classes + k]`: sentences of class k holding feature j. */
  counts: Int32Array;
  /** Features kept (the model's vocabulary size). */
  dims: number;
  vocabulary: string[];
  /** The sentences as rows, and the feature groups (when asked for rows: logistic regression). */
  rows?: SentenceRows;
  groups?: FeatureGroups;
  /** The minimum count applied (the settings' own, or raised to keep at most `maxFeatures`). */
  minCount: number;
  /** Distinct features in the data before the minimum count. */
  seen: number;
}

/**
 * The smallest minimum count, at least `minCount`, that leaves at most `max` features (`counts[j * K + k]` is how many
 * sentences of class k hold feature j).
 */
function minCountFor(counts: Int32Array, K: number, dims: number, minCount: number, max: number): number {
  if (dims <= max && minCount <= 1) return minCount;
  // histogram[c]: features seen in exactly c sentences (the last bucket: in that many or more).
  const histogram = new Float64Array(1024);
  for (let j = 0; j < dims; j++) {
    let total = 0;
    for (let k = 0; k < K; k++) total += counts[j * K + k]!;
    histogram[Math.min(total, 1023)]! += 1;
  }
  let kept = dims;
  let m = 1;
  for (; m < 1023 && (m < minCount || kept > max); m++) kept -= histogram[m]!;
  return m;
}

/**
 * One pass over the sentences: features to ids, class counts per feature (naive Bayes, NB scaling and the minimum
 * count all read them) and, when `rows` is asked for, the factored rows and feature groups logistic regression fits.
 * Features seen in fewer than the minimum count are then dropped (the count is raised when the data has more than
 * `maxFeatures`). The feature tables live only in here, so their memory is free again before the model is fitted.
 */
export function trainingFeatures(
  texts: readonly string[],
  context: readonly boolean[],
  y: Int32Array,
  K: number,
  settings: FeatureSettings,
  options: { rows: boolean; maxFeatures: number; limits?: { features: number; entries: number } },
): TrainingFeatures {
  const { features: featureLimit, entries: entryLimit } = options.limits ?? {
    features: FEATURE_LIMIT,
    entries: ENTRY_LIMIT,
  };
  const space = FeatureSpace.growing(settings);
  const builder = options.rows ? new SentenceRowsBuilder() : undefined;
  const hasher = options.rows ? new RowSetHasher() : undefined;
  let counts = new Int32Array(1024 * K);
  for (let i = 0; i < texts.length; i++) {
    const n = space.extract(texts[i]!, context[i]!);
    if (space.size > featureLimit || (builder?.entries ?? 0) > entryLimit)
      throw new StanceError(
        `too much training data to fit in memory: ${space.size.toLocaleString('en-US')} distinct features after ` +
          `${(i + 1).toLocaleString('en-US')} of ${texts.length.toLocaleString('en-US')} sentences; ` +
          'train on fewer sentences (stance train --max-examples N)',
      );
    if (space.size * K > counts.length) {
      let cap = counts.length * 2;
      while (cap < space.size * K) cap *= 2;
      const next = new Int32Array(cap);
      next.set(counts);
      counts = next;
    }
    const { ids } = space;
    const k = y[i]!;
    for (let p = 0; p < n; p++) counts[ids[p]! * K + k]! += 1;
    builder?.push(space.factored!);
    hasher?.add(ids, n, i);
  }
  const seen = space.size;
  const minCount = minCountFor(counts, K, seen, settings.minCount, options.maxFeatures);
  let rows = builder?.finish(space.tokenFeatures());
  let keep: Int32Array | undefined;
  let dims = seen;
  if (minCount > 1) {
    keep = new Int32Array(seen);
    let kept = 0;
    for (let j = 0; j < seen; j++) {
      let total = 0;
      for (let k = 0; k < K; k++) total += counts[j * K + k]!;
      if (total >= minCount) {
        for (let k = 0; k < K; k++) counts[kept * K + k] = counts[j * K + k]!;
        keep[j] = kept++;
      } else keep[j] = -1;
    }
    dims = kept;
    if (rows) rows = renumberRows(rows, keep);
  }
  const vocabulary = space.vocabulary(keep);
  const groups = hasher?.groups(seen, keep);
  return {
    counts: counts.slice(0, dims * K),
    dims,
    vocabulary,
    ...(rows ? { rows } : {}),
    ...(groups ? { groups } : {}),
    minCount,
    seen,
  };
}
