import { describe, expect, it } from 'vitest';
import {
  agreementReport,
  cohenKappa,
  fleissKappa,
  fleissKappaPerCategory,
  type Judgement,
  krippendorffAlpha,
  specificAgreement,
} from '../src/index.ts';

// Krippendorff 2011 reliability data (observers A–D × units 1–12, '*' missing), units spread over three documents.
const ROWS: Record<string, string> = {
  A: '1 2 3 3 2 1 4 1 2 * * *',
  B: '1 2 3 3 2 2 4 1 2 5 * 3',
  C: '* 3 3 3 2 3 4 2 2 5 1 *',
  D: '1 2 3 3 2 4 4 1 2 5 1 *',
};
const JUDGEMENTS: Judgement[] = Object.entries(ROWS).flatMap(([annotator, row]) =>
  row
    .split(' ')
    .map((label, u) => ({ unit: `u${u + 1}`, doc: `doc${Math.floor(u / 4)}`, annotator, label }))
    .filter((j) => j.label !== '*'),
);
const LABELS = ['1', '2', '3', '4', '5'];

/** Units × labels count matrix of the judgements. */
function matrixOf(judgements: readonly Judgement[], labels: readonly string[]): number[][] {
  const units = [...new Set(judgements.map((j) => j.unit))];
  return units.map((u) => labels.map((l) => judgements.filter((j) => j.unit === u && j.label === l).length));
}

describe('agreementReport', () => {
  const report = agreementReport(JUDGEMENTS, { labels: LABELS, seed: 1, resamples: 500 });

  it('reproduces Krippendorff 2011 alpha = 0.743 through the judgement data shape', () => {
    expect(report.overall.krippendorffAlpha.estimate).toBeCloseTo(0.743, 3);
  });

  it('gives the same Fleiss kappa as the matrix function on the same data', () => {
    expect(report.overall.fleissKappa.estimate).toBeCloseTo(fleissKappa(matrixOf(JUDGEMENTS, LABELS)), 12);
  });

  it('gives each pair the Cohen kappa of the units both labelled, and their confusion matrix', () => {
    const ac = report.pairs.find((p) => p.a === 'A' && p.b === 'C')!;
    const shared = ['u2', 'u3', 'u4', 'u5', 'u6', 'u7', 'u8', 'u9'];
    const label = (who: string, u: string) => JUDGEMENTS.find((j) => j.annotator === who && j.unit === u)!.label;
    const pairs = shared.map((u) => [label('A', u), label('C', u)] as [string, string]);
    expect(ac.items).toBe(8);
    expect(ac.kappa.estimate).toBeCloseTo(cohenKappa(pairs, LABELS), 12);
    expect(ac.confusion.counts[1]).toEqual([0, 2, 1, 0, 0]); // A said 2 on u2, u5, u9; C said 3, 2, 2.
    expect(report.pairs.map((p) => `${p.a}-${p.b}`)).toEqual(['A-B', 'A-C', 'A-D', 'B-C', 'B-D', 'C-D']);
  });

  it('gives per-label Fleiss kappa and specific agreement equal to the matrix functions', () => {
    const matrix = matrixOf(JUDGEMENTS, LABELS);
    const kappas = fleissKappaPerCategory(matrix);
    const specific = specificAgreement(matrix);
    report.perLabel.forEach((l, j) => {
      expect(l.fleissKappa.estimate).toBeCloseTo(kappas[j]!, 12);
      expect(l.specificAgreement.estimate).toBeCloseTo(specific[j]!, 12);
    });
    expect(report.perLabel.map((l) => l.count)).toEqual([9, 13, 11, 5, 3]);
  });

  it('counts judgements, units, pairable units, documents and per-annotator work', () => {
    expect(report.counts).toEqual({
      judgements: 41,
      units: 12,
      pairableUnits: 11,
      documents: 3,
      perAnnotator: { A: 9, B: 11, C: 10, D: 11 },
    });
    expect(report.bootstrap).toEqual({ resampled: 'documents', resamples: 500, seed: 1, level: 0.95 });
  });

  it('brackets each estimate by its document-bootstrap interval', () => {
    for (const ci of [report.overall.krippendorffAlpha, report.overall.fleissKappa, report.overall.observed]) {
      expect(ci.low).toBeLessThanOrEqual(ci.high);
      expect(ci.valid).toBeGreaterThan(0);
    }
  });

  it('resamples documents, not units: one document gives a zero-width interval', () => {
    const oneDoc = JUDGEMENTS.map((j) => ({ ...j, doc: 'only' }));
    const r = agreementReport(oneDoc, { labels: LABELS, resamples: 100 });
    expect(r.overall.krippendorffAlpha.low).toBeCloseTo(r.overall.krippendorffAlpha.estimate, 12);
    expect(r.overall.krippendorffAlpha.high).toBeCloseTo(r.overall.krippendorffAlpha.estimate, 12);
  });

  it('is deterministic per seed', () => {
    const again = agreementReport(JUDGEMENTS, { labels: LABELS, seed: 1, resamples: 500 });
    expect(JSON.stringify(again)).toBe(JSON.stringify(report));
    const other = agreementReport(JUDGEMENTS, { labels: LABELS, seed: 2, resamples: 500 });
    expect(JSON.stringify(other)).not.toBe(JSON.stringify(report));
  });

  it('serialises to JSON with undefined figures as null', () => {
    const r = agreementReport(
      [
        { unit: 'u1', doc: 'd', annotator: 'x', label: 'fact' },
        { unit: 'u1', doc: 'd', annotator: 'y', label: 'fact' },
      ],
      { resamples: 10 },
    );
    const json = JSON.parse(JSON.stringify(r));
    expect(json.overall.krippendorffAlpha.estimate).toBeNull();
    expect(json.pairs[0].confusion.counts).toEqual([[1]]);
  });

  it('agrees with krippendorffAlpha when labels are given in another order', () => {
    const r = agreementReport(JUDGEMENTS, { labels: ['5', '4', '3', '2', '1'], resamples: 10 });
    const byUnit = new Map<string, string[]>();
    for (const j of JUDGEMENTS) byUnit.set(j.unit, [...(byUnit.get(j.unit) ?? []), j.label]);
    const units = [...byUnit.values()];
    expect(r.overall.krippendorffAlpha.estimate).toBeCloseTo(krippendorffAlpha(units), 12);
  });

  it('reports a pair with no shared units as 0 items and an undefined kappa, and an unused label as count 0', () => {
    const r = agreementReport(
      [
        { unit: 'u1', doc: 'd1', annotator: 'x', label: 'fact' },
        { unit: 'u1', doc: 'd1', annotator: 'y', label: 'quote' },
        { unit: 'u2', doc: 'd2', annotator: 'z', label: 'fact' },
      ],
      { labels: ['fact', 'quote', 'opinion'], resamples: 20 },
    );
    const xz = r.pairs.find((p) => p.a === 'x' && p.b === 'z')!;
    expect(xz.items).toBe(0);
    expect(xz.kappa.estimate).toBeNaN();
    expect(xz.kappa.valid).toBe(0);
    const opinion = r.perLabel[2]!;
    expect(opinion.count).toBe(0);
    expect(opinion.fleissKappa.estimate).toBeNaN();
    expect(r.counts.pairableUnits).toBe(1);
  });

  it('rejects unknown labels, double judgements and a unit in two documents', () => {
    expect(() => agreementReport(JUDGEMENTS, { labels: ['1', '2'] })).toThrow(/label "3" is not one of 1, 2/);
    const twice = [...JUDGEMENTS, { ...JUDGEMENTS[0]! }];
    expect(() => agreementReport(twice)).toThrow(/judged unit "u1" twice/);
    const moved = [...JUDGEMENTS, { unit: 'u1', doc: 'elsewhere', annotator: 'E', label: '1' }];
    expect(() => agreementReport(moved)).toThrow(/filed under documents "doc0" and "elsewhere"/);
  });
});

describe('specific agreement and per-category kappa, hand-worked', () => {
  // The 2×2 table of Cohen's 50-proposal example as a 50 × 2 count matrix (2 raters per subject).
  const matrix = [
    ...Array.from({ length: 20 }, () => [2, 0]),
    ...Array.from({ length: 15 }, () => [1, 1]),
    ...Array.from({ length: 15 }, () => [0, 2]),
  ];

  it('two-rater specific agreement is 2a / (2a + b + c)', () => {
    const [yes, no] = specificAgreement(matrix);
    expect(yes).toBeCloseTo(40 / 55, 12);
    expect(no).toBeCloseTo(30 / 45, 12);
  });

  it('with two categories every per-category kappa equals the overall Fleiss kappa', () => {
    const [yes, no] = fleissKappaPerCategory(matrix);
    expect(yes).toBeCloseTo(fleissKappa(matrix), 12);
    expect(no).toBeCloseTo(fleissKappa(matrix), 12);
  });
});
