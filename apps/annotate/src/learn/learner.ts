import type { Worker } from 'node:worker_threads';
import type { Label } from '@stance/schema';
import { LABELS } from '@stance/schema';
import type { CorpusIndex } from '../model/corpus-index.ts';
import type { ModelFile } from '../model/start-model.ts';
import type { AnnotateSession } from '../session/session.ts';
import { labelOf } from '../state/selectors.ts';
import type { AnnotateState, LearningStatus } from '../state/state.ts';
import { MAX_LIVE_EXAMPLES, MIN_LIVE_EXAMPLES } from './learning.ts';
import type { DocumentPredictions, LiveModel } from './live-suggester.ts';
import type { FromWorker, LearnWorkerData, SharedTexts, ToWorker } from './protocol.ts';
import { earlyError } from './spawn-worker.ts';

/** What the learner tells the UI. */
export interface LearnerEvents {
  /** The status line's learning part changed. */
  status(status: Partial<LearningStatus>): void;
  /** A pool of unlabelled sentences was ranked (least confident first): re-rank the queue with it. */
  ranked(ranked: ArrayLike<number>): void;
  /**
   * The live model changed (no `doc`), or it predicted the document at `doc` (position in the index): suggestions may
   * read differently now.
   */
  changed(doc?: number): void;
}

/** The UI's side of background learning. Nothing here waits on the worker; replies arrive as events. */
export interface Learner {
  /** The background model and its predictions so far, or null while suggestions are the session's own. */
  readonly live: LiveModel | null;
  /** Labels changed (state after them): retrain once `every` new labels have come and no training runs. */
  labelled(state: AnnotateState): void;
  /** Documents (positions) whose predictions the screen will want soon: asked for if the live model has none. */
  want(docs: readonly number[]): void;
  /** Take a newer model file from the corpus's models folder, if one has appeared. */
  poll(): void;
  /**
   * Rank the sentences left to label after the current one by the start model's confidence, least confident first
   * (`--order uncertain` on a corpus too large to rank before the first frame); the ranking arrives as `ranked`.
   */
  rankQueue(state: AnnotateState): void;
  /** Stop the worker. */
  close(): void;
}

/** Sentences ranked again after each retraining in `--order uncertain`: this many next in the queue, as many at random. */
export const POOL_HALF = 1000;

/** Documents whose live predictions are kept: those wanted last (the screen wants the current one and its neighbours). */
export const KEPT_PREDICTIONS = 16;

/** Start the worker only when first needed, on texts shared with it (the UI keeps no second copy). */
export function createLearner(
  session: AnnotateSession,
  events: LearnerEvents,
  spawn: (data: LearnWorkerData) => Worker,
): Learner {
  const options = session.learning!;
  const index = session.index;
  let worker: Worker | null = null;
  let broken = false;
  let nextId = 1;
  let generation = 0;
  // A start model that lives in the worker is the live model from the start: its predictions are asked for as any.
  let live: LiveModel | null = session.modelInWorker
    ? { name: session.startName, generation: 0, docs: new Map() }
    : null;
  /** Id of the training request running in the worker, or 0. */
  let training = 0;
  let labelsAtTraining = 0;
  let newestStamp = session.start.kind === 'file' ? session.start.file.stamp : Number.NEGATIVE_INFINITY;
  const asked = new Set<number>();
  /** Prediction requests in the worker: request id → document. */
  const predicting = new Map<number, number>();
  /** Documents wanted, least recently first (a Map iterates in insertion order): which predictions to keep. */
  const wanted = new Map<number, true>();
  /** The ids of the labels at start, newest last: read from the end for training, built on the first training. */
  let baseIds: string[] | null = null;
  /** Id of the queue's ranking request running in the worker, or 0. */
  let ranking = 0;

  /** Say what failed; a failed request (or all, when the worker is gone) is no longer running. */
  const fail = (message: string, id: number | 'all') => {
    const queue = ranking !== 0 && (id === 'all' || id === ranking) ? '; the queue stays in document order' : '';
    if (id === 'all' || id === training) training = 0;
    if (id === 'all' || id === ranking) ranking = 0;
    const doc = id === 'all' ? undefined : predicting.get(id);
    if (id !== 'all') predicting.delete(id);
    // Suggestions waiting on the worker would wait for ever: they show what failed instead.
    if ((id === 'all' || doc !== undefined) && live !== null && session.modelInWorker) {
      if (doc !== undefined) asked.delete(doc);
      live = { ...live, error: message };
      events.changed();
    }
    events.status({ training: training !== 0, ranking: ranking !== 0, note: `learning: ${message}${queue}` });
  };

  const post = (message: ToWorker, transfer: ArrayBuffer[] = []) => {
    const w = ensureWorker();
    if (w) w.postMessage(message, transfer);
  };

  function ensureWorker(): Worker | null {
    if (worker || broken) return worker;
    try {
      if (options.worker) {
        // Started early, before the corpus was loaded: its model is loading (or loaded); the texts go first.
        worker = options.worker;
        const early = earlyError(worker);
        if (early) throw early;
        worker.postMessage({ type: 'texts', ...shareTexts(index) } satisfies ToWorker);
      } else worker = spawn({ ...shareTexts(index), start: session.start });
    } catch (error) {
      broken = true;
      fail(`the background worker did not start (${(error as Error).message}); suggestions stay as they are`, 'all');
      return null;
    }
    worker.on('message', onMessage);
    worker.on('error', (error) => {
      broken = true;
      worker = null;
      fail(`the background worker stopped (${error.message.split('\n')[0]}); suggestions stay as they are`, 'all');
    });
    // Never keep the process alive for it: quitting must not wait on a training.
    worker.unref();
    return worker;
  }

  function onMessage(message: FromWorker): void {
    switch (message.type) {
      case 'trained': {
        training = 0;
        const score = {
          macroF1: message.macroF1,
          examples: message.examples,
          folds: message.folds,
          previous: message.previous,
          previousName: message.previousName,
        };
        if (!message.adopted) {
          events.status({
            training: false,
            note: `learning: ${message.name} scored CV F1 ${message.macroF1.toFixed(2)} on ${message.examples} labels, below ${message.previousName} (${message.previous.toFixed(2)}); keeping ${message.previousName}`,
          });
          return;
        }
        setLive(message.name, message.generation);
        events.status({ source: message.name, updatedAt: Date.now(), score, training: false, note: null });
        if (message.ranked.length > 0) events.ranked(message.ranked);
        return;
      }
      case 'ranked':
        ranking = 0;
        events.status({ ranking: false, note: null });
        events.ranked(message.ranked);
        return;
      case 'loaded':
        setLive(message.name, message.generation);
        events.status({ source: message.name, updatedAt: Date.now(), score: null, note: null });
        return;
      case 'predicted': {
        asked.delete(message.doc);
        predicting.delete(message.id);
        if (!live || message.generation !== live.generation) return;
        // Only the documents wanted last keep their predictions: memory stays flat however far the annotator goes.
        const docs = new Map<number, DocumentPredictions>();
        for (const doc of wanted.keys()) {
          const kept = live.docs.get(doc);
          if (kept) docs.set(doc, kept);
        }
        docs.set(message.doc, { labels: message.labels, confidence: message.confidence } satisfies DocumentPredictions);
        live = { ...live, docs };
        events.changed(message.doc);
        return;
      }
      case 'failed':
        fail(message.message, message.id);
        return;
    }
  }

  function setLive(name: string, gen: number): void {
    live = { name, generation: gen, docs: new Map() };
    asked.clear();
    predicting.clear();
    events.changed();
  }

  return {
    get live() {
      return live;
    },
    labelled(state) {
      if (options.every <= 0 || training !== 0 || broken) return;
      const given = state.session.labels + state.session.relabels;
      if (given - labelsAtTraining < options.every) return;
      baseIds ??= [...state.base.keys()];
      const request = trainingRequest(state, baseIds, nextId, generation + 1, session.orderName === 'uncertain');
      if (!request) return;
      nextId++;
      generation++;
      labelsAtTraining = given;
      training = request.id;
      events.status({ training: true });
      post(request, [
        request.positions.buffer,
        request.labels.buffer,
        request.docs.buffer,
        request.pool.buffer,
        request.poolDocs.buffer,
      ] as ArrayBuffer[]);
    },
    want(docs) {
      for (const doc of docs) {
        wanted.delete(doc);
        wanted.set(doc, true);
        if (wanted.size > KEPT_PREDICTIONS) wanted.delete(wanted.keys().next().value!);
      }
      // A live model comes from the worker (started for it, or holding the session's model from the start).
      if (!live || live.error !== undefined) return;
      for (const doc of docs) {
        if (doc < 0 || live.docs.has(doc) || asked.has(doc)) continue;
        asked.add(doc);
        const positions = Int32Array.from(index.byDoc[doc] ?? []);
        const id = nextId++;
        predicting.set(id, doc);
        post({ type: 'predict', id, doc, positions }, [positions.buffer]);
      }
    },
    poll() {
      if (!options.newestModel || broken) return;
      let newest: ModelFile | null;
      try {
        newest = options.newestModel();
      } catch {
        return;
      }
      if (!newest || newest.stamp <= newestStamp) return;
      newestStamp = newest.stamp;
      post({ type: 'load', id: nextId++, path: newest.path, generation: ++generation });
    },
    rankQueue(state) {
      if (broken || ranking !== 0) return;
      const pool: number[] = [];
      for (let k = state.pos + 1; k < state.order.length; k++) {
        const s = state.order[k]!;
        if (labelOf(state, index.sentences[s]!.id) === undefined) pool.push(s);
      }
      if (pool.length === 0) return;
      // Grouped by document, in reading order: each document is predicted together, as its context needs.
      pool.sort((a, b) => index.docOf[a]! - index.docOf[b]! || index.placeInDoc[a]! - index.placeInDoc[b]!);
      ranking = nextId++;
      events.status({ ranking: true });
      const positions = Int32Array.from(pool);
      const docs = Int32Array.from(pool, (s) => index.docOf[s]!);
      post({ type: 'rank', id: ranking, pool: positions, poolDocs: docs }, [
        positions.buffer,
        docs.buffer,
      ] as ArrayBuffer[]);
    },
    close() {
      void worker?.terminate();
      worker = null;
    },
  };
}

/**
 * The labels to train on (the most recent MAX_LIVE_EXAMPLES, grouped by document in reading order) and, in
 * `--order uncertain`, the pool to rank; null when there are too few labels, or of one kind only.
 */
function trainingRequest(
  state: AnnotateState,
  baseIds: readonly string[],
  id: number,
  generation: number,
  rank: boolean,
): (ToWorker & { type: 'train' }) | null {
  const { index } = state;
  const picked: { s: number; label: Label }[] = [];
  const seen = new Set<string>();
  // This session's labels are the most recent; then the log's, newest first.
  for (const [id, label] of [...state.overlay].reverse()) {
    seen.add(id);
    const s = index.positionOf.get(id);
    if (label !== null && s !== undefined && picked.length < MAX_LIVE_EXAMPLES) picked.push({ s, label });
  }
  // The labels at start, newest first, from the end of their list: no copy of the whole map per training.
  for (let k = baseIds.length - 1; k >= 0 && picked.length < MAX_LIVE_EXAMPLES; k--) {
    const id = baseIds[k]!;
    const label = state.base.get(id);
    if (seen.has(id) || label === undefined) continue;
    const s = index.positionOf.get(id);
    if (s !== undefined) picked.push({ s, label });
  }
  if (picked.length < MIN_LIVE_EXAMPLES || new Set(picked.map((p) => p.label)).size < 2) return null;
  picked.sort((a, b) => index.docOf[a.s]! - index.docOf[b.s]! || index.placeInDoc[a.s]! - index.placeInDoc[b.s]!);
  const pool = rank ? rankingPool(state) : [];
  return {
    type: 'train',
    id,
    generation,
    positions: Int32Array.from(picked, (p) => p.s),
    labels: Uint8Array.from(picked, (p) => LABELS.indexOf(p.label)),
    docs: Int32Array.from(picked, (p) => index.docOf[p.s]!),
    pool: Int32Array.from(pool),
    poolDocs: Int32Array.from(pool, (s) => index.docOf[s]!),
  };
}

/**
 * Unlabelled sentences to rank: the next POOL_HALF in the queue and POOL_HALF drawn from the rest, by document; only
 * assigned ones while any assigned sentence is left, so re-ranking never puts other documents before your own.
 */
function rankingPool(state: AnnotateState): number[] {
  const { index, order, assigned } = state;
  const own =
    assigned !== null &&
    order.some(
      (s, k) =>
        k > state.pos && assigned[index.docOf[s]!] === 1 && labelOf(state, index.sentences[s]!.id) === undefined,
    );
  const unlabelled = (s: number) =>
    labelOf(state, index.sentences[s]!.id) === undefined && (!own || assigned![index.docOf[s]!] === 1);
  const picked = new Set<number>();
  for (let k = state.pos + 1; k < order.length && picked.size < POOL_HALF; k++)
    if (unlabelled(order[k]!)) picked.add(order[k]!);
  const rest = order.length - state.pos - 1;
  // A fixed-seed walk (no Math.random in what a test may repeat): a stride coprime-ish with the queue's length.
  const stride = 7919;
  for (let tries = 0, k = 0; tries < POOL_HALF * 4 && picked.size < 2 * POOL_HALF && rest > 0; tries++) {
    k = (k + stride) % rest;
    const s = order[state.pos + 1 + k]!;
    if (unlabelled(s)) picked.add(s);
  }
  return [...picked].sort((a, b) => index.docOf[a]! - index.docOf[b]! || index.placeInDoc[a]! - index.placeInDoc[b]!);
}

/** Every sentence's text in one shared UTF-8 buffer, with end offsets: the worker reads them without a copy. */
export function shareTexts(index: CorpusIndex): SharedTexts {
  const encoder = new TextEncoder();
  let total = 0;
  for (const s of index.sentences) total += Buffer.byteLength(s.text, 'utf8');
  const text = new SharedArrayBuffer(total);
  const ends = new SharedArrayBuffer(4 * index.sentences.length);
  const bytes = new Uint8Array(text);
  const endOf = new Int32Array(ends);
  let at = 0;
  index.sentences.forEach((s, i) => {
    at += encoder.encodeInto(s.text, bytes.subarray(at)).written;
    endOf[i] = at;
  });
  const quoted = new SharedArrayBuffer(index.sentences.length);
  new Uint8Array(quoted).set(index.blockQuoted);
  return { text, ends, quoted };
}
