/**
 * Sufficient statistics of multi-annotator agreement, as one flat vector per group of units. Fleiss' kappa,
 * per-category kappa, specific agreement and Krippendorff's alpha are all ratios of sums over units, so the vectors
 * of documents add up: the bootstrap sums a resample's document vectors instead of re-scanning its units.
 *
 * Layout for k labels: [units, sumP, kripDiag, kripValues, count[k], disagree[k], saNum[k], saDen[k]].
 */
const UNITS = 0;
const SUM_P = 1;
const KRIP_DIAG = 2;
const HEAD = 3;

/** Length of a statistics vector for `k` labels. */
export function agreementStatsLength(k: number): number {
  return HEAD + 4 * k;
}

/**
 * Add one unit's label counts (`counts[j]` = annotators who chose label j) into `stats` at `offset`. A unit with
 * fewer than two labels has no pair to compare, so it adds nothing (Krippendorff's "unpairable" values; Fleiss'
 * subjects need two ratings too).
 */
export function addUnit(stats: Float64Array, counts: ArrayLike<number>, k: number, offset = 0): void {
  let m = 0;
  let squares = 0;
  for (let j = 0; j < k; j++) {
    const c = counts[j]!;
    m += c;
    squares += c * c;
  }
  if (m < 2) return;
  const pairs = m * (m - 1);
  stats[offset + UNITS]! += 1;
  stats[offset + SUM_P]! += (squares - m) / pairs;
  // Krippendorff's coincidences on the diagonal: each unit adds n_uc (n_uc − 1) / (m_u − 1) to o_cc.
  stats[offset + KRIP_DIAG]! += (squares - m) / (m - 1);
  const base = offset + HEAD;
  for (let j = 0; j < k; j++) {
    const c = counts[j]!;
    stats[base + j]! += c;
    stats[base + k + j]! += (c * (m - c)) / pairs;
    stats[base + 2 * k + j]! += c * (c - 1);
    stats[base + 3 * k + j]! += c * (m - 1);
  }
}

/** Units with at least two labels that the statistics cover. */
export function pairableUnits(stats: ArrayLike<number>, offset = 0): number {
  return stats[offset + UNITS]!;
}

/** Total label count over pairable units. */
function totalValues(stats: ArrayLike<number>, k: number, offset: number): number {
  let n = 0;
  for (let j = 0; j < k; j++) n += stats[offset + HEAD + j]!;
  return n;
}

/**
 * Fleiss' kappa (1971): κ = (P̄ − P̄e) / (1 − P̄e). With the same number of ratings per subject this is Fleiss'
 * formula exactly; with varying numbers P_i uses each subject's own n_i and p_j pools all ratings (the usual
 * extension for missing ratings). NaN when no subject has two ratings or P̄e = 1.
 */
export function fleissFromStats(stats: ArrayLike<number>, k: number, offset = 0): number {
  const units = stats[offset + UNITS]!;
  const n = totalValues(stats, k, offset);
  if (units === 0 || n === 0) return Number.NaN;
  const pBar = stats[offset + SUM_P]! / units;
  let pe = 0;
  for (let j = 0; j < k; j++) {
    const p = stats[offset + HEAD + j]! / n;
    pe += p * p;
  }
  return pe === 1 ? Number.NaN : (pBar - pe) / (1 - pe);
}

/**
 * Fleiss' per-category kappa κ_j = 1 − Σ_i n_ij (n_i − n_ij) / (n_i (n_i − 1)) / (N p_j q_j) (Fleiss 1971, eq. 20),
 * which equals Fleiss' kappa of "j versus everything else". NaN when p_j is 0 or 1.
 */
export function categoryKappaFromStats(stats: ArrayLike<number>, k: number, j: number, offset = 0): number {
  const units = stats[offset + UNITS]!;
  const n = totalValues(stats, k, offset);
  if (units === 0 || n === 0) return Number.NaN;
  const p = stats[offset + HEAD + j]! / n;
  const pq = p * (1 - p);
  return pq === 0 ? Number.NaN : 1 - stats[offset + HEAD + k + j]! / (units * pq);
}

/**
 * Specific agreement for category j over many raters: Σ n_ij (n_ij − 1) / Σ n_ij (n_i − 1), the share of
 * annotator pairs agreeing on j among pairs where one annotator chose j (for two raters, 2a / (2a + b + c)).
 */
export function specificAgreementFromStats(stats: ArrayLike<number>, k: number, j: number, offset = 0): number {
  const den = stats[offset + HEAD + 3 * k + j]!;
  return den === 0 ? Number.NaN : stats[offset + HEAD + 2 * k + j]! / den;
}

/** Observed pairwise agreement: the mean over pairable units of the share of agreeing annotator pairs (Fleiss' P̄). */
export function observedAgreementFromStats(stats: ArrayLike<number>, offset = 0): number {
  const units = stats[offset + UNITS]!;
  return units === 0 ? Number.NaN : stats[offset + SUM_P]! / units;
}

/**
 * Krippendorff's alpha, nominal: α = 1 − D_o / D_e = (A_o − A_e) / (1 − A_e) with A_o = Σ_c o_cc / n and
 * A_e = Σ_c n_c (n_c − 1) / (n (n − 1)) over pairable values (Krippendorff 2011). NaN when fewer than two pairable
 * values or no variation at all (D_e = 0), where Krippendorff leaves alpha undefined.
 */
export function krippendorffFromStats(stats: ArrayLike<number>, k: number, offset = 0): number {
  const n = totalValues(stats, k, offset);
  if (n < 2) return Number.NaN;
  let expectedPairs = 0;
  for (let j = 0; j < k; j++) {
    const c = stats[offset + HEAD + j]!;
    expectedPairs += c * (c - 1);
  }
  const ae = expectedPairs / (n * (n - 1));
  if (ae === 1) return Number.NaN;
  const ao = stats[offset + KRIP_DIAG]! / n;
  return (ao - ae) / (1 - ae);
}
