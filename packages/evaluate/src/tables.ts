import type { Interval } from '@stance/metrics';
import type { BenchReport } from './report.ts';

/** A titled table of text cells, rendered as a terminal table, a Markdown table or an HTML table. */
export interface Table {
  id: string;
  title: string;
  header: string[];
  rows: string[][];
  /** A sentence under the table saying how to read it. */
  note?: string;
}

/** A figure with 3 decimals; `–` when undefined. */
export function fixed3(x: number | null | undefined): string {
  return x === null || x === undefined || !Number.isFinite(x) ? '–' : x.toFixed(3);
}

/** `0.700 [0.638, 0.756]`. */
export function withInterval(i: Interval | null | undefined): string {
  if (!i) return '–';
  return `${fixed3(i.estimate)} [${fixed3(i.low)}, ${fixed3(i.high)}]`;
}

/** A p-value: 3 decimals, or `< 0.001`. */
export function pValue(p: number): string {
  if (!Number.isFinite(p)) return '–';
  return p < 0.001 ? '< 0.001' : p.toFixed(3);
}

/** Items per second, rounded to a readable figure. */
function rate(items: number, ms: number): string {
  if (!(ms > 0)) return '–';
  const r = (items / ms) * 1000;
  return r >= 100 ? Math.round(r).toLocaleString('en-US') : r.toFixed(1);
}

/** The summary line of the data and settings. */
export function describeRun(report: BenchReport): string {
  const d = report.data;
  const side = (s: BenchReport['data']['train']) =>
    `${s.items} items${s.documents ? ` in ${s.documents} document${s.documents === 1 ? '' : 's'}` : ''}`;
  const what =
    d.mode === 'cv'
      ? `${d.cvFolds}-fold cross-validation over ${side(d.test)} (grouped by document, stratified by label)`
      : `train ${side(d.train)}, test ${side(d.test)}`;
  const map = Object.entries(d.map).map(([a, b]) => `${a}→${b}`);
  return (
    `${what}; labels ${d.labels.join(', ')}${map.length ? ` (mapped ${map.join(', ')})` : ''}; ` +
    `${Math.round(report.settings.level * 100)}% intervals from ${report.settings.resamples} bootstrap resamples ` +
    `of ${d.test.documents ? 'documents' : 'items'}, seed ${report.settings.seed}`
  );
}

/** Every table of a report, in reading order; empty sections are left out. */
export function reportTables(report: BenchReport): Table[] {
  const tables: Table[] = [];
  const ok = report.models.filter((m) => m.scores);
  const cv = report.data.mode === 'cv';
  const docs = ok.some((m) => m.documents);
  tables.push({
    id: 'summary',
    title: 'Models',
    header: [
      'model',
      'macro-F1 [95% CI]',
      'accuracy [95% CI]',
      ...(cv ? ['macro-F1 folds mean ± sd'] : []),
      ...(docs ? ['opinion-share MAE [95% CI]'] : []),
      'train s',
      'predict items/s',
    ],
    rows: report.models
      .map((m) =>
        m.scores
          ? [
              m.name,
              withInterval(m.scores.macroF1),
              withInterval(m.scores.accuracy),
              ...(cv ? [m.cv ? `${fixed3(m.cv.macroF1.mean)} ± ${fixed3(m.cv.macroF1.sd)}` : '–'] : []),
              ...(docs ? [withInterval(m.documents?.mae)] : []),
              (m.timing.trainMs / 1000).toFixed(2),
              rate(m.timing.predictItems, m.timing.predictMs),
            ]
          : [m.name, 'FAILED', '', ...(cv ? [''] : []), ...(docs ? [''] : []), '', ''],
      )
      .concat(
        // The human ceiling beside the models: each annotator scored like a model (on the items they labelled).
        report.humans.map((h) => [
          `human: ${h.annotator}`,
          withInterval(h.scores.macroF1),
          withInterval(h.scores.accuracy),
          ...(cv ? ['–'] : []),
          ...(docs ? ['–'] : []),
          '–',
          '–',
        ]),
      ),
    note: 'macro-F1 is the headline: the mean of the per-class F1 over the scored labels.',
  });
  tables.push({
    id: 'per-class',
    title: 'Per class',
    header: ['model', 'label', 'precision [95% CI]', 'recall [95% CI]', 'F1 [95% CI]', 'support'],
    rows: ok.flatMap((m) =>
      m.scores!.perClass.map((c) => [
        m.name,
        c.label,
        withInterval(c.precision),
        withInterval(c.recall),
        withInterval(c.f1),
        String(c.support),
      ]),
    ),
  });
  const slugs = uniqueSlugs(ok.map((m) => m.name));
  ok.forEach((m, i) => {
    const c = m.scores!.confusion;
    tables.push({
      id: `confusion-table-${slugs[i]}`,
      title: `Confusion matrix: ${m.name}`,
      header: ['gold \\ predicted', ...c.columns],
      rows: c.labels.map((label, g) => [
        label,
        ...c.columns.map((_, p) => `${c.counts[g]![p]} (${Math.round(c.rowShares[g]![p]! * 100)}%)`),
      ]),
      note: 'counts, with each row as shares of its gold total',
    });
  });
  if (cv) {
    const k = report.data.cvFolds ?? 0;
    tables.push({
      id: 'folds',
      title: 'Cross-validation folds (macro-F1)',
      header: ['model', ...Array.from({ length: k }, (_, i) => `fold ${i + 1}`), 'mean ± sd'],
      rows: ok.map((m) => [
        m.name,
        ...(m.folds ?? []).map((f) => `${fixed3(f.macroF1)} (n=${f.items})`),
        m.cv ? `${fixed3(m.cv.macroF1.mean)} ± ${fixed3(m.cv.macroF1.sd)}` : '–',
      ]),
    });
  }
  if (report.comparisons.length)
    tables.push({
      id: 'paired',
      title: 'Paired bootstrap (macro-F1)',
      header: ['model A', 'model B', 'A', 'B', 'A − B [95% CI]', 'p'],
      rows: report.comparisons.map((c) => [
        c.a,
        c.b,
        fixed3(c.macroF1A),
        fixed3(c.macroF1B),
        withInterval(c.difference),
        pValue(c.pValue),
      ]),
      note: 'two-sided p-value for "no difference", both models scored on the same resampled documents (or items without one)',
    });
  if (report.curve.length)
    tables.push({
      id: 'curve',
      title: 'Learning curve',
      header: ['model', 'training share', 'training items', 'macro-F1 [95% CI]'],
      rows: report.curve.map((p) => [
        p.model,
        `${Math.round(p.share * 100)}%`,
        String(Math.round(p.trainItems)),
        p.error ? `FAILED: ${p.error}` : withInterval(p.macroF1),
      ]),
    });
  if (report.humans.length)
    tables.push({
      id: 'humans',
      title: 'Human ceiling (each annotator against gold)',
      header: ['annotator', 'items', 'macro-F1 [95% CI]', 'accuracy [95% CI]'],
      rows: report.humans.map((h) => [
        h.annotator,
        String(h.scores.items),
        withInterval(h.scores.macroF1),
        withInterval(h.scores.accuracy),
      ]),
      note: 'gold comes from the annotators themselves (majority or adjudication), so this ceiling is optimistic',
    });
  const failed = report.models.filter((m) => m.error !== null);
  if (failed.length)
    tables.push({
      id: 'failures',
      title: 'Failed models',
      header: ['model', 'error'],
      rows: failed.map((m) => [m.name, m.error!]),
    });
  return tables;
}

/** A model name as an id fragment: letters, digits and dashes. */
export function slug(name: string): string {
  return (
    name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'model'
  );
}

/** Slugs of names, made unique with `-2`, `-3`… in order. */
export function uniqueSlugs(names: readonly string[]): string[] {
  const used = new Map<string, number>();
  return names.map((name) => {
    const base = slug(name);
    const n = (used.get(base) ?? 0) + 1;
    used.set(base, n);
    return n === 1 ? base : `${base}-${n}`;
  });
}
