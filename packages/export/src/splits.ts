import { createHash } from 'node:crypto';
import { StanceError } from '@stance/schema';

/** The three splits of an exported dataset, in the order the Hub lists them. */
export const SPLITS = ['train', 'validation', 'test'] as const;

/** One split. */
export type Split = (typeof SPLITS)[number];

/**
 * The default seed: the smallest whose split of the 15 bundled sample documents comes closest to 80/10/10 in document
 * counts (12 / 2 / 1; seed 0 leaves validation empty). Chosen on document counts only, never on labels or results.
 */
export const DEFAULT_SEED = 6;

/** Shares of documents for train, validation and test; they sum to 1. */
export type SplitRatios = readonly [number, number, number];

/** The default split: 80% train, 10% validation, 10% test (of documents). */
export const DEFAULT_SPLIT: SplitRatios = [0.8, 0.1, 0.1];

/** Parse `80/10/10` (or `0.8/0.1/0.1`, any three non-negative numbers with a positive sum) into shares summing to 1. */
export function parseSplitRatios(text: string): SplitRatios {
  const parts = text.split('/').map((p) => p.trim());
  const values = parts.map(Number);
  if (parts.length !== 3 || parts.some((p) => p === '') || values.some((v) => !Number.isFinite(v) || v < 0)) {
    throw new StanceError(`--split takes three non-negative numbers like 80/10/10, got ${JSON.stringify(text)}`);
  }
  const sum = values[0]! + values[1]! + values[2]!;
  if (!(sum > 0)) throw new StanceError(`--split needs a positive total, got ${JSON.stringify(text)}`);
  return [values[0]! / sum, values[1]! / sum, values[2]! / sum];
}

/**
 * A document's uniform number in [0, 1): the first 52 bits of SHA-256 of `seed:docId`. It depends on nothing but the
 * seed and the id, so adding or removing other documents never changes it.
 */
export function documentDraw(docId: string, seed: number): number {
  const hex = createHash('sha256').update(`${seed}:${docId}`, 'utf8').digest('hex').slice(0, 13);
  return Number.parseInt(hex, 16) / 2 ** 52;
}

/**
 * The split of a document: its draw cut at the cumulative ratios. Stable (a document's split depends only on its id,
 * the seed and the ratios) and grouped (a document is one unit). Stratification by label is not forced, since
 * re-balancing would move existing documents; the export reports the label share per split instead.
 */
export function splitOf(docId: string, seed: number, ratios: SplitRatios = DEFAULT_SPLIT): Split {
  const u = documentDraw(docId, seed);
  if (u < ratios[0]) return 'train';
  if (u < ratios[0] + ratios[1]) return 'validation';
  return 'test';
}
