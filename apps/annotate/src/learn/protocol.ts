import type { StartModel } from '../model/start-model.ts';

// Messages between the annotation UI and its learning worker (worker_threads). Typed arrays travel as transferred
// buffers; sentence texts are shared once, in one SharedArrayBuffer, so the worker holds no copy of the corpus.

/** Every sentence's text, shared with the worker. */
export interface SharedTexts {
  /** Every sentence's text, UTF-8, back to back, in sentence-position order. */
  text: SharedArrayBuffer;
  /** End offset (bytes) of each sentence's text in `text`; a sentence starts where the one before it ends. */
  ends: SharedArrayBuffer;
  /** One byte a sentence: 1 where it sits in a quotation the layout shows (CorpusIndex.blockQuoted). */
  quoted: SharedArrayBuffer;
}

/**
 * What the worker is started with: the texts, unless it was started before the corpus was loaded (so that its model
 * loads meanwhile, on the other core); they then come as its first message.
 */
export interface LearnWorkerData extends Partial<SharedTexts> {
  /** The model the session's suggestions start from: the worker's current model until one replaces it. */
  start: StartModel;
}

/** Labelled sentences for training, grouped by document and in reading order (quotations carry over). */
export interface TrainRequest {
  type: 'train';
  id: number;
  positions: Int32Array;
  /** Label index (LABELS order) of each position. */
  labels: Uint8Array;
  /** Document (position) of each example: the unit of cross-validation folds and of quotation context. */
  docs: Int32Array;
  /** Unlabelled sentences to rank by the model's confidence, grouped by document in reading order; empty: none. */
  pool: Int32Array;
  poolDocs: Int32Array;
  /** The number the trained model gets (its name is `live-logreg-<generation>`). */
  generation: number;
}

/** Messages to the worker. */
export type ToWorker =
  /** The texts, for a worker started before they were known (always the first message then). */
  | ({ type: 'texts' } & SharedTexts)
  | TrainRequest
  /** Take this model file as the current model (the one new models are compared with, and that predicts). */
  | { type: 'load'; id: number; path: string; generation: number }
  /** The current model's suggestions for one document's sentences (reading order). */
  | { type: 'predict'; id: number; doc: number; positions: Int32Array }
  /** Rank these sentences (grouped by document, in reading order) by the current model's confidence. */
  | { type: 'rank'; id: number; pool: Int32Array; poolDocs: Int32Array };

/** Messages from the worker. */
export type FromWorker =
  | {
      type: 'trained';
      id: number;
      name: string;
      generation: number;
      /** Whether the new model scored above the current one and replaced it. */
      adopted: boolean;
      macroF1: number;
      /** The current model's macro-F1 on the same held-out folds (the start model's until a live one is taken). */
      previous: number;
      previousName: string;
      examples: number;
      folds: number;
      ms: number;
      /** The pool, least confident first (when adopted and a pool was sent). */
      ranked: Int32Array;
    }
  | { type: 'loaded'; id: number; name: string; generation: number }
  /** The pool of a `rank` message, least confident first. */
  | { type: 'ranked'; id: number; ranked: Int32Array; ms: number }
  | { type: 'predicted'; id: number; doc: number; generation: number; labels: Uint8Array; confidence: Float32Array }
  | { type: 'failed'; id: number; message: string };
