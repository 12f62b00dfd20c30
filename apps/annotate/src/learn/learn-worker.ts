import { parentPort, workerData } from 'node:worker_threads';
import { LABELS } from '@stance/schema';
import { loadStartModel } from '../model/start-model.ts';
import { lowerThreadPriority } from './background-priority.ts';
import type { LiveExample, Predictor } from './learning.ts';
import { crossValidate, encodePredictions, rankPool, trainLive } from './learning.ts';
import type { FromWorker, LearnWorkerData, ToWorker, TrainRequest } from './protocol.ts';

// The learning worker: trains live models on the annotator's labels, scores them, ranks the unlabelled pool, loads
// model files and predicts documents, all off the UI's thread. It holds the current model; the UI holds only the
// predictions it asked for.

// Background work: the UI thread and the terminal come first (see lowerThreadPriority).
lowerThreadPriority();

const data = workerData as LearnWorkerData;
// The texts: in workerData, or (a worker started before the corpus was loaded) in the first message.
let bytes = new Uint8Array(data.text ?? new ArrayBuffer(0));
let ends = new Int32Array(data.ends ?? new ArrayBuffer(0));
let quoted = new Uint8Array(data.quoted ?? new ArrayBuffer(0));
const decoder = new TextDecoder();
const textOf = (position: number) =>
  decoder.decode(bytes.subarray(position > 0 ? ends[position - 1]! : 0, ends[position]!));
const quotedAt = (position: number) => quoted[position] === 1;

/**
 * The model that predicts now, and where it came from: the session's start model (the default labeller, a corpus
 * model or the rules: what the UI shows until a live model is taken, so what a live model is compared with) until a
 * live model or a newer model file replaces it. A live model replaces a live one without a contest. The start model
 * is loaded on first use: a worker started to load a newer file never loads it.
 */
let current: { predictor: Predictor | null; kind: 'start' | 'file' | 'live'; generation: number } = {
  predictor: null,
  kind: 'start',
  generation: 0,
};
function predictor(): Predictor {
  current.predictor ??= loadStartModel(data.start);
  return current.predictor;
}

// A model start is loaded at once, not on the first request: the worker is started early (while the UI thread loads
// the corpus) so that the first suggestion is ready about when the first frame is. A failure here is reported by the
// first request that needs the model (which tries again).
if (data.start.kind !== 'rules')
  try {
    predictor();
  } catch {}

const port = parentPort!;
const send = (message: FromWorker, transfer: ArrayBuffer[] = []) => port.postMessage(message, transfer);

port.on('message', (message: ToWorker) => {
  try {
    if (message.type === 'texts') {
      bytes = new Uint8Array(message.text);
      ends = new Int32Array(message.ends);
      quoted = new Uint8Array(message.quoted);
    } else if (message.type === 'train') trainAndRank(message);
    else if (message.type === 'load') {
      const model = loadStartModel({ kind: 'file', file: { path: message.path, stamp: 0 } });
      current = { predictor: model, kind: 'file', generation: message.generation };
      send({ type: 'loaded', id: message.id, name: model.name, generation: message.generation });
    } else if (message.type === 'rank') {
      const started = performance.now();
      const ranked = rankPool(predictor(), message.pool, message.poolDocs, textOf, quotedAt);
      send({ type: 'ranked', id: message.id, ranked, ms: Math.round(performance.now() - started) }, [
        ranked.buffer as ArrayBuffer,
      ]);
    } else {
      const texts = Array.from(message.positions, textOf);
      const blockQuoted = Array.from(message.positions, quotedAt);
      const { labels, confidence } = encodePredictions(predictor().predict(texts, { blockQuoted }));
      send(
        { type: 'predicted', id: message.id, doc: message.doc, generation: current.generation, labels, confidence },
        [labels.buffer as ArrayBuffer, confidence.buffer as ArrayBuffer],
      );
    }
  } catch (error) {
    send({
      type: 'failed',
      id: 'id' in message ? message.id : 0,
      message: (error as Error).message.split('\n')[0] ?? 'failed',
    });
  }
});

function trainAndRank(request: TrainRequest): void {
  const started = performance.now();
  const examples: LiveExample[] = Array.from(request.positions, (p, i) => ({
    text: textOf(p),
    label: LABELS[request.labels[i]!]!,
    doc: String(request.docs[i]),
    // The layout's quotations, for training and cross-validation alike (the suggestions read them too).
    ...(quotedAt(p) ? { quoted: true } : {}),
  }));
  const name = `live-logreg-${request.generation}`;
  const before = predictor();
  const cv = crossValidate(examples, before);
  const model = trainLive(examples, name);
  // A live model replaces the previous live one (more of the same labels, same settings); it replaces the start model
  // or a model file only when it scores higher on the same held-out sentences.
  const adopted = current.kind === 'live' || cv.macroF1 > cv.previous;
  const previousName = current.kind === 'live' ? 'previous live model' : before.name;
  if (adopted) current = { predictor: model, kind: 'live', generation: request.generation };
  const ranked =
    adopted && request.pool.length > 0
      ? rankPool(model, request.pool, request.poolDocs, textOf, quotedAt)
      : new Int32Array(0);
  send(
    {
      type: 'trained',
      id: request.id,
      name,
      generation: request.generation,
      adopted,
      macroF1: cv.macroF1,
      previous: cv.previous,
      previousName,
      examples: examples.length,
      folds: cv.folds,
      ms: Math.round(performance.now() - started),
      ranked,
    },
    [ranked.buffer as ArrayBuffer],
  );
}
