import {
  addUnit,
  agreementStatsLength,
  categoryKappaFromStats,
  fleissFromStats,
  krippendorffFromStats,
  observedAgreementFromStats,
  pairableUnits,
  specificAgreementFromStats,
} from './agreement-stats.ts';
import { type BootstrapOptions, bootstrapSumCIs, type Interval, resolveBootstrapOptions } from './bootstrap.ts';
import { type ConfusionMatrix, rowShares } from './classification.ts';
import { cohenKappaFromFlat, observedFromFlat } from './cohen.ts';
import { groupByUnit, type Judgement } from './judgements.ts';
import { indexOfLabel, labelIndex, labelsInOrder } from './labels.ts';

/** Options of `agreementReport`: the label order and the document bootstrap. */
export interface AgreementOptions extends BootstrapOptions {
  /** Fixed label order (default: first-seen order of the judgements). */
  labels?: readonly string[];
}

/** Agreement of one pair of annotators on the units both labelled. */
export interface PairAgreement {
  a: string;
  b: string;
  items: number;
  observed: Interval;
  kappa: Interval;
  /** `counts[label of a][label of b]`. */
  confusion: ConfusionMatrix;
}

/** Agreement on one label against all others. */
export interface LabelAgreement {
  label: string;
  /** Judgements giving this label (all units, pairable or not). */
  count: number;
  fleissKappa: Interval;
  specificAgreement: Interval;
}

/** Everything `stance agree` prints: counts, overall and per-label figures, pairs, each with a document-bootstrap CI. */
export interface AgreementReport {
  labels: string[];
  annotators: string[];
  counts: {
    judgements: number;
    units: number;
    /** Units with labels from at least two annotators: the ones agreement is measured on. */
    pairableUnits: number;
    documents: number;
    perAnnotator: Record<string, number>;
  };
  overall: { observed: Interval; fleissKappa: Interval; krippendorffAlpha: Interval };
  perLabel: LabelAgreement[];
  pairs: PairAgreement[];
  bootstrap: { resampled: 'documents'; resamples: number; seed: number; level: number };
}

/**
 * Agreement figures of annotators' judgements: Cohen's kappa and a confusion matrix for each pair, Fleiss' kappa and
 * Krippendorff's alpha (nominal, missing labels allowed) over all, per-label Fleiss kappa and specific agreement, each
 * with a percentile CI from resampling DOCUMENTS with replacement (units of one document are not independent). Per
 * document the sufficient statistics are summed once; each resample adds document vectors up. NaN marks an undefined
 * figure (JSON prints it as null).
 */
export function agreementReport(judgements: readonly Judgement[], options: AgreementOptions = {}): AgreementReport {
  const { resamples, seed, alpha } = resolveBootstrapOptions(options);
  const labels = [...(options.labels ?? labelsInOrder(judgements.map((j) => j.label)))];
  const index = labelIndex(labels);
  judgements.forEach((j, i) => {
    indexOfLabel(index, j.label, `judgement ${i + 1}`);
  });
  const k = labels.length;
  const units = groupByUnit(judgements);
  const annotators = [...new Set(judgements.map((j) => j.annotator))].sort();
  const pairs: [string, string][] = [];
  for (let i = 0; i < annotators.length; i++) {
    for (let j = i + 1; j < annotators.length; j++) pairs.push([annotators[i]!, annotators[j]!]);
  }
  const multiWidth = agreementStatsLength(k);
  const kk = k * k;
  const width = multiWidth + pairs.length * kk;
  const byDoc = new Map<string, Float64Array>();
  const counts = new Float64Array(k);
  const perAnnotator: Record<string, number> = {};
  for (const name of annotators) perAnnotator[name] = 0;
  for (const unit of units.values()) {
    let v = byDoc.get(unit.doc);
    if (v === undefined) {
      v = new Float64Array(width);
      byDoc.set(unit.doc, v);
    }
    counts.fill(0);
    for (const [name, label] of unit.byAnnotator) {
      counts[index.get(label)!]! += 1;
      perAnnotator[name]! += 1;
    }
    addUnit(v, counts, k);
    pairs.forEach(([a, b], p) => {
      const la = unit.byAnnotator.get(a);
      const lb = unit.byAnnotator.get(b);
      if (la !== undefined && lb !== undefined) v[multiWidth + p * kk + index.get(la)! * k + index.get(lb)!]! += 1;
    });
  }

  type Stat = (t: Float64Array) => number;
  const statistics: Stat[] = [
    (t) => observedAgreementFromStats(t),
    (t) => fleissFromStats(t, k),
    (t) => krippendorffFromStats(t, k),
  ];
  for (let j = 0; j < k; j++) {
    statistics.push((t) => categoryKappaFromStats(t, k, j));
    statistics.push((t) => specificAgreementFromStats(t, k, j));
  }
  pairs.forEach((_, p) => {
    const offset = multiWidth + p * kk;
    statistics.push((t) => observedFromFlat(t, k, offset));
    statistics.push((t) => cohenKappaFromFlat(t, k, offset));
  });
  const vectors = [...byDoc.values()];
  const intervals = bootstrapSumCIs(vectors, statistics, { resamples, seed, alpha });
  const whole = new Float64Array(width);
  for (const v of vectors) for (let i = 0; i < width; i++) whole[i]! += v[i]!;
  const labelCount = new Map<string, number>();
  for (const j of judgements) labelCount.set(j.label, (labelCount.get(j.label) ?? 0) + 1);

  return {
    labels,
    annotators,
    counts: {
      judgements: judgements.length,
      units: units.size,
      pairableUnits: pairableUnits(whole),
      documents: byDoc.size,
      perAnnotator,
    },
    overall: { observed: intervals[0]!, fleissKappa: intervals[1]!, krippendorffAlpha: intervals[2]! },
    perLabel: labels.map((label, j) => ({
      label,
      count: labelCount.get(label) ?? 0,
      fleissKappa: intervals[3 + 2 * j]!,
      specificAgreement: intervals[4 + 2 * j]!,
    })),
    pairs: pairs.map(([a, b], p) => {
      const offset = multiWidth + p * kk;
      const matrix = labels.map((_, i) => labels.map((__, j) => whole[offset + i * k + j]!));
      return {
        a,
        b,
        items: matrix.reduce((s, row) => s + row.reduce((x, y) => x + y, 0), 0),
        observed: intervals[3 + 2 * k + 2 * p]!,
        kappa: intervals[4 + 2 * k + 2 * p]!,
        confusion: { labels: [...labels], counts: matrix, rowShares: rowShares(matrix) },
      };
    }),
    bootstrap: { resampled: 'documents', resamples, seed, level: 1 - alpha },
  };
}
