import { createRequire } from 'node:module';
import { extname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { StartModel } from '../model/start-model.ts';
import type { LearnWorkerData } from './protocol.ts';

// The worker's module sits next to this one: learn-worker.ts when run from source (tsx), learn-worker.js in a build.
const here = fileURLToPath(import.meta.url);
const entry = new URL(`./learn-worker${extname(here)}`, import.meta.url);
const fromSource = extname(here) === '.ts';

/** A module's path, or null when it cannot be found (the worker then takes the slower way). */
function resolved(specifier: string): string | null {
  try {
    return createRequire(import.meta.url).resolve(specifier);
  } catch {
    return null;
  }
}

/**
 * The worker's first code when it is TypeScript source (a build starts `learn-worker.js` directly). It bundles the
 * worker's module graph into one ES module in memory with esbuild and imports that (a data: URL), rather than
 * registering tsx's loader: on Node 20 tsx's ESM hooks run in a loader thread of their own, a second isolate that,
 * with tsx's per-file transforms and source maps, cost the worker ~35 MB more than a bundle (measured: an idle worker
 * adds 56 MB with tsx, 19 MB bundled). `import.meta.url` in each file becomes that file's own URL, so what a package
 * loads beside its sources (natural, the default labeller's weights) resolves where it does from source. esbuild is a
 * devDependency (only source runs, tests and benches, need it); without it the worker falls back to tsx. Errors
 * surface as the worker's 'error' event.
 */
const BOOT = `
const { workerData } = require('node:worker_threads');
const { readFile } = require('node:fs/promises');
const { fileURLToPath, pathToFileURL } = require('node:url');
async function bundle() {
  const esbuild = require(workerData.esbuild);
  try {
    const importMetaUrl = {
      name: 'import-meta-url',
      setup(build) {
        build.onLoad({ filter: /\\.ts$/ }, async ({ path }) => ({
          contents: (await readFile(path, 'utf8')).replaceAll('import.meta.url', JSON.stringify(pathToFileURL(path).href)),
          loader: 'ts',
        }));
      },
    };
    const out = await esbuild.build({
      entryPoints: [fileURLToPath(workerData.entry)],
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      write: false,
      logLevel: 'silent',
      plugins: [importMetaUrl],
    });
    return out.outputFiles[0].text;
  } finally {
    await esbuild.stop();
  }
}
(async () => {
  if (workerData.esbuild) {
    const code = await bundle();
    await import('data:text/javascript;base64,' + Buffer.from(code).toString('base64'));
  } else {
    if (workerData.tsx) (await import(workerData.tsx)).register();
    await import(workerData.entry);
  }
})().catch((error) => {
  setImmediate(() => { throw error; });
});
`;

/**
 * Where tsx's ESM API is, for a source run without esbuild: tsx's loader does not reach worker threads (Node 20 runs
 * a worker's entry before the `--import` hooks of the parent apply), so the worker registers it itself first.
 */
function tsxApi(): string | null {
  try {
    return import.meta.resolve('tsx/esm/api');
  } catch {
    return resolved('tsx/esm/api');
  }
}

/**
 * Memory the worker may use: a bound, so a large retraining fails (and is reported) instead of swelling the UI. A
 * small young generation (4 MB, V8's default is 16) keeps the resident size near what is live. Measured with the
 * bench's generated 100k corpus, three retrainings of 1,000 labels with a pool of 2,000 to rank: training peaks about
 * 20 MB above the idle worker; 2,000 labels peaked 27 MB higher.
 */
export const WORKER_HEAP_MB = 64;

/** Start the learning worker on the shared sentence texts. Its console output is drained, never shown. */
export function spawnLearnWorker(data: LearnWorkerData): Worker {
  const esbuild = fromSource ? resolved('esbuild') : null;
  const worker = new Worker(fromSource ? BOOT : entry, {
    eval: fromSource,
    workerData: { ...data, entry: entry.href, esbuild, tsx: fromSource && !esbuild ? tsxApi() : null },
    resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB, maxYoungGenerationSizeMb: 4 },
    stdout: true,
    stderr: true,
  });
  worker.stdout.resume();
  worker.stderr.resume();
  return worker;
}

/** Errors of workers started early, before a learner listened: the learner reports them when it takes the worker. */
const earlyErrors = new WeakMap<Worker, Error>();

/**
 * Start the learning worker before the corpus is loaded, on the session's start model, so that it loads the model
 * while this thread loads the corpus (give it to the session as `learning.worker`; the texts follow as a message).
 * It does not keep the process alive, and an error before the learner takes it is kept for the learner to report.
 */
export function spawnLearnWorkerEarly(start: StartModel): Worker {
  const worker = spawnLearnWorker({ start });
  worker.unref();
  worker.on('error', (error) => {
    if (!earlyErrors.has(worker)) earlyErrors.set(worker, error);
  });
  return worker;
}

/** The error an early-started worker stopped with before anyone else listened, if it did. */
export function earlyError(worker: Worker): Error | undefined {
  return earlyErrors.get(worker);
}
