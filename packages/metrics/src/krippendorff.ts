import { addUnit, agreementStatsLength, krippendorffFromStats } from './agreement-stats.ts';

/**
 * Krippendorff's alpha (nominal) over units, each given as the labels its annotators assigned; a missing label is
 * simply absent, so units may hold any number of values. Units with one value are unpairable and ignored.
 */
export function krippendorffAlpha(units: readonly (readonly string[])[]): number {
  const index = new Map<string, number>();
  for (const unit of units) for (const value of unit) if (!index.has(value)) index.set(value, index.size);
  const k = index.size;
  const stats = new Float64Array(agreementStatsLength(k));
  const counts = new Float64Array(k);
  for (const unit of units) {
    counts.fill(0);
    for (const value of unit) counts[index.get(value)!]! += 1;
    addUnit(stats, counts, k);
  }
  return krippendorffFromStats(stats, k);
}
