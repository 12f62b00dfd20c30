import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MODEL_FORMAT_VERSION } from '@stance/classify';
import { mean, sd } from '@stance/metrics';
import { isStanceError } from '@stance/schema';
import { groupedStratifiedFolds, trainingSubset } from './folds.ts';
import type { BenchItem } from './items.ts';
import { groupOf } from './items.ts';
import { binaryOpinion, evaluationLabels, opinionLabel } from './labels.ts';
import { checkModelFiles, type ModelSpec } from './model-spec.ts';
import type { BenchReport, CurvePoint, DataFile, DataSide, FoldFigures, HumanReport, ModelReport } from './report.ts';
import type { RunContext } from './run-model.ts';
import { runModel } from './run-model.ts';
import type { ResampleOptions } from './scores.ts';
import { compareModels, opinionShareError, scorePredictions } from './scores.ts';

/** One annotator's raw label for one item (by item id), for the human ceiling. */
export interface RawJudgement {
  id: string;
  annotator: string;
  label: string;
}

/** The data of a benchmark: a train/test split, or one set of items for k-fold cross-validation. */
export type BenchData =
  | { mode: 'dataset' | 'split'; train: BenchItem[]; test: BenchItem[]; files: DataFile[]; judgements?: RawJudgement[] }
  | { mode: 'cv'; items: BenchItem[]; folds: number; files: DataFile[] };

/** Benchmark settings; every field but `models` has a default. */
export interface BenchOptions {
  models: readonly ModelSpec[];
  /** Seed of folds, learning-curve subsets and every bootstrap. @default 1 */
  seed?: number;
  /** Bootstrap resamples. @default 1000 */
  resamples?: number;
  /** Two-sided error rate of intervals. @default 0.05 (95%) */
  alpha?: number;
  /** Seconds an external model may take per run. @default 600 */
  timeoutSeconds?: number;
  /** Learning-curve training shares in (0, 1], e.g. [0.1, 0.25, 0.5, 0.75, 1]; none when absent. */
  curve?: readonly number[];
  /** Label renames applied to the data (recorded in the report). */
  map?: ReadonlyMap<string, string>;
  /** Where external programs and relative model paths start. @default process.cwd() */
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  /** Recorded in the reproducibility block. @default 'unknown' */
  gitCommit?: string;
  /** Called after each step of the run, for a progress bar. */
  onProgress?: (done: number, total: number, step: string) => void;
}

/** Models that learn from the training data, so a learning curve means something for them. */
const LEARNS = new Set<ModelSpec['kind']>(['majority', 'nb', 'logreg', 'hybrid', 'cmd']);

/** Size, document count and label counts of items. */
function describe(items: readonly BenchItem[], labels: readonly string[]): DataSide {
  const counts: Record<string, number> = Object.fromEntries(labels.map((l) => [l, 0]));
  for (const item of items) counts[item.label] = (counts[item.label] ?? 0) + 1;
  return {
    items: items.length,
    documents: new Set(items.map((i) => i.doc).filter((d) => d !== undefined)).size,
    counts,
  };
}

/** The one line a failed step reports. */
function errorLine(error: unknown): string {
  if (isStanceError(error)) return error.toLine();
  return (error as Error).message ?? String(error);
}

/** A list of train/test pairs to run a model on: one for a split, one per fold for cross-validation. */
interface Round {
  train: BenchItem[];
  test: BenchItem[];
  /** Positions of the test items in the pooled test list. */
  at: number[];
}

/**
 * Run a benchmark: every model on the data (each fold for `--cv`), per-class scores with document-bootstrap
 * intervals, paired bootstraps between models, the document-level opinion-share error, the learning curve and the
 * human ceiling. A model that fails is reported with its error and the others' results stand.
 */
export async function runBench(data: BenchData, options: BenchOptions): Promise<BenchReport> {
  checkModelFiles(options.models, options.cwd ?? process.cwd());
  const started = new Date();
  const t0 = performance.now();
  const seed = options.seed ?? 1;
  const resample: ResampleOptions = { resamples: options.resamples ?? 1000, seed, alpha: options.alpha ?? 0.05 };
  const timeoutSeconds = options.timeoutSeconds ?? 600;
  const pooled = data.mode === 'cv' ? data.items : data.test;
  const trainAll = data.mode === 'cv' ? data.items : data.train;
  const labels = evaluationLabels(trainAll, pooled);
  const rounds: Round[] = [];
  if (data.mode === 'cv') {
    const foldOf = groupedStratifiedFolds(data.items, data.folds, seed);
    for (let f = 0; f < data.folds; f++) {
      const at = data.items.flatMap((_, i) => (foldOf[i] === f ? [i] : []));
      rounds.push({
        train: data.items.filter((_, i) => foldOf[i] !== f),
        test: at.map((i) => data.items[i]!),
        at,
      });
    }
  } else rounds.push({ train: data.train, test: data.test, at: data.test.map((_, i) => i) });

  const gold = pooled.map((i) => i.label);
  const groups = pooled.map(groupOf);
  const docs = pooled.map((i) => i.doc);
  const hasDocs = docs.some((d) => d !== undefined);
  const opinion = opinionLabel(labels);
  const curve = options.curve ?? null;
  const learners = options.models.filter((m) => LEARNS.has(m.kind));
  const total =
    options.models.length * rounds.length + (curve ? learners.length * curve.length * rounds.length : 0) + 1;
  let done = 0;
  const step = (what: string) => options.onProgress?.(++done, total, what);
  // Steps a failed model will not take, so the bar still ends at its total.
  const skip = (steps: number) => {
    done += steps;
  };

  const tempDir = mkdtempSync(join(tmpdir(), 'stance-bench-'));
  const ctx: RunContext = {
    labels,
    timeoutMs: timeoutSeconds * 1000,
    cwd: options.cwd ?? process.cwd(),
    env: options.env ?? process.env,
    tempDir,
  };
  /** Run one model over all rounds; pooled predictions aligned with `pooled`. */
  const runRounds = async (spec: ModelSpec, share: number) => {
    const predictions = new Array<string>(pooled.length);
    const folds: FoldFigures[] = [];
    let trainMs = 0;
    let predictMs = 0;
    let trainItems = 0;
    let settings: Record<string, unknown> = {};
    for (let r = 0; r < rounds.length; r++) {
      const round = rounds[r]!;
      const trainSet = share === 1 ? round.train : trainingSubset(round.train, share, seed + r);
      trainItems += trainSet.length;
      const where = `${share < 1 ? ` at ${Math.round(share * 100)}% of training data` : ''}${rounds.length > 1 ? ` (fold ${r + 1} of ${rounds.length})` : ''}`;
      let run: Awaited<ReturnType<typeof runModel>>;
      try {
        run = await runModel(spec, trainSet, round.test, ctx);
      } catch (error) {
        step(`${spec.name}${where}`);
        skip(rounds.length - r - 1);
        throw new Error(`${errorLine(error)}${where}`);
      }
      step(`${spec.name}${where}`);
      settings = run.settings;
      trainMs += run.trainMs;
      predictMs += run.predictMs;
      round.at.forEach((p, j) => {
        predictions[p] = run.predictions[j]!;
      });
      if (data.mode === 'cv') {
        const s = scorePredictions(
          round.test.map((i) => i.label),
          run.predictions,
          round.test.map(groupOf),
          labels,
          { ...resample, resamples: 1 },
        );
        folds.push({
          fold: r + 1,
          items: round.test.length,
          macroF1: s.macroF1.estimate,
          accuracy: s.accuracy.estimate,
        });
      }
    }
    return { predictions, folds, trainMs, predictMs, trainItems, settings };
  };

  try {
    const models: ModelReport[] = [];
    const predictionsOf = new Map<string, string[]>();
    for (const spec of options.models) {
      const report: ModelReport = {
        name: spec.name,
        kind: spec.kind,
        settings: {},
        error: null,
        scores: null,
        folds: null,
        cv: null,
        documents: null,
        timing: { trainMs: 0, predictMs: 0, trainItems: 0, predictItems: pooled.length },
      };
      try {
        const run = await runRounds(spec, 1);
        predictionsOf.set(spec.name, run.predictions);
        report.settings = run.settings;
        report.timing = {
          trainMs: run.trainMs,
          predictMs: run.predictMs,
          trainItems: run.trainItems,
          predictItems: pooled.length,
        };
        report.scores = scorePredictions(gold, run.predictions, groups, labels, resample);
        if (data.mode === 'cv') {
          report.folds = run.folds;
          const f1 = run.folds.map((f) => f.macroF1);
          const acc = run.folds.map((f) => f.accuracy);
          report.cv = { macroF1: { mean: mean(f1), sd: sd(f1) }, accuracy: { mean: mean(acc), sd: sd(acc) } };
        }
        if (hasDocs && opinion !== null)
          report.documents = opinionShareError(docs, gold, run.predictions, opinion, resample);
      } catch (error) {
        // The line usually starts with the model's name (the error's `where`); the report names the model already.
        const line = errorLine(error);
        report.error = line.startsWith(`${spec.name}: `) ? line.slice(spec.name.length + 2) : line;
      }
      models.push(report);
    }

    const comparisons = [];
    const ok = models.filter((m) => m.error === null);
    for (let i = 0; i < ok.length; i++)
      for (let j = i + 1; j < ok.length; j++)
        comparisons.push(
          compareModels(
            [ok[i]!.name, ok[j]!.name],
            gold,
            predictionsOf.get(ok[i]!.name)!,
            predictionsOf.get(ok[j]!.name)!,
            groups,
            labels,
            resample,
          ),
        );

    const points: CurvePoint[] = [];
    if (curve) {
      for (const spec of learners) {
        if (models.find((m) => m.name === spec.name)?.error !== null) {
          skip(curve.length * rounds.length);
          continue;
        }
        for (const share of curve) {
          try {
            const run = await runRounds(spec, share);
            const s = scorePredictions(gold, run.predictions, groups, labels, resample);
            points.push({
              model: spec.name,
              share,
              trainItems: run.trainItems / rounds.length,
              macroF1: s.macroF1,
              error: null,
            });
          } catch (error) {
            points.push({ model: spec.name, share, trainItems: 0, macroF1: null, error: errorLine(error) });
          }
        }
      }
    }

    const humans: HumanReport[] = [];
    if (data.mode !== 'cv' && data.judgements?.length) {
      const position = new Map(pooled.map((item, i) => [item.id, i]));
      const byAnnotator = new Map<string, RawJudgement[]>();
      for (const j of data.judgements) {
        if (!position.has(j.id)) continue;
        const list = byAnnotator.get(j.annotator);
        if (list) list.push(j);
        else byAnnotator.set(j.annotator, [j]);
      }
      for (const [annotator, list] of [...byAnnotator].sort((a, b) => a[0].localeCompare(b[0]))) {
        const at = list.map((j) => position.get(j.id)!);
        humans.push({
          annotator,
          scores: scorePredictions(
            at.map((i) => gold[i]!),
            list.map((j) => j.label),
            at.map((i) => groups[i]!),
            labels,
            resample,
          ),
        });
      }
    }
    step('scores');

    const side = (items: readonly BenchItem[]) => describe(items, labels);
    return {
      format: 'stance-bench',
      version: 1,
      data: {
        mode: data.mode,
        files: data.files,
        labels,
        map: Object.fromEntries(options.map ?? []),
        binaryOpinion: binaryOpinion(labels),
        train: side(data.mode === 'cv' ? data.items : data.train),
        test: side(pooled),
        cvFolds: data.mode === 'cv' ? data.folds : null,
      },
      settings: {
        seed,
        resamples: resample.resamples,
        level: 1 - resample.alpha,
        timeoutSeconds,
        curve: curve ? [...curve] : null,
      },
      models,
      comparisons,
      curve: points,
      humans,
      repro: {
        gitCommit: options.gitCommit ?? 'unknown',
        started: started.toISOString(),
        runSeconds: (performance.now() - t0) / 1000,
        node: process.version,
        platform: `${process.platform}-${process.arch}`,
        versions: { stanceBench: BENCH_VERSION, modelFormat: MODEL_FORMAT_VERSION, reportFormat: 1 },
      },
    };
  } finally {
    rmSync(tempDir, { recursive: true, force: true });
  }
}

/** Version of the bench package, recorded in reports. */
export const BENCH_VERSION = '0.1.0';
