// `pnpm bench:evaluate`: how fast `stance bench` trains and evaluates naive Bayes and logistic regression on 100,000
// sentences, against peers in the same run: the majority baseline (the floor: no features at all), natural's
// BayesClassifier (on a subset: it is much slower) and the rules (the floor of a trained model's features, which
// include the rules' cues); then CPU time beside wall time (on a shared machine wall time measures the neighbours too);
// then 50 MB through the real train / analyze / classify commands with their peak memory (large-input.ts).
// Sentences are generated from the bundled corpus gold and the CheckThat sentences (read by path, never copied) with
// seeded variation: numbers changed, clauses recombined. BENCH_PART=checkthat|speed|large runs one part;
// BENCH_SENTENCES and BENCH_LARGE_MB change the sizes.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Example, Model } from '@stance/classify';
import { defaultLabeller, rulesModel, train as trainModel } from '@stance/classify';
import { mulberry32 } from '@stance/metrics';
import type { BenchItem } from '../src/index.ts';
import { parseModelSpecs, progressLine, runBench } from '../src/index.ts';
import { largeInput } from './large-input.ts';
import { naturalBayes } from './natural-peer.ts';

const ROOT = resolve(fileURLToPath(import.meta.url), '../../../..');
const EVAL = resolve(ROOT, '../shared/eval');
const N = Number(process.env['BENCH_SENTENCES'] ?? 100_000);
const PEER_N = 5_000;

/** Seed sentences with a label in fact / quote / opinion / skip. */
function seeds(): { text: string; label: string }[] {
  const out: { text: string; label: string }[] = [];
  const gold = resolve(ROOT, 'corpus/gold.jsonl');
  if (existsSync(gold))
    for (const line of readFileSync(gold, 'utf8').split('\n'))
      if (line.trim()) {
        const { text, label } = JSON.parse(line) as { text: string; label: string };
        out.push({ text, label });
      }
  for (const split of ['train', 'dev', 'dev_test']) {
    const file = resolve(EVAL, `checkthat-subjectivity-en.${split}.jsonl`);
    if (!existsSync(file)) continue;
    for (const line of readFileSync(file, 'utf8').split('\n'))
      if (line.trim()) {
        const { text, label } = JSON.parse(line) as { text: string; label: string };
        out.push({ text, label: label === 'SUBJ' ? 'opinion' : 'fact' });
      }
  }
  if (out.length === 0) throw new Error('no seed sentences: neither corpus/gold.jsonl nor ../shared/eval found');
  return out;
}

/** `n` labelled sentences in documents of 25, varied from the seeds with a seeded generator. */
function generate(n: number, seed: number, prefix: string): BenchItem[] {
  const base = seeds();
  const next = mulberry32(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)]!;
  const items: BenchItem[] = [];
  for (let i = 0; i < n; i++) {
    const s = pick(base);
    let text = s.text.replace(/\d+/g, () => String(Math.floor(next() * 1000)));
    // Borrow a clause from another sentence of the same label, so texts differ but stay typical of their label.
    if (next() < 0.5) {
      const other = pick(base);
      if (other.label === s.label)
        text = `${text.replace(/[.!?]*$/, '')}, and ${other.text.split(/[,;]/)[0]!.toLowerCase()}`;
    }
    items.push({ id: `${prefix}${i}`, text, label: s.label, doc: `${prefix}doc${Math.floor(i / 25)}` });
  }
  return items;
}

/**
 * CheckThat 2024 subjectivity (opinion vs rest): train on train + dev (concatenated into a temp file), test on
 * dev_test, through the real `stance bench` command; prints its table (published: baseline 0.72, TF-IDF + LR 0.68).
 */
function checkThat(): void {
  const file = (split: string) => resolve(EVAL, `checkthat-subjectivity-en.${split}.jsonl`);
  if (!existsSync(file('train'))) {
    console.log(`CheckThat: ${EVAL} not found, skipped`);
    return;
  }
  const dir = mkdtempSync(join(tmpdir(), 'stance-bench-checkthat-'));
  try {
    const train = join(dir, 'train+dev.jsonl');
    writeFileSync(
      train,
      `${readFileSync(file('train'), 'utf8').trimEnd()}\n${readFileSync(file('dev'), 'utf8').trimEnd()}\n`,
    );
    const args = ['apps/cli/src/main.ts', 'bench', '--train', train, '--test', file('dev_test'), '--markdown'];
    const r = spawnSync(resolve(ROOT, 'node_modules/.bin/tsx'), args, {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, INIT_CWD: ROOT },
    });
    console.log(
      'CheckThat 2024 subjectivity, train+dev → dev_test, `stance bench --train train+dev.jsonl --test dev_test.jsonl`',
    );
    console.log('(published macro-F1: baseline 0.72, scikit-learn TF-IDF + LR 0.68)\n');
    const sections = r.stdout.split('\n### ');
    console.log(sections[0]!.trim());
    for (const section of sections.slice(1))
      if (section.startsWith('Models') || section.startsWith('Paired')) console.log(`\n### ${section.trim()}`);
    if (r.status !== 0) console.log(`stance bench exited ${r.status}: ${r.stderr.trim().split('\n').at(-1)}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// Wall-clock figures depend on what else the machine runs; print its size and load so readers can judge them.
const load = () =>
  loadavg()
    .map((x) => x.toFixed(1))
    .join(' ');
console.log(`machine: ${cpus().length} CPUs, load average ${load()}; node ${process.version}`);
const part = process.env['BENCH_PART'] ?? 'all';
if (part === 'all' || part === 'checkthat') checkThat();
if (part === 'large') {
  largeInput(ROOT, generate);
  process.exit(0);
}
if (part === 'checkthat') process.exit(0);

const rate = (n: number, ms: number) => Math.round((n / ms) * 1000).toLocaleString('en-US');
const secs = (ms: number) => (ms / 1000).toFixed(2);

const genStart = performance.now();
const train = generate(N, 1, 'tr');
const test = generate(N, 2, 'te');
console.log(
  `generated ${N.toLocaleString('en-US')} training and ${N.toLocaleString('en-US')} test sentences (documents of 25) in ${secs(performance.now() - genStart)} s`,
);

const started = performance.now();
const report = await runBench(
  { mode: 'split', train, test, files: [] },
  {
    models: parseModelSpecs(['majority', 'nb', 'logreg']),
    resamples: 1000,
    // A redrawn progress line only on a terminal: piped (the docs' figures), it would be escape codes in the text.
    onProgress: (done, total, step) => {
      if (process.stderr.isTTY)
        process.stderr.write(`\r\u001b[2K${progressLine(done, total, step)}${done === total ? '\n' : ''}`);
    },
  },
);
const total = performance.now() - started;
console.log(
  `\nstance bench (runBench), train ${N.toLocaleString('en-US')}, test ${N.toLocaleString('en-US')}, 1000 document resamples`,
);
console.log('model     train s  train sent/s  predict s  predict sent/s  macro-F1 [95% CI]');
for (const m of report.models) {
  const t = m.timing;
  const f = m.scores?.macroF1;
  console.log(
    `${m.name.padEnd(8)}  ${secs(t.trainMs).padStart(7)}  ${rate(t.trainItems, t.trainMs).padStart(12)}  ${secs(t.predictMs).padStart(9)}  ${rate(t.predictItems, t.predictMs).padStart(14)}  ${f ? `${f.estimate.toFixed(3)} [${f.low.toFixed(3)}, ${f.high.toFixed(3)}]` : m.error}`,
  );
}
const modelMs = report.models.reduce((s, m) => s + m.timing.trainMs + m.timing.predictMs, 0);
console.log(
  `whole run ${secs(total)} s (models ${secs(modelMs)} s; scoring, bootstraps and paired comparisons ${secs(total - modelMs)} s)`,
);

// Peer: natural's BayesClassifier on a subset, against our naive Bayes on the same subset.
const peerTrain = train.slice(0, PEER_N);
const peerTest = test.slice(0, PEER_N);
let t = performance.now();
const classify = naturalBayes(peerTrain);
const naturalTrainMs = performance.now() - t;
t = performance.now();
let naturalRight = 0;
for (const item of peerTest) if (classify(item.text) === item.label) naturalRight++;
const naturalPredictMs = performance.now() - t;
const small = await runBench(
  { mode: 'split', train: peerTrain, test: peerTest, files: [] },
  { models: parseModelSpecs(['nb']), resamples: 1 },
);
const nb = small.models[0]!;
const nbFull = report.models.find((m) => m.name === 'nb')!;
const majority = report.models.find((m) => m.name === 'majority')!;
console.log(
  `\npeer: natural BayesClassifier on ${PEER_N.toLocaleString('en-US')} + ${PEER_N.toLocaleString('en-US')} sentences`,
);
console.log(
  `  natural  train ${secs(naturalTrainMs)} s (${rate(PEER_N, naturalTrainMs)} sent/s), predict ${secs(naturalPredictMs)} s (${rate(PEER_N, naturalPredictMs)} sent/s), accuracy ${(naturalRight / PEER_N).toFixed(3)}`,
);
console.log(
  `  stance nb train ${secs(nb.timing.trainMs)} s (${rate(PEER_N, nb.timing.trainMs)} sent/s), predict ${secs(nb.timing.predictMs)} s (${rate(PEER_N, nb.timing.predictMs)} sent/s), accuracy ${nb.scores!.accuracy.estimate.toFixed(3)}`,
);
console.log(
  `  ratio (natural / stance nb, time per sentence): train ${(naturalTrainMs / nb.timing.trainMs).toFixed(1)}×, predict ${(naturalPredictMs / nb.timing.predictMs).toFixed(1)}×`,
);
console.log(
  `peer: majority baseline on ${N.toLocaleString('en-US')}: predict ${rate(N, majority.timing.predictMs)} sent/s; stance nb predicts at ${((nbFull.timing.predictMs / majority.timing.predictMs) | 0).toLocaleString('en-US')}× the majority's time per sentence (the cost of features)`,
);

// CPU time beside wall time, through @stance/classify directly (what runBench calls), and the rules as the peer whose
// cost every trained model's prediction includes (its features hold the rules' cues).
const cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
};
const timed = <T>(run: () => T): { value: T; wall: number; cpu: number } => {
  const c = cpu();
  const w = performance.now();
  const value = run();
  return { value, wall: (performance.now() - w) / 1000, cpu: cpu() - c };
};
/** Label items document by document, as runBench does. */
const predictDocs = (model: Model, items: readonly BenchItem[]) => {
  const labels: string[] = [];
  for (let i = 0; i < items.length; ) {
    let j = i;
    while (j < items.length && items[j]!.doc === items[i]!.doc) j++;
    for (const p of model.predict(items.slice(i, j).map((x) => x.text))) labels.push(p.label);
    i = j;
  }
  return labels;
};
const examples: Example[] = train.map((x) => ({ text: x.text, label: x.label, doc: x.doc! }));
const rules = timed(() => predictDocs(rulesModel, test));
const perSecond = (n: number, s: number) => Math.round(n / s).toLocaleString('en-US');
console.log(
  `\ntrain and predict through @stance/classify, ${N.toLocaleString('en-US')} + ${N.toLocaleString('en-US')} sentences: wall and CPU seconds`,
);
console.log(
  'model   train wall  train cpu  train sent/s (wall / cpu)  predict wall  predict cpu  predict sent/s (wall / cpu)  predict cpu vs rules',
);
const row = (name: string, t: { wall: number; cpu: number } | undefined, p: { wall: number; cpu: number }) =>
  console.log(
    `${name.padEnd(6)}  ${t ? t.wall.toFixed(2).padStart(10) : '-'.padStart(10)}  ${t ? t.cpu.toFixed(2).padStart(9) : '-'.padStart(9)}  ${t ? `${perSecond(N, t.wall)} / ${perSecond(N, t.cpu)}`.padStart(25) : '-'.padStart(25)}  ${p.wall.toFixed(2).padStart(12)}  ${p.cpu.toFixed(2).padStart(11)}  ${`${perSecond(N, p.wall)} / ${perSecond(N, p.cpu)}`.padStart(27)}  ${(p.cpu / rules.cpu).toFixed(2).padStart(19)}×`,
  );
row('rules', undefined, rules);
const direct: Record<string, { t: { wall: number; cpu: number }; p: { wall: number; cpu: number } }> = {};
for (const kind of ['nb', 'logreg'] as const) {
  const t = timed(() => trainModel(kind, examples));
  const p = timed(() => predictDocs(t.value, test));
  direct[kind] = { t, p };
  row(kind, t, p);
}
// The shipped default labeller (no training; its cues are the rules' cues, so the rules are its floor too), after the
// trained models so that its tables do not sit in memory while they run. Loaded before the clock starts: its load
// time is printed on its own.
const loadStart = performance.now();
const labeller = defaultLabeller();
labeller.predict(['Warm-up.']);
const labellerLoadMs = performance.now() - loadStart;
const fast = timed(() => predictDocs(labeller, test));
row('default', undefined, fast);
const lr = direct['logreg']!;
const met = (rate: number, target: number) => (rate >= target ? 'met' : 'not met');
console.log(
  `targets (logreg): train ≥ 10,000 sent/s — wall ${met(N / lr.t.wall, 10_000)}, cpu ${met(N / lr.t.cpu, 10_000)}; predict ≥ 20,000 sent/s — wall ${met(N / lr.p.wall, 20_000)}, cpu ${met(N / lr.p.cpu, 20_000)}; peak RSS of this process so far ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`,
);
console.log(
  `default labeller (in process, tsx): predict ${perSecond(N, fast.wall)} sent/s wall, ${perSecond(N, fast.cpu)} cpu; ${(fast.cpu / rules.cpu).toFixed(2)}× the rules' CPU time; target ≥ 20,000 sent/s — wall ${met(N / fast.wall, 20_000)}, cpu ${met(N / fast.cpu, 20_000)}; loaded in ${labellerLoadMs.toFixed(0)} ms`,
);
console.log(`load average at the end of the speed part: ${load()}`);
if (part === 'all') largeInput(ROOT, generate);
console.log(`load average at the end: ${load()}`);
