import { StanceError } from '@stance/schema';
import { openAfter, quoteContext, startsQuoted } from './context.ts';
import { FeatureTally } from './feature-groups.ts';
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

/** The texts' documents (`docs[i]` names text i's) and which sit in a quotation the layout shows (`blockQuoted`). */
export interface DocumentContext {
  docs?: readonly (string | undefined)[];
  blockQuoted?: readonly boolean[];
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
 * `context` says for each text whether a quotation is open where it starts, or gives the texts' documents (`docs[i]`
 * names text i's; see quoteContext) to work it out here: with cues on, from the quotation scan each extraction does
 * anyway, instead of a second scan of every text.
 */
export function trainingFeatures(
  texts: readonly string[],
  context: readonly boolean[] | DocumentContext,
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
  const tally = new FeatureTally(K, options.rows);
  // With cues on, extract scans each text's quotations and says whether one is still open at its end.
  const docs = Array.isArray(context) ? undefined : (context as DocumentContext).docs;
  const blocks = Array.isArray(context) ? undefined : (context as DocumentContext).blockQuoted;
  const chain = !Array.isArray(context) && settings.cues;
  const given = Array.isArray(context) ? context : chain ? [] : quoteContext(texts, docs, false, blocks);
  let open = false;
  for (let i = 0; i < texts.length; i++) {
    // As quoteContext: the first text, and a text of another document than the one before, start outside quotes.
    let inQuote = given[i] === true;
    if (chain)
      inQuote = startsQuoted(
        open && (i === 0 ? !docs : docs![i] !== undefined && docs![i - 1] === docs![i]),
        blocks,
        i,
      );
    space.extract(texts[i]!, inQuote);
    open = openAfter(space.endsInQuote, blocks, i);
    if (space.size > featureLimit || (builder?.entries ?? 0) > entryLimit)
      throw new StanceError(
        `too much training data to fit in memory: ${space.size.toLocaleString('en-US')} distinct features after ` +
          `${(i + 1).toLocaleString('en-US')} of ${texts.length.toLocaleString('en-US')} sentences; ` +
          'train on fewer sentences (stance train --max-examples N)',
      );
    tally.add(space.factored, y[i]!, i, space.size, space.tokenCount);
    builder?.push(space.factored);
  }
  const tokenFeatures = space.tokenFeatures();
  tally.fold(tokenFeatures);
  const counts = tally.counts;
  const seen = space.size;
  const minCount = minCountFor(counts, K, seen, settings.minCount, options.maxFeatures);
  let rows = builder?.finish(tokenFeatures);
  let keep: Int32Array | undefined;
  let dims = seen;
  let kept = counts.subarray(0, seen * K);
  if (minCount > 1) {
    keep = new Int32Array(seen);
    dims = 0;
    for (let j = 0; j < seen; j++) {
      let total = 0;
      for (let k = 0; k < K; k++) total += counts[j * K + k]!;
      keep[j] = total >= minCount ? dims++ : -1;
    }
    kept = new Int32Array(dims * K);
    for (let j = 0; j < seen; j++) if (keep[j]! >= 0) kept.set(counts.subarray(j * K, j * K + K), keep[j]! * K);
    if (rows) rows = renumberRows(rows, keep);
  }
  const vocabulary = space.vocabulary(keep);
  const groups = options.rows ? tally.groups(seen, keep) : undefined;
  return {
    counts: kept.slice(),
    dims,
    vocabulary,
    ...(rows ? { rows } : {}),
    ...(groups ? { groups } : {}),
    minCount,
    seen,
  };
}
