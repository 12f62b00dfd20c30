import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  agreementReport,
  classificationReport,
  cohenKappa,
  fleissKappa,
  fleissKappaPerCategory,
  type Judgement,
  krippendorffAlpha,
} from '../src/index.ts';

const LABELS = ['fact', 'quote', 'opinion', 'skip'];
const label = fc.constantFrom(...LABELS);

describe('properties', () => {
  it('kappa is 1 for identical annotators (when they use two labels or more)', () => {
    fc.assert(
      fc.property(fc.array(label, { minLength: 2, maxLength: 60 }), (labels) => {
        fc.pre(new Set(labels).size >= 2);
        const k = cohenKappa(labels.map((l) => [l, l] as [string, string]));
        return Math.abs(k - 1) < 1e-12;
      }),
    );
  });

  it('Cohen kappa is symmetric in the two annotators', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(label, label), { minLength: 1, maxLength: 60 }), (pairs) => {
        const k1 = cohenKappa(pairs, LABELS);
        const k2 = cohenKappa(
          pairs.map(([a, b]) => [b, a] as [string, string]),
          LABELS,
        );
        return (Number.isNaN(k1) && Number.isNaN(k2)) || Math.abs(k1 - k2) < 1e-12;
      }),
    );
  });

  const units = fc.array(fc.array(label, { minLength: 0, maxLength: 6 }), { minLength: 1, maxLength: 30 });

  it('alpha is invariant to the order of annotators within units and the order of units', () => {
    fc.assert(
      fc.property(units, (us) => {
        const a = krippendorffAlpha(us);
        const b = krippendorffAlpha(us.map((u) => [...u].reverse()).reverse());
        return (Number.isNaN(a) && Number.isNaN(b)) || Math.abs(a - b) < 1e-12;
      }),
    );
  });

  it('alpha is invariant to renaming labels', () => {
    const rename: Record<string, string> = { fact: 'F', quote: 'opinion', opinion: 'skip', skip: 'Q' };
    fc.assert(
      fc.property(units, (us) => {
        const a = krippendorffAlpha(us);
        const b = krippendorffAlpha(us.map((u) => u.map((l) => rename[l]!)));
        return (Number.isNaN(a) && Number.isNaN(b)) || Math.abs(a - b) < 1e-12;
      }),
    );
  });

  it('alpha is 1 when every pairable unit is unanimous and two values occur', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(label, fc.integer({ min: 2, max: 5 })), { minLength: 2, maxLength: 20 }),
        (spec) => {
          fc.pre(new Set(spec.map(([l]) => l)).size >= 2);
          return Math.abs(krippendorffAlpha(spec.map(([l, n]) => Array(n).fill(l))) - 1) < 1e-12;
        },
      ),
    );
  });

  it('alpha is invariant to annotator order in the judgement data (agreementReport)', () => {
    const judgements = fc.array(
      fc.record({
        unit: fc.constantFrom('u1', 'u2', 'u3', 'u4', 'u5', 'u6'),
        annotator: fc.constantFrom('ann', 'bob', 'cy'),
        label,
      }),
      { maxLength: 40 },
    );
    fc.assert(
      fc.property(judgements, (js) => {
        const seen = new Set<string>();
        const clean: Judgement[] = [];
        for (const j of js) {
          const key = `${j.unit}/${j.annotator}`;
          if (!seen.has(key)) {
            seen.add(key);
            clean.push({ ...j, doc: `d${j.unit}` });
          }
        }
        const a = agreementReport(clean, { labels: LABELS, resamples: 1 }).overall.krippendorffAlpha.estimate;
        const b = agreementReport([...clean].reverse(), { labels: [...LABELS].reverse(), resamples: 1 }).overall
          .krippendorffAlpha.estimate;
        return (Number.isNaN(a) && Number.isNaN(b)) || Math.abs(a - b) < 1e-12;
      }),
    );
  });

  it('with two annotators and no missing labels, alpha approaches Fleiss (Scott pi) as n grows: α = π + (1 − π)/(2n)', () => {
    // Krippendorff's small-sample correction: for 2 coders, α = 1 − (2n − 1) D_o / (2n D_e'), which relates to
    // Scott's pi (= Fleiss' kappa for two raters) by α = π + (1 − π) / (2n) with n items.
    fc.assert(
      fc.property(fc.array(fc.tuple(label, label), { minLength: 2, maxLength: 50 }), (pairs) => {
        const matrix = pairs.map(([a, b]) => LABELS.map((l) => (a === l ? 1 : 0) + (b === l ? 1 : 0)));
        const pi = fleissKappa(matrix);
        const alpha = krippendorffAlpha(pairs.map(([a, b]) => [a, b]));
        fc.pre(Number.isFinite(pi));
        return Math.abs(alpha - (pi + (1 - pi) / (2 * pairs.length))) < 1e-9;
      }),
    );
  });

  it('per-category Fleiss kappa equals Fleiss kappa of that category against all others', () => {
    const row = fc.array(fc.integer({ min: 0, max: 4 }), { minLength: 3, maxLength: 3 });
    fc.assert(
      fc.property(fc.array(row, { minLength: 1, maxLength: 20 }), (matrix) => {
        const perCategory = fleissKappaPerCategory(matrix);
        return perCategory.every((kj, j) => {
          const binary = fleissKappa(matrix.map((r) => [r[j]!, r.reduce((s, v) => s + v, 0) - r[j]!]));
          return (Number.isNaN(kj) && Number.isNaN(binary)) || Math.abs(kj - binary) < 1e-9;
        });
      }),
    );
  });

  it('macro-F1, accuracy, precision and recall stay in [0, 1]', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(label, label), { maxLength: 80 }), (pairs) => {
        const r = classificationReport(
          pairs.map((p) => p[0]),
          pairs.map((p) => p[1]),
          LABELS,
        );
        const inUnit = (x: number) => x >= 0 && x <= 1;
        return (
          inUnit(r.macroF1) && inUnit(r.accuracy) && r.perClass.every((c) => inUnit(c.precision) && inUnit(c.recall))
        );
      }),
    );
  });

  it('macro-F1 is 1 exactly when predictions equal gold and every label occurs', () => {
    const gold = ['fact', 'quote', 'opinion', 'skip', 'fact'];
    expect(classificationReport(gold, gold, LABELS).macroF1).toBe(1);
  });
});
