import { StanceError } from '@stance/schema';
import { seededIndex } from './prng.ts';
import { quantileSorted, sd } from './summary.ts';

/** How to resample: how many times, from which seed, and the two-sided error rate of the interval (0.05 → 95%). */
export interface BootstrapOptions {
  resamples?: number;
  seed?: number;
  alpha?: number;
}

/** A point estimate with its percentile bootstrap interval. */
export interface Interval {
  estimate: number;
  low: number;
  high: number;
  /** Confidence level, e.g. 0.95. */
  level: number;
  /** Standard error: the standard deviation of the finite replicates. */
  se: number;
  resamples: number;
  /** Replicates where the statistic was defined (finite); undefined ones (e.g. kappa with p_e = 1) are left out. */
  valid: number;
}

/** Defaults: 1000 resamples, seed 1, 95% interval. */
export const BOOTSTRAP_DEFAULTS = { resamples: 1000, seed: 1, alpha: 0.05 } as const;

/** Options with defaults filled in and checked. */
export function resolveBootstrapOptions(options: BootstrapOptions = {}): Required<BootstrapOptions> {
  const resamples = options.resamples ?? BOOTSTRAP_DEFAULTS.resamples;
  const seed = options.seed ?? BOOTSTRAP_DEFAULTS.seed;
  const alpha = options.alpha ?? BOOTSTRAP_DEFAULTS.alpha;
  if (!Number.isInteger(resamples) || resamples < 1) {
    throw new StanceError(`resamples must be a whole number ≥ 1, got ${resamples}`, { where: 'bootstrap' });
  }
  if (!Number.isInteger(seed))
    throw new StanceError(`seed must be a whole number, got ${seed}`, { where: 'bootstrap' });
  if (!(alpha > 0 && alpha < 1)) throw new StanceError(`alpha must be in (0, 1), got ${alpha}`, { where: 'bootstrap' });
  return { resamples, seed, alpha };
}

/** Percentile interval of bootstrap replicates around `estimate`; NaN replicates are dropped and counted. */
export function percentileInterval(estimate: number, replicates: readonly number[], alpha: number): Interval {
  const finite = replicates.filter(Number.isFinite).sort((x, y) => x - y);
  return {
    estimate,
    low: quantileSorted(finite, alpha / 2),
    high: quantileSorted(finite, 1 - alpha / 2),
    level: 1 - alpha,
    se: sd(finite),
    resamples: replicates.length,
    valid: finite.length,
  };
}

/**
 * Percentile bootstrap CI of `statistic` over `groups` (e.g. documents), resampling whole groups with replacement
 * from a seeded PRNG, so items of one document stay together. Generic but re-runs `statistic` on every resample;
 * for sums of per-group counts use `bootstrapSumCIs`, which draws the same resamples for the same seed.
 */
export function bootstrapCI<G>(
  groups: readonly G[],
  statistic: (sample: readonly G[]) => number,
  options: BootstrapOptions = {},
): Interval {
  const { resamples, seed, alpha } = resolveBootstrapOptions(options);
  const estimate = statistic(groups);
  const n = groups.length;
  if (n === 0) return percentileInterval(estimate, [], alpha);
  const draw = seededIndex(seed);
  const replicates: number[] = [];
  const sample = new Array<G>(n);
  for (let r = 0; r < resamples; r++) {
    for (let i = 0; i < n; i++) sample[i] = groups[draw(n)]!;
    replicates.push(statistic(sample));
  }
  return percentileInterval(estimate, replicates, alpha);
}

/**
 * Draw `resamples` bootstrap resamples of the group vectors and hand each resample's element-wise sum to `visit`.
 * This is the fast path: per-group counts are precomputed once, and a resample costs one vector add per drawn group.
 */
export function forEachResampleSum(
  vectors: readonly ArrayLike<number>[],
  options: BootstrapOptions,
  visit: (totals: Float64Array) => void,
): void {
  const { resamples, seed } = resolveBootstrapOptions(options);
  const n = vectors.length;
  if (n === 0) return;
  const width = vectors[0]!.length;
  const totals = new Float64Array(width);
  const draw = seededIndex(seed);
  for (let r = 0; r < resamples; r++) {
    totals.fill(0);
    for (let i = 0; i < n; i++) {
      const v = vectors[draw(n)]!;
      for (let j = 0; j < width; j++) totals[j]! += v[j]!;
    }
    visit(totals);
  }
}

/** Element-wise sum of equal-length vectors. */
export function sumVectors(vectors: readonly ArrayLike<number>[], width: number): Float64Array {
  const totals = new Float64Array(width);
  for (const v of vectors) for (let j = 0; j < width; j++) totals[j]! += v[j]!;
  return totals;
}

/**
 * Percentile bootstrap CIs of several statistics of summed per-group vectors (all vectors the same length), all
 * from the same resamples. Each statistic maps the summed vector to a number.
 */
export function bootstrapSumCIs(
  vectors: readonly ArrayLike<number>[],
  statistics: readonly ((totals: Float64Array) => number)[],
  options: BootstrapOptions = {},
): Interval[] {
  const { alpha } = resolveBootstrapOptions(options);
  const width = vectors[0]?.length ?? 0;
  const whole = sumVectors(vectors, width);
  const estimates = statistics.map((f) => f(whole));
  const replicates = statistics.map(() => [] as number[]);
  forEachResampleSum(vectors, options, (totals) => {
    statistics.forEach((f, s) => {
      replicates[s]!.push(f(totals));
    });
  });
  return statistics.map((_, s) => percentileInterval(estimates[s]!, replicates[s]!, alpha));
}
