import { StanceError } from '@stance/schema';
import {
  addUnit,
  agreementStatsLength,
  categoryKappaFromStats,
  fleissFromStats,
  specificAgreementFromStats,
} from './agreement-stats.ts';

/** Statistics vector of a subjects × categories count matrix, checking the counts. */
function statsOfMatrix(matrix: readonly (readonly number[])[]): { stats: Float64Array; k: number } {
  const k = matrix[0]?.length ?? 0;
  const stats = new Float64Array(agreementStatsLength(k));
  matrix.forEach((row, i) => {
    if (row.length !== k) {
      throw new StanceError(`row ${i + 1} has ${row.length} categories, expected ${k}`, { where: 'matrix' });
    }
    for (const v of row) {
      if (!Number.isInteger(v) || v < 0) {
        throw new StanceError(`row ${i + 1} holds ${v}; counts are whole numbers ≥ 0`, { where: 'matrix' });
      }
    }
    addUnit(stats, row, k);
  });
  return { stats, k };
}

/**
 * Fleiss' kappa of a subjects × categories matrix (`matrix[i][j]` = raters who put subject i in category j).
 * Rows may have different totals (missing ratings); rows with fewer than two ratings are skipped.
 */
export function fleissKappa(matrix: readonly (readonly number[])[]): number {
  const { stats, k } = statsOfMatrix(matrix);
  return fleissFromStats(stats, k);
}

/** Fleiss' kappa of each category against all others (Fleiss 1971, eq. 20), in column order. */
export function fleissKappaPerCategory(matrix: readonly (readonly number[])[]): number[] {
  const { stats, k } = statsOfMatrix(matrix);
  return Array.from({ length: k }, (_, j) => categoryKappaFromStats(stats, k, j));
}

/** Specific (positive) agreement of each category over many raters, in column order. */
export function specificAgreement(matrix: readonly (readonly number[])[]): number[] {
  const { stats, k } = statsOfMatrix(matrix);
  return Array.from({ length: k }, (_, j) => specificAgreementFromStats(stats, k, j));
}
