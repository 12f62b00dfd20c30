/** @jsxRuntime automatic */
/** @jsxImportSource react */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { labelDocument } from '@stance/classify';
import {
  documentPath,
  loadCorpus,
  SEGMENTATION_CACHE_FILE,
  saveSegmentationCache,
  serializeDocument,
} from '@stance/corpus';
import { openAnnotatorLog } from '@stance/store';
import { render } from 'ink';
import { App } from '../src/components/App.tsx';
import { spawnLearnWorkerEarly } from '../src/learn/spawn-worker.ts';
import { INK_OPTIONS } from '../src/run-annotate.tsx';
import { limitHeapGrowth } from '../src/session/heap-growth.ts';
import type { VisitOrder } from '../src/session/session.ts';
import { createSession } from '../src/session/session.ts';
import type { BuiltFigures } from './built-cli.ts';
import { buildCli, measureBuilt } from './built-cli.ts';
import { generateCorpus, writeLog } from './generate.ts';
import { FrameSink, KeySource } from './terminal-streams.ts';

/** Figures for one corpus size. */
interface Figures {
  sentences: number;
  order: VisitOrder;
  /** Background retraining every this many labels (0: off). */
  retrain: number;
  /** Retrainings that finished during the keystrokes, and the longest one (ms). */
  retrainings: number;
  retrainMaxMs: number;
  /** loadCorpus alone (read and segment every document). */
  loadMs: number;
  /** From before loadCorpus to the first frame written: what the user waits for. */
  firstFrameMs: number;
  /** From before loadCorpus to the first frame showing the first suggestion's label (the worker's answer). */
  suggestionMs: number;
  labelMedianMs: number;
  labelP99Ms: number;
  moveMedianMs: number;
  appendMedianMs: number;
  appendP99Ms: number;
  moveP99Ms: number;
  /** CPU time the process spent from key to frame (all its threads), any key: what load does not inflate. */
  cpuMedianMs: number;
  cpuP99Ms: number;
  /** From the first frame until the background ranking of --order uncertain arrived (0: ranked at start-up). */
  rankMs: number;
  rssMb: number;
}

const KEYSTROKES = 400;
/** Retrain every this many labels in the rows with background learning: often enough that one always runs. */
const RETRAIN_EVERY = 25;
/** The runs, in print order: the 1k rows are the peers of the 100k rows; the last two retrain in the background. */
const CONFIGS = [
  [1_000, 'document', 0],
  [100_000, 'document', 0],
  [1_000, 'uncertain', 0],
  [100_000, 'uncertain', 0],
  [100_000, 'document', RETRAIN_EVERY],
  [100_000, 'uncertain', RETRAIN_EVERY],
] as const;
const WARM_UP = 20;
/** Three labels, a step back, and on to the next unlabelled sentence. */
const PATTERN = ['f', 'f', 'f', 'k', ']'] as const;

function quantile(values: readonly number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;
}

/** Write a generated corpus and a log labelling 30% of it; nothing of it stays in memory for the timed part. */
export function prepareCorpus(dir: string, size: number): void {
  const generated = generateCorpus(size);
  mkdirSync(join(dir, 'documents'));
  for (const doc of generated.documents) writeFileSync(documentPath(dir, doc.id), serializeDocument(doc));
  writeFileSync(join(dir, 'GUIDELINES.md'), '# Bench guidelines\n\nVersion: 1.0\n');
  const corpus = loadCorpus(dir);
  // As `stance ingest` leaves a corpus: its sentences cached (the cold start is measured on its own, see runBench).
  saveSegmentationCache(corpus);
  writeLog(dir, 'bench', corpus.sentences, Math.floor(size * 0.3));
}

/** Start the UI on a generated corpus (30% already labelled), type keys, and time everything. */
async function measure(dir: string, order: VisitOrder, retrain: number): Promise<Figures> {
  {
    const stdout = new FrameSink('sentence ');
    const stdin = new KeySource();
    // Start-up as `stance annotate` does it: the heap's growth limited, load the corpus, open (and fold) the log,
    // order, first frame.
    limitHeapGrowth();
    const started = performance.now();
    // As the command does: the learning worker started first, to load the model while the corpus loads.
    const worker = spawnLearnWorkerEarly({ kind: 'default' });
    const corpus = loadCorpus(dir);
    const loadMs = performance.now() - started;
    const log = openAnnotatorLog(dir, 'bench');
    // Time the append + fsync inside each label on its own, to tell the disk's share from the UI's.
    const appends: number[] = [];
    const append = log.append;
    log.append = (event) => {
      const t = performance.now();
      const stored = append(event);
      appends.push(performance.now() - t);
      return stored;
    };
    const session = createSession({
      corpus,
      log,
      labeler: labelDocument,
      // As `stance annotate` on a corpus without trained models: suggestions from the shipped default labeller, and
      // the background worker there for what needs it (retraining, or ranking a large corpus in --order uncertain).
      start: { kind: 'default' },
      order,
      learning: { every: retrain, newestModel: null, worker },
    });
    // Retrainings are seen in the status the UI shows: count those that finish while the keys are typed.
    let retrainings = 0;
    let retrainMaxMs = 0;
    let trainingSince = 0;
    let rankedAt = 0;
    const first = stdout.nextFrame(60_000);
    const instance = render(
      <App
        session={session}
        onLearning={(status) => {
          if (status.training === true) trainingSince = performance.now();
          if (status.ranking === false) rankedAt = performance.now();
          if (status.training === false && trainingSince > 0) {
            retrainings++;
            retrainMaxMs = Math.max(retrainMaxMs, performance.now() - trainingSince);
            trainingSince = 0;
          }
        }}
      />,
      {
        stdout: stdout as unknown as NodeJS.WriteStream,
        stdin: stdin as unknown as NodeJS.ReadStream,
        stderr: new FrameSink('\u0000') as unknown as NodeJS.WriteStream,
        ...INK_OPTIONS,
      },
    );
    await first;
    const firstFrameMs = stdout.lastWriteAt - started;
    // The suggestion comes from the worker (which loads the model) unless the first frame had it: wait for it, so
    // that the keys below are timed with the suggestions there, as an annotator who reads first would have them.
    const bound = performance.now() + 60_000;
    while (stdout.suggestionAt === 0 && performance.now() < bound) await sleep(5);
    const suggestionMs = stdout.suggestionAt > 0 ? stdout.suggestionAt - started : Number.NaN;
    const label: number[] = [];
    const move: number[] = [];
    const cpu: number[] = [];
    // Peak resident memory while the keys are typed (a retraining's peak falls between keystrokes), sampled.
    let rssPeak = process.memoryUsage().rss;
    const sampler = setInterval(() => {
      rssPeak = Math.max(rssPeak, process.memoryUsage().rss);
    }, 50);
    for (let i = 0; i < KEYSTROKES; i++) {
      // Labels (each appended and fsync'd before the frame) with a step back now and then, as people do.
      // A step back (k) is followed by `]`, the next unlabelled sentence: a label given after stepping back would be a
      // relabel, which stays put, and the walk would drift back into what is labelled.
      const key = PATTERN[i % PATTERN.length]!;
      // A key every ~20 ms at most: a fast typist's pace (the UI draws without a frame cap, see INK_OPTIONS).
      await sleep(18);
      const next = stdout.nextFrame();
      const t = performance.now();
      const c = process.cpuUsage();
      stdin.type(key);
      await next;
      const used = process.cpuUsage(c);
      if (i >= WARM_UP) {
        (key === 'f' ? label : move).push(stdout.lastWriteAt - t);
        cpu.push((used.user + used.system) / 1000);
      }
    }
    clearInterval(sampler);
    const rssMb = Math.max(rssPeak, process.memoryUsage().rss) / 2 ** 20;
    instance.unmount();
    log.close();
    return {
      sentences: corpus.sentences.length,
      order,
      retrain,
      retrainings,
      retrainMaxMs,
      loadMs,
      firstFrameMs,
      suggestionMs,
      labelMedianMs: quantile(label, 0.5),
      labelP99Ms: quantile(label, 0.99),
      moveMedianMs: quantile(move, 0.5),
      appendMedianMs: quantile(appends.slice(WARM_UP), 0.5),
      appendP99Ms: quantile(appends.slice(WARM_UP), 0.99),
      moveP99Ms: quantile(move, 0.99),
      cpuMedianMs: quantile(cpu, 0.5),
      cpuP99Ms: quantile(cpu, 0.99),
      rankMs: rankedAt > 0 ? rankedAt - stdout.firstWriteAt : 0,
      rssMb,
    };
  }
}

const f1 = (n: number) => n.toFixed(1);

/** One configuration in a fresh process, so memory figures do not carry over between runs. */
function measureInChild(dir: string, size: number, order: VisitOrder, retrain: number): Figures | null {
  const child = spawnSync(
    process.execPath,
    [...process.execArgv, process.argv[1]!, '--one', dir, order, String(retrain)],
    {
      encoding: 'utf8',
      // As `stance annotate` runs it: React's production build (the command sets this when NODE_ENV is unset).
      env: { ...process.env, NODE_ENV: process.env['NODE_ENV'] ?? 'production' },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  if (child.status !== 0) {
    process.stderr.write(`bench: ${size} sentences, --order ${order} failed (exit ${child.status}); see above\n`);
    return null;
  }
  return JSON.parse(child.stdout) as Figures;
}

/** Run the benchmark and print a table, the 100k/1k ratios and the targets (`--one SIZE ORDER`: one run, JSON). */
export async function runBench(argv: readonly string[]): Promise<void> {
  if (argv[0] === '--one') {
    const figures = await measure(argv[1]!, argv[2] as VisitOrder, Number(argv[3] ?? 0));
    process.stdout.write(JSON.stringify(figures));
    return;
  }
  // `--source`: only the in-process runs from TypeScript source (tsx); `--built`: only the built CLI's.
  const source = argv[0] !== '--built';
  const built = argv[0] !== '--source';
  const runs: (Figures | null)[] = [];
  const builtRuns: (BuiltRow | null)[] = [];
  let coldFirstFrameMs = Number.NaN;
  // Corpora are generated here, once per size; each measured run loads one in a fresh process, as the CLI would.
  const dirs = new Map<number, string>();
  const logs = new Map<number, Buffer>();
  const corpus = (size: number): string => {
    let dir = dirs.get(size);
    if (dir === undefined) {
      dir = mkdtempSync(join(tmpdir(), 'stance-annotate-bench-'));
      dirs.set(size, dir);
      prepareCorpus(dir, size);
      logs.set(size, readFileSync(join(dir, 'annotations', 'bench.jsonl')));
    }
    // Every run starts from the same log (the one before labels the previous run added).
    writeFileSync(join(dir, 'annotations', 'bench.jsonl'), logs.get(size)!);
    return dir;
  };
  try {
    if (source)
      for (const [size, order, retrain] of CONFIGS) {
        const dir = corpus(size);
        process.stderr.write(`measuring ${size} sentences, --order ${order}, --retrain ${retrain} (source, tsx)…\n`);
        runs.push(measureInChild(dir, size, order, retrain));
      }
    if (built) {
      buildCli();
      for (const [size, order, retrain] of CONFIGS) {
        const dir = corpus(size);
        process.stderr.write(`measuring ${size} sentences, --order ${order}, --retrain ${retrain} (built CLI)…\n`);
        try {
          const keys = Array.from({ length: KEYSTROKES }, (_, i) => PATTERN[i % PATTERN.length]!);
          const r = await measureBuilt(dir, order, retrain, keys, WARM_UP);
          builtRuns.push({ size, order, retrain, ...r });
        } catch (error) {
          process.stderr.write(`bench: ${(error as Error).message}\n`);
          builtRuns.push(null);
        }
      }
      // The first start after documents were written by something other than stance (no segmentation cache yet):
      // every document is segmented before the first frame, and the cache written when the UI quits.
      const dir = corpus(100_000);
      rmSync(join(dir, SEGMENTATION_CACHE_FILE));
      process.stderr.write(
        'measuring 100000 sentences, --order document, without the segmentation cache (built CLI)…\n',
      );
      try {
        const keys = Array.from({ length: WARM_UP + 5 }, (_, i) => PATTERN[i % PATTERN.length]!);
        coldFirstFrameMs = (await measureBuilt(dir, 'document', 0, keys, WARM_UP)).firstFrameMs;
      } catch (error) {
        process.stderr.write(`bench: ${(error as Error).message}\n`);
      }
    }
  } finally {
    for (const dir of dirs.values()) rmSync(dir, { recursive: true, force: true });
  }
  const out: string[] = [];
  if (source) out.push(...sourceTable(runs), '');
  if (built) out.push(...builtTable(builtRuns, coldFirstFrameMs));
  out.push(
    `machine load average when done: ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')} on ${availableParallelism()} CPUs`,
  );
  process.stdout.write(`${out.join('\n')}\n`);
  if (runs.includes(null) || builtRuns.includes(null)) process.exitCode = 1;
}

/** One run of the built CLI, with what it ran on. */
type BuiltRow = BuiltFigures & { size: number; order: VisitOrder; retrain: number };

/** The built CLI's runs as a table, and the targets at 100k. */
function builtTable(runs: readonly (BuiltRow | null)[], coldFirstFrameMs: number): string[] {
  const header = [
    'sentences',
    'order',
    'retrain',
    'first frame ms',
    'suggestion ms',
    'label p50 ms',
    'label p99 ms',
    'move p50 ms',
    'move p99 ms',
    'ui cpu p50',
    'ui cpu p99',
    'peak RSS MB',
  ];
  const rows = [
    header,
    ...runs.map((r, i) =>
      r === null
        ? [String(CONFIGS[i]![0]), CONFIGS[i]![1], String(CONFIGS[i]![2]), 'failed', ...header.slice(4).map(() => '-')]
        : [
            String(r.size),
            r.order,
            r.retrain ? `${r.adopted} taken` : 'off',
            f1(r.firstFrameMs),
            f1(r.suggestionMs),
            f1(quantile(r.label, 0.5)),
            f1(quantile(r.label, 0.99)),
            f1(quantile(r.move, 0.5)),
            f1(quantile(r.move, 0.99)),
            f1(quantile(r.cpu, 0.5)),
            f1(quantile(r.cpu, 0.99)),
            f1(r.peakMb),
          ],
    ),
  ];
  const out = [
    'the built `stance annotate` (apps/cli/dist, plain Node: what users run) in a pseudo-terminal at 80x24, keys typed into it and frames read from it:',
    ...table(rows),
    ...runs.flatMap((r) =>
      r && r.unanswered > 0
        ? [`(${r.size} ${r.order} retrain ${r.retrain}: ${r.unanswered} keys drew no new frame within 5 s, not timed)`]
        : [],
    ),
    `(first frame and suggestion: from spawning the command, Node's start-up included; peak RSS = VmHWM of the process, every thread, start-up included; ui cpu = CPU ms of the UI thread from key to frame; retrain: retrained models taken during the keys)`,
  ];
  const at100k = runs.filter((r): r is BuiltRow => r !== null && r.size === 100_000);
  if (at100k.length > 0) {
    const worst = (f: (r: BuiltRow) => number) => Math.max(...at100k.map(f));
    const p99 = (r: BuiltRow) => Math.max(quantile(r.label, 0.99), quantile(r.move, 0.99));
    const unloaded = Math.max(...at100k.filter((r) => r.retrain === 0).map(p99));
    out.push(
      `targets at 100k (built): first frame < 1500 ms: ${worst((r) => r.firstFrameMs) < 1500 ? 'ok' : 'MISSED'} (worst ${f1(worst((r) => r.firstFrameMs))}); p99 < 16 ms without retraining: ${unloaded < 16 ? 'ok' : 'MISSED'} (worst ${f1(unloaded)}; ${f1(worst(p99))} while retraining); RSS < 300 MB, retraining too: ${worst((r) => r.peakMb) < 300 ? 'ok' : 'MISSED'} (worst ${f1(worst((r) => r.peakMb))})`,
      `first frame at 100k without the segmentation cache (the first start after documents were written other than by stance ingest; --order document): ${f1(coldFirstFrameMs)} ms${
        at100k[0] ? ` (${(coldFirstFrameMs / at100k[0].firstFrameMs).toFixed(2)}x the cached start)` : ''
      }`,
    );
  }
  return out;
}

function table(rows: readonly string[][]): string[] {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
  return rows.map((r) => r.map((cell, c) => cell.padStart(widths[c]!)).join('  '));
}

/** The in-process runs (TypeScript source through tsx) as a table, with ratios and targets. */
function sourceTable(runs: readonly (Figures | null)[]): string[] {
  const header = [
    'sentences',
    'order',
    'retrain',
    'load corpus ms',
    'first frame ms',
    'suggestion ms',
    'label p50 ms',
    'label p99 ms',
    'move p50 ms',
    'move p99 ms',
    'fsync p50',
    'fsync p99',
    'cpu p50',
    'cpu p99',
    'RSS MB',
  ];
  const rows = [
    header,
    ...runs.map((r, i) =>
      r === null
        ? [String(CONFIGS[i]![0]), CONFIGS[i]![1], String(CONFIGS[i]![2]), 'failed', ...header.slice(4).map(() => '-')]
        : [
            String(r.sentences),
            r.order,
            r.retrain ? `${r.retrainings} done` : 'off',
            f1(r.loadMs),
            f1(r.firstFrameMs),
            f1(r.suggestionMs),
            f1(r.labelMedianMs),
            f1(r.labelP99Ms),
            f1(r.moveMedianMs),
            f1(r.moveP99Ms),
            f1(r.appendMedianMs),
            f1(r.appendP99Ms),
            f1(r.cpuMedianMs),
            f1(r.cpuP99Ms),
            f1(r.rssMb),
          ],
    ),
  ];
  const out = [
    'from TypeScript source (tsx), the UI rendered in this process on in-memory terminal streams at 80x24:',
    ...table(rows),
  ];
  const ratio = (a: number, b: number) => `${(a / b).toFixed(2)}x`;
  out.push(
    '',
    `keystrokes per run: ${KEYSTROKES} (3 labels, a step back, ] to the next unlabelled; first ${WARM_UP} not timed); 30% labelled before start; RSS = peak, sampled every 50 ms while the keys are typed; NODE_ENV=${process.env['NODE_ENV'] ?? 'production'}; each row a fresh process`,
    `(first frame, suggestion: from before loading the corpus; fsync = the log's append + fsync inside each label keystroke; the rest of a label's time is the UI's; cpu = CPU ms the process used from key to frame, every thread, any key: load does not inflate it, a retraining worker does)`,
  );
  const [peer, big, , bigUncertain, learnDoc, learnUncertain] = runs;
  if (peer && big)
    out.push(
      `100k vs 1k (document order): first frame ${ratio(big.firstFrameMs, peer.firstFrameMs)}, label p99 ${ratio(big.labelP99Ms, peer.labelP99Ms)}, move p99 ${ratio(big.moveP99Ms, peer.moveP99Ms)}, cpu per key p50 ${ratio(big.cpuMedianMs, peer.cpuMedianMs)} p99 ${ratio(big.cpuP99Ms, peer.cpuP99Ms)}`,
      `targets at 100k: first frame < 1500 ms: ${big.firstFrameMs < 1500 ? 'ok' : 'MISSED'}; p99 < 16 ms: ${Math.max(big.labelP99Ms, big.moveP99Ms) < 16 ? 'ok' : 'MISSED'}; RSS < 300 MB: ${big.rssMb < 300 ? 'ok' : 'MISSED'}`,
    );
  if (big && bigUncertain)
    out.push(
      `--order uncertain at 100k (the 70% left to label ranked by the default labeller in the background worker, after the first frame): first frame ${f1(bigUncertain.firstFrameMs)} ms (${ratio(bigUncertain.firstFrameMs, big.firstFrameMs)} document order), ranked ${f1(bigUncertain.rankMs / 1000)} s after it`,
    );
  for (const r of [learnDoc, learnUncertain])
    if (r && big)
      out.push(
        `retraining every ${r.retrain} labels at 100k (--order ${r.order}): ${r.retrainings} retrainings finished during the keys (longest ${f1(r.retrainMaxMs / 1000)} s); label p99 ${f1(r.labelP99Ms)} ms (${ratio(r.labelP99Ms, big.labelP99Ms)} without), move p99 ${f1(r.moveP99Ms)} ms, RSS ${f1(r.rssMb)} MB: ${Math.max(r.labelP99Ms, r.moveP99Ms) < 16 && r.rssMb < 300 ? 'ok' : 'MISSED'}`,
      );
  return out;
}
