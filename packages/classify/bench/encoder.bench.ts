// `pnpm bench:encoder`: the sentence encoder behind the hybrid model (USE lite on worker threads).
//
// 1. Speed: each thread count runs in a child process of its own (so load time and memory are its own), interleaved
//    1, 2, 1, 2, … : time to the first vector (loading), sentences a second after that (wall and CPU), peak RSS, and
//    a checksum of the vectors, which must be the same for every thread count.
// 2. Quality, with a 95% bootstrap interval (@stance/metrics): CheckThat dev_test (opinion vs rest, trained on
//    train+dev) and PolNeAR dev (quote vs rest, trained on a document-grouped sample of PolNeAR train), for the n-gram
//    logistic regression (the peer), logistic regression over the embeddings alone, and the hybrid. The embedding
//    side's L2 and the mixing weight are chosen by 5-fold CV on the training data only (stratified for CheckThat,
//    grouped by document for PolNeAR); the test sets are never used to choose.
//
// Options: --threads 1,2 (thread counts to time), --rounds 2, --sentences 400 (sentences timed per run),
// --polnear-train 3000 (sentences of PolNeAR train to train on, whole documents), --speed-only, --quality-only.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { bootstrapCI, classificationReport, pairedBootstrap } from '@stance/metrics';
import { foldsOf as foldsOfExamples, shuffled } from '../src/default-model/cv.ts';
import type { Example, Model, ModelPrediction, TrainOptions } from '../src/index.ts';
import { createUseEncoder, train } from '../src/index.ts';

const HERE = fileURLToPath(import.meta.url);
const ROOT = resolve(HERE, '../../../..');
const EVAL = resolve(ROOT, '../shared/eval');
const FOLDS = 5;

const { values: opts } = parseArgs({
  options: {
    child: { type: 'string' },
    threads: { type: 'string', default: '1,2' },
    rounds: { type: 'string', default: '2' },
    sentences: { type: 'string', default: '400' },
    'polnear-train': { type: 'string', default: '3000' },
    'speed-only': { type: 'boolean', default: false },
    'quality-only': { type: 'boolean', default: false },
  },
});

/** Read a JSONL file of objects. */
function readJsonl<T>(path: string): T[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as T);
}

const checkthat = (split: string) =>
  readJsonl<{ text: string; label: string }>(resolve(EVAL, `checkthat-subjectivity-en.${split}.jsonl`)).map(
    (r): Example => ({ text: r.text, label: r.label }),
  );

// Child mode: time one encoder with `--child THREADS` and print one JSON line.
if (opts.child !== undefined) {
  const threads = Number(opts.child);
  const texts = [...checkthat('train'), ...checkthat('dev')].map((e) => e.text).slice(1, 1 + Number(opts.sentences));
  const encoder = createUseEncoder({ threads });
  const t0 = performance.now();
  await encoder.encode([checkthat('train')[0]!.text]);
  const loadMs = performance.now() - t0;
  const cpu0 = process.cpuUsage();
  const t1 = performance.now();
  const vectors = await encoder.encode(texts);
  const wall = (performance.now() - t1) / 1000;
  const c = process.cpuUsage(cpu0);
  let checksum = 0;
  for (const v of vectors) for (const x of v) checksum += x;
  const rssMb = process.resourceUsage().maxRSS / 1024;
  await encoder.close();
  console.log(
    JSON.stringify({ threads, n: texts.length, loadMs, wall, cpu: (c.user + c.system) / 1e6, rssMb, checksum }),
  );
  process.exit(0);
}

/** One timed child run. */
interface SpeedRun {
  threads: number;
  n: number;
  loadMs: number;
  wall: number;
  cpu: number;
  rssMb: number;
  checksum: number;
}

if (!opts['quality-only']) {
  const counts = opts.threads.split(',').map(Number);
  const runs: SpeedRun[] = [];
  const tsx = resolve(ROOT, 'node_modules/.bin/tsx');
  for (let r = 0; r < Number(opts.rounds); r++)
    for (const t of counts) {
      const p = spawnSync(tsx, [HERE, '--child', String(t), '--sentences', opts.sentences], { encoding: 'utf8' });
      if (p.status !== 0) throw new Error(`child with ${t} threads failed: ${p.stderr}`);
      runs.push(JSON.parse(p.stdout.trim().split('\n').at(-1)!) as SpeedRun);
    }
  console.log(`Encoding speed (${runs[0]!.n} CheckThat sentences per run, after the first vector; child processes):`);
  console.log('threads  load (first vector)  wall rate      cpu rate       peak RSS  checksum');
  for (const r of runs)
    console.log(
      `${String(r.threads).padEnd(8)} ${`${r.loadMs.toFixed(0)} ms`.padEnd(20)} ${`${(r.n / r.wall).toFixed(1)}/s`.padEnd(14)} ` +
        `${`${(r.n / r.cpu).toFixed(1)}/s`.padEnd(14)} ${`${r.rssMb.toFixed(0)} MB`.padEnd(9)} ${r.checksum}`,
    );
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)]!;
  const rate = (t: number) => median(runs.filter((r) => r.threads === t).map((r) => r.n / r.wall));
  const base = counts[0]!;
  for (const t of counts.slice(1))
    console.log(`wall-rate ratio ${t} threads / ${base}: ${(rate(t) / rate(base)).toFixed(2)}× (median of rounds)`);
  const same = new Set(runs.map((r) => r.checksum)).size === 1;
  console.log(`vectors identical for every thread count: ${same ? 'yes' : 'NO'}`);
  console.log('');
}

if (opts['speed-only']) process.exit(0);

/** Fold of each example, as the default labeller's CV makes them (cv.ts): by document when every example has one, else stratified by label. */
function foldsOf(examples: readonly Example[], seed: number): number[] {
  return foldsOfExamples(examples, FOLDS, seed, examples.every((e) => e.doc !== undefined) ? 'grouped' : 'stratified');
}

const VECTORS = new Map<string, Float32Array>();
const vectorsOf = (examples: readonly Example[]) => examples.map((e) => VECTORS.get(e.text)!);

/** Predictions for examples, document by document in order (quotations carry over) or one by one. */
function predictAll(model: Model, examples: readonly Example[]): ModelPrediction[] {
  const out: ModelPrediction[] = new Array(examples.length);
  const groups = new Map<string, number[]>();
  examples.forEach((e, i) => {
    const key = e.doc ?? `#${i}`;
    groups.set(key, [...(groups.get(key) ?? []), i]);
  });
  for (const idx of groups.values()) {
    const part = idx.map((i) => examples[i]!);
    const preds = model.predict(
      part.map((e) => e.text),
      { independent: part[0]!.doc === undefined, embeddings: vectorsOf(part) },
    );
    idx.forEach((i, j) => {
      out[i] = preds[j]!;
    });
  }
  return out;
}

/** Cross-validated predictions of a hybrid with these options (denseWeight 1 = embeddings alone). */
function crossValidate(examples: readonly Example[], options: TrainOptions, seed: number): ModelPrediction[] {
  const folds = foldsOf(examples, seed);
  const out: ModelPrediction[] = new Array(examples.length);
  for (let f = 0; f < FOLDS; f++) {
    const trainSet = examples.filter((_, i) => folds[i] !== f);
    const testIdx = examples.map((_, i) => i).filter((i) => folds[i] === f);
    const model = train('hybrid', trainSet, { ...options, embeddings: vectorsOf(trainSet) });
    const preds = predictAll(
      model,
      testIdx.map((i) => examples[i]!),
    );
    testIdx.forEach((i, j) => {
      out[i] = preds[j]!;
    });
  }
  return out;
}

const macroF1 = (gold: readonly string[], pred: readonly string[], labels: readonly string[]) =>
  classificationReport(gold, pred, labels).macroF1;

/** Label of a probability mix: `w` of `dense`, the rest of `sparse`. */
function mixLabel(dense: ModelPrediction, sparse: ModelPrediction, w: number, labels: readonly string[]): string {
  let best = labels[0]!;
  let top = Number.NEGATIVE_INFINITY;
  for (const l of labels) {
    const p = w * (dense.scores[l] ?? 0) + (1 - w) * (sparse.scores[l] ?? 0);
    if (p > top) {
      top = p;
      best = l;
    }
  }
  return best;
}

const DENSE_L2 = [1e-2, 3e-3, 1e-3, 3e-4, 1e-4];
const DENSE_WEIGHT = [0.5, 0.6, 0.7, 0.8, 0.9, 1];

/** CV choice of the embedding side's L2 alone (weight 1) and of L2 × weight for the hybrid. */
function chooseByCv(examples: readonly Example[], labels: readonly string[], seeds: readonly number[]) {
  const gold = examples.map((e) => e.label);
  const sparse = seeds.map((seed) => crossValidate(examples, { denseWeight: 0 }, seed));
  const alone = { score: -1, denseL2: 0 };
  const hybrid = { score: -1, denseL2: 0, denseWeight: 0 };
  const grid: string[] = [];
  for (const denseL2 of DENSE_L2) {
    const dense = seeds.map((seed) => crossValidate(examples, { denseL2, denseWeight: 1 }, seed));
    for (const w of DENSE_WEIGHT) {
      let sum = 0;
      seeds.forEach((_, r) => {
        sum += macroF1(
          gold,
          gold.map((_, i) => mixLabel(dense[r]![i]!, sparse[r]![i]!, w, labels)),
          labels,
        );
      });
      const score = sum / seeds.length;
      grid.push(`dense-l2=${denseL2} w=${w}: ${score.toFixed(3)}`);
      if (w === 1 && score > alone.score) Object.assign(alone, { score, denseL2 });
      if (score > hybrid.score) Object.assign(hybrid, { score, denseL2, denseWeight: w });
    }
  }
  let sparseScore = 0;
  seeds.forEach((_, r) => {
    sparseScore += macroF1(
      gold,
      sparse[r]!.map((p) => p.label),
      labels,
    );
  });
  return { alone, hybrid, sparseCv: sparseScore / seeds.length, grid };
}

/** Fit the three models on `trainSet`, score them on `testSet` with intervals; print one block. */
function evaluate(name: string, trainSet: Example[], testSet: Example[], labels: string[], seeds: number[]) {
  const t0 = performance.now();
  const cv = chooseByCv(trainSet, labels, seeds);
  const gold = testSet.map((e) => e.label);
  const groups = testSet.map((e, i) => e.doc ?? `#${i}`);
  const fit = (options: TrainOptions) =>
    predictAll(train('hybrid', trainSet, { ...options, embeddings: vectorsOf(trainSet) }), testSet).map((p) => p.label);
  const models: [string, string, string, string[]][] = [
    ['logreg (n-grams; peer)', 'defaults', cv.sparseCv.toFixed(3), fit({ denseWeight: 0 })],
    [
      'logreg over embeddings alone',
      `dense-l2=${cv.alone.denseL2}`,
      cv.alone.score.toFixed(3),
      fit({ denseL2: cv.alone.denseL2, denseWeight: 1 }),
    ],
    [
      'hybrid',
      `dense-l2=${cv.hybrid.denseL2} w=${cv.hybrid.denseWeight}`,
      cv.hybrid.score.toFixed(3),
      fit({ denseL2: cv.hybrid.denseL2, denseWeight: cv.hybrid.denseWeight }),
    ],
  ];
  // Resample whole documents where the set has them (sentences of one article are not independent).
  const byGroup = new Map<string, number[]>();
  groups.forEach((g, i) => {
    byGroup.set(g, [...(byGroup.get(g) ?? []), i]);
  });
  const units = [...byGroup.values()];
  console.log(`${name}: train ${trainSet.length}, test ${testSet.length} (${units.length} resampling units)`);
  console.log('  model                          settings (CV)          CV macro-F1  test macro-F1 [95% CI]');
  for (const [model, settings, cvScore, pred] of models) {
    const ci = bootstrapCI(units, (sample) => {
      const idx = sample.flat();
      return macroF1(
        idx.map((i) => gold[i]!),
        idx.map((i) => pred[i]!),
        labels,
      );
    });
    console.log(
      `  ${model.padEnd(30)} ${settings.padEnd(22)} ${cvScore.padEnd(12)} ${ci.estimate.toFixed(3)} [${ci.low.toFixed(3)}, ${ci.high.toFixed(3)}]`,
    );
  }
  const paired = pairedBootstrap({ gold, a: models[2]![3], b: models[0]![3], groups, labels });
  console.log(
    `  hybrid − logreg: ${paired.difference.estimate.toFixed(3)} [${paired.difference.low.toFixed(3)}, ` +
      `${paired.difference.high.toFixed(3)}], p = ${paired.pValue.toFixed(3)} (paired bootstrap)`,
  );
  console.log(`  CV grid (mean of seeds ${seeds.join(', ')}): ${cv.grid.join('; ')}`);
  console.log(`  (${((performance.now() - t0) / 1000).toFixed(0)} s)`);
  console.log('');
}

const encoder = createUseEncoder();
const encodeAll = async (name: string, examples: readonly Example[]) => {
  const t0 = performance.now();
  const texts = examples.map((e) => e.text);
  const vectors = await encoder.encode(texts, (done, total) => {
    if (done % 500 === 0 || done === total) process.stderr.write(`\r${name}: ${done}/${total} encoded`);
  });
  for (const [i, t] of texts.entries()) VECTORS.set(t, vectors[i]!);
  const s = (performance.now() - t0) / 1000;
  process.stderr.write(
    `\n${name}: ${texts.length} sentences in ${s.toFixed(0)} s (${(texts.length / s).toFixed(1)}/s)\n`,
  );
};

// CheckThat 2024 subjectivity (English): SUBJ vs OBJ; train+dev → dev_test (the 2023 test set).
const ctTrain = [...checkthat('train'), ...checkthat('dev')];
const ctTest = checkthat('dev_test');
await encodeAll('CheckThat', [...ctTrain, ...ctTest]);
evaluate('CheckThat dev_test (SUBJ vs OBJ)', ctTrain, ctTest, ['SUBJ', 'OBJ'], [1, 2, 3, 4]);

// PolNeAR (English news): direct/indirect = quote, none = not quote; whole documents of train, in document order.
const polnear = (split: string) =>
  readJsonl<{ text: string; label: string; doc: string }>(resolve(EVAL, `polnear-attribution-en.${split}.jsonl`)).map(
    (r): Example => ({ text: r.text, label: r.label === 'none' ? 'not-quote' : 'quote', doc: r.doc }),
  );
const pnAll = polnear('train');
const docs = shuffled([...new Set(pnAll.map((e) => e.doc!))], 7);
const chosen = new Set<string>();
let size = 0;
for (const d of docs) {
  if (size >= Number(opts['polnear-train'])) break;
  chosen.add(d);
  size += pnAll.filter((e) => e.doc === d).length;
}
const pnTrain = pnAll.filter((e) => chosen.has(e.doc!));
const pnDev = polnear('dev');
await encodeAll('PolNeAR', [...pnTrain, ...pnDev]);
evaluate(
  `PolNeAR dev (quote vs rest; trained on ${chosen.size} of ${docs.length} train documents)`,
  pnTrain,
  pnDev,
  ['quote', 'not-quote'],
  [1, 2],
);
await encoder.close();
