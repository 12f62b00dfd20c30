import { describe, expect, it } from 'vitest';
import { cohenFromConfusion, cohenKappa, fleissKappa, krippendorffAlpha } from '../src/index.ts';

/** Reliability data as coder rows over unit columns ('*' = missing) → per-unit value lists. */
function unitsFromRows(rows: readonly string[]): string[][] {
  const cells = rows.map((r) => r.trim().split(/\s+/u));
  return cells[0]!.map((_, u) => cells.map((row) => row[u]!).filter((v) => v !== '*'));
}

describe('Krippendorff alpha (nominal) against published worked examples', () => {
  it('Krippendorff 2011, "Computing Krippendorff\'s Alpha-Reliability", 4 observers × 12 units, missing data: 0.743', () => {
    // Reliability data matrix of section "C. Nominal data, any number of observers, missing data" (A–D × units 1–12).
    const units = unitsFromRows([
      '1 2 3 3 2 1 4 1 2 * * *',
      '1 2 3 3 2 2 4 1 2 5 * 3',
      '* 3 3 3 2 3 4 2 2 5 1 *',
      '1 2 3 3 2 4 4 1 2 5 1 *',
    ]);
    expect(krippendorffAlpha(units)).toBeCloseTo(0.743, 3);
  });

  it('Wikipedia "Krippendorff\'s alpha", computational example, 3 coders × 15 units: nominal 0.691', () => {
    const units = unitsFromRows([
      '* * * * * 3 4 1 2 1 1 3 3 * 3',
      '1 * 2 1 3 3 4 3 * * * * * * *',
      '* * 2 1 3 4 4 * 2 1 1 3 3 * 4',
    ]);
    expect(krippendorffAlpha(units)).toBeCloseTo(0.691, 3);
  });
});

describe("Fleiss' kappa against the published worked example", () => {
  it('Wikipedia "Fleiss\' kappa", worked example: 10 subjects, 14 raters, 5 categories: 0.210', () => {
    const table = [
      [0, 0, 0, 0, 14],
      [0, 2, 6, 4, 2],
      [0, 0, 3, 5, 6],
      [0, 3, 9, 2, 0],
      [2, 2, 8, 1, 1],
      [7, 7, 0, 0, 0],
      [3, 2, 6, 3, 0],
      [2, 5, 3, 2, 2],
      [6, 5, 2, 1, 0],
      [0, 2, 2, 3, 7],
    ];
    expect(fleissKappa(table)).toBeCloseTo(0.21, 3);
  });
});

describe("Cohen's kappa against the textbook example", () => {
  // Wikipedia "Cohen's kappa", simple example: 50 grant proposals, readers A and B, yes/no.
  // Both yes 20, A yes B no 5, A no B yes 10, both no 15 → p_o = 0.7, p_e = 0.5, kappa = 0.4.
  const pairs: [string, string][] = [
    ...Array.from({ length: 20 }, () => ['yes', 'yes'] as [string, string]),
    ...Array.from({ length: 5 }, () => ['yes', 'no'] as [string, string]),
    ...Array.from({ length: 10 }, () => ['no', 'yes'] as [string, string]),
    ...Array.from({ length: 15 }, () => ['no', 'no'] as [string, string]),
  ];

  it('gives p_o = 0.7, p_e = 0.5, kappa = 0.4 from the 2×2 table', () => {
    const r = cohenFromConfusion([
      [20, 5],
      [10, 15],
    ]);
    expect(r.observed).toBeCloseTo(0.7, 3);
    expect(r.expected).toBeCloseTo(0.5, 3);
    expect(r.kappa).toBeCloseTo(0.4, 3);
    expect(r.items).toBe(50);
  });

  it('gives kappa = 0.4 from the 50 label pairs', () => {
    expect(cohenKappa(pairs)).toBeCloseTo(0.4, 3);
    expect(cohenKappa(pairs, ['no', 'yes'])).toBeCloseTo(0.4, 3);
  });
});
