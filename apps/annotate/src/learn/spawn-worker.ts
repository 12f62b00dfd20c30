import { createRequire } from 'node:module';
import { extname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { LearnWorkerData } from './protocol.ts';

// The worker's module sits next to this one: learn-worker.ts when run from source (tsx), learn-worker.js in a build.
const here = fileURLToPath(import.meta.url);
const entry = new URL(`./learn-worker${extname(here)}`, import.meta.url);

/**
 * Where tsx's ESM API is, when the worker is TypeScript source: tsx's loader does not reach worker threads (Node 20
 * runs a worker's entry before the `--import` hooks of the parent apply), so the worker registers it itself first.
 * tsx comes with the repository (the root devDependency `pnpm stance` runs on); a build needs none of this.
 */
function tsxApi(): string | null {
  if (extname(here) !== '.ts') return null;
  try {
    return import.meta.resolve('tsx/esm/api');
  } catch {
    return createRequire(import.meta.url).resolve('tsx/esm/api');
  }
}

// The worker's first code, as a CommonJS script: register tsx when needed, then load the worker module.
const BOOT = `
const { workerData } = require('node:worker_threads');
(async () => {
  if (workerData.tsx) (await import(workerData.tsx)).register();
  await import(workerData.entry);
})().catch((error) => {
  setImmediate(() => { throw error; });
});
`;

/**
 * Memory the worker may use: a bound, so a large retraining fails (and is reported) instead of swelling the UI. A
 * small young generation (4 MB, V8's default is 16) keeps the resident size near what is live. Measured with the
 * bench's generated 100k corpus, three retrainings of 1,000 labels with a pool of 2,000 to rank: the idle worker adds
 * about 36 MB to the process (26 of them tsx's loader thread, which a build does not have), training peaks about 20 MB
 * above that; 2,000 labels peaked 27 MB higher.
 */
export const WORKER_HEAP_MB = 64;

/** Start the learning worker on the shared sentence texts. Its console output is drained, never shown. */
export function spawnLearnWorker(data: LearnWorkerData): Worker {
  const worker = new Worker(BOOT, {
    eval: true,
    workerData: { ...data, entry: entry.href, tsx: tsxApi() },
    resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB, maxYoungGenerationSizeMb: 4 },
    stdout: true,
    stderr: true,
  });
  worker.stdout.resume();
  worker.stderr.resume();
  return worker;
}
