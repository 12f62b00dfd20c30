import { parentPort, workerData } from 'node:worker_threads';
import { modelFromJson } from '@stance/classify';
import { readTextFile } from '@stance/corpus';
import { LABELS } from '@stance/schema';
import type { LiveExample, Predictor } from './learning.ts';
import { crossValidate, encodePredictions, rankPool, rulesPredictor, trainLive } from './learning.ts';
import type { FromWorker, LearnWorkerData, ToWorker, TrainRequest } from './protocol.ts';

// The learning worker: trains live models on the annotator's labels, scores them, ranks the unlabelled pool, loads
// model files and predicts documents, all off the UI's thread. It holds the current model; the UI holds only the
// predictions it asked for.

const data = workerData as LearnWorkerData;
const bytes = new Uint8Array(data.text);
const ends = new Int32Array(data.ends);
const decoder = new TextDecoder();
const textOf = (position: number) =>
  decoder.decode(bytes.subarray(position > 0 ? ends[position - 1]! : 0, ends[position]!));

/** The model that predicts now, and where it came from (a live model replaces a live one without a contest). */
let current: { predictor: Predictor; kind: 'rules' | 'file' | 'live'; generation: number } = {
  predictor: rulesPredictor,
  kind: 'rules',
  generation: 0,
};

const port = parentPort!;
const send = (message: FromWorker, transfer: ArrayBuffer[] = []) => port.postMessage(message, transfer);

port.on('message', (message: ToWorker) => {
  try {
    if (message.type === 'train') trainAndRank(message);
    else if (message.type === 'load') {
      const model = modelFromJson(readTextFile(message.path, message.path), message.path);
      if (model.encoder !== undefined)
        throw new Error(`${message.path} is a ${model.kind} model (sentence embeddings): too slow for suggestions`);
      current = { predictor: model, kind: 'file', generation: message.generation };
      send({ type: 'loaded', id: message.id, name: model.name, generation: message.generation });
    } else {
      const texts = Array.from(message.positions, textOf);
      const { labels, confidence } = encodePredictions(current.predictor.predict(texts));
      send(
        { type: 'predicted', id: message.id, doc: message.doc, generation: current.generation, labels, confidence },
        [labels.buffer as ArrayBuffer, confidence.buffer as ArrayBuffer],
      );
    }
  } catch (error) {
    send({ type: 'failed', id: message.id, message: (error as Error).message.split('\n')[0] ?? 'failed' });
  }
});

function trainAndRank(request: TrainRequest): void {
  const started = performance.now();
  const examples: LiveExample[] = Array.from(request.positions, (p, i) => ({
    text: textOf(p),
    label: LABELS[request.labels[i]!]!,
    doc: String(request.docs[i]),
  }));
  const name = `live-logreg-${request.generation}`;
  const cv = crossValidate(examples, current.predictor);
  const model = trainLive(examples, name);
  // A live model replaces the previous live one (more of the same labels, same settings); it replaces the rules or a
  // model file only when it scores higher on the same held-out sentences.
  const adopted = current.kind === 'live' || cv.macroF1 > cv.previous;
  const previousName = current.kind === 'live' ? 'previous live model' : current.predictor.name;
  if (adopted) current = { predictor: model, kind: 'live', generation: request.generation };
  const ranked =
    adopted && request.pool.length > 0 ? rankPool(model, request.pool, request.poolDocs, textOf) : new Int32Array(0);
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
