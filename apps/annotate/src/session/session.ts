import type { Worker } from 'node:worker_threads';
import type { AnnotationEvent, Label, Sentence, StanceDocument } from '@stance/schema';
import type { AnnotatorLog } from '@stance/store';
import { foldFlags, foldLabels, foldNotes } from '@stance/store';
import type { CorpusIndex } from '../model/corpus-index.ts';
import { documentOrder, indexCorpus, uncertainOrder } from '../model/corpus-index.ts';
import type { AnnotatorView, QueueItem } from '../model/disagreement-queue.ts';
import { disagreementQueue } from '../model/disagreement-queue.ts';
import { adjudicationEvents, judgementEvents } from '../model/log-roles.ts';
import type { ModelFile, StartModel } from '../model/start-model.ts';
import { loadStartModel, startModelName } from '../model/start-model.ts';
import type { Labeler, Suggester, SuggestionModel } from '../model/suggester.ts';
import { createSuggester } from '../model/suggester.ts';

/** The order sentences are visited in. */
export type VisitOrder = 'document' | 'uncertain';

/** The corpus as the UI needs it (what `loadCorpus` returns has this shape). */
export interface CorpusInput {
  documents: readonly StanceDocument[];
  sentences: readonly Sentence[];
  guideline: { version: string; text: string } | null;
}

/** Everything the UI runs on, built once at start-up. The log is open (and locked) for the session's length. */
export interface AnnotateSession {
  readonly annotator: string;
  readonly index: CorpusIndex;
  readonly order: readonly number[];
  readonly orderName: VisitOrder;
  /** The suggestions of the model the session started with (`start`), with the rules' cues behind each. */
  readonly suggester: Suggester;
  /** What the suggestions start from: the baseline a retrained model must beat, and its fallback. */
  readonly start: StartModel;
  /** The name of the start model: what the header shows before a model replaces it. */
  readonly startName: string;
  /**
   * The start model lives in the learning worker only, not in the UI's thread (a model such as the default labeller
   * holds ~40 MB in each thread that loads it): the labels and confidences of suggestions come from the worker, and
   * show as pending until it has answered; `suggester` gives the rules' cues alone. Set whenever background learning
   * is on and the start is a model.
   */
  readonly modelInWorker: boolean;
  readonly log: AnnotatorLog;
  readonly guideline: { version: string; text: string } | null;
  readonly blind: boolean;
  /** Labels from the log whose sentence text is unchanged (a changed sentence counts as unlabelled). */
  readonly base: ReadonlyMap<string, Label>;
  readonly flagged: ReadonlySet<string>;
  /** This annotator's notes per sentence id, in log order. */
  readonly notes: ReadonlyMap<string, readonly string[]>;
  /** Labels in the log for sentences whose text has changed since (shown as a warning). */
  readonly stale: number;
  /** Clock in ms. @default Date.now */
  readonly now: () => number;
  /** Set when adjudicating: the walk is the disagreement queue and labels are decisions (`adjudication: true`). */
  readonly adjudication: Adjudication | null;
  /** A gap between keys longer than this pauses the sentence's clock (0: never). */
  readonly idleCapMs: number;
  /** Documents assigned to this annotator (by document position), visited first; null without assignments. */
  readonly assigned: AssignedDocuments | null;
  /** Background learning; null when off (adjudicating, `--retrain 0`). */
  readonly learning: LearningOptions | null;
  /**
   * `--order uncertain` with more sentences left to label than `rankInline`: `order` is provisional (what is left in
   * document order, then the labelled) until the background worker has ranked it.
   */
  readonly rankPending: boolean;
  /** Draw in colour (off with NO_COLOR). */
  readonly color: boolean;
}

/** The documents an assignment gives this annotator. */
export interface AssignedDocuments {
  /** 1 for each document position assigned. */
  readonly docs: Uint8Array;
  /** Sentences in the assigned documents. */
  readonly sentences: number;
}

/** How the suggestion model learns while you label. */
export interface LearningOptions {
  /** Retrain on your labels after this many new ones (0: only models from the corpus folder are picked up). */
  readonly every: number;
  /** The newest model file in the corpus's models folder now (checked every few seconds), if any. */
  readonly newestModel: (() => ModelFile | null) | null;
  /**
   * The learning worker, started early with `spawnLearnWorker({ start })` on the session's start, before the corpus
   * was loaded: it loads the model meanwhile, on the other core, so the first suggestion comes about with the first
   * frame. Without it the worker is started with the first frame.
   */
  readonly worker?: Worker;
}

/** The adjudication walk: the queue, and each queued sentence's annotator views by sentence id. */
export interface Adjudication {
  readonly queue: readonly QueueItem[];
  readonly views: ReadonlyMap<string, readonly AnnotatorView[]>;
  /** Annotators (other than the adjudicator) with at least one log, sorted. */
  readonly annotators: readonly string[];
  /** Each sentence's current label by each of `annotators` (same order; null: none), for the document pane. */
  readonly labels: ReadonlyMap<string, readonly (Label | null)[]>;
}

/** What an adjudication session is built from: every annotator's log (the adjudicator's own is skipped). */
export interface AdjudicateInput {
  logs: ReadonlyMap<string, readonly AnnotationEvent[]>;
  /** Also queue sentences labelled by fewer annotators than this (what export would exclude). */
  minAnnotators?: number | undefined;
}

/** What a session is built from. */
export interface SessionInput {
  corpus: CorpusInput;
  log: AnnotatorLog;
  /** The rules labeler: the cues behind every suggestion (and the suggestions themselves when `start` is the rules). */
  labeler: Labeler;
  /** What suggestions start from. @default { kind: 'rules' } */
  start?: StartModel;
  /**
   * `start` already loaded (`loadStartModel`), when the caller checked it before opening the log; else loaded here.
   * With background learning on, only its name is kept: the worker loads the model it uses itself.
   */
  startModel?: SuggestionModel;
  order?: VisitOrder;
  blind?: boolean;
  now?: () => number;
  /** Walk the disagreement queue as this log's adjudicator instead of annotating. */
  adjudicate?: AdjudicateInput;
  /** A gap between keys longer than this pauses the clock (0: never). @default 60_000 */
  idleCapMs?: number;
  /** Ids of the documents assigned to this annotator (assignments.json); they are visited first. */
  assigned?: readonly string[] | null;
  /** Background learning (ignored when adjudicating). @default null (off) */
  learning?: LearningOptions | null;
  /**
   * `--order uncertain` ranks at start-up when at most this many sentences are left to label; with more (and
   * `learning`), the first frame comes first and the background worker ranks them. @default RANK_INLINE_MAX
   */
  rankInline?: number;
  /** @default true */
  color?: boolean;
}

/**
 * Sentences left to label that `--order uncertain` ranks before the first frame: the default labeller takes about
 * 35 µs a sentence on a quiet core (this many: ~0.35 s); 70,000 would take seconds, so they are ranked in the
 * background worker while the annotator starts on the provisional order.
 */
export const RANK_INLINE_MAX = 10_000;

/** The default idle cap: a minute without a key pauses the clock. */
export const DEFAULT_IDLE_CAP_MS = 60_000;

/** Build a session: index the corpus, fold this annotator's log, and order the sentences. */
export function createSession(input: SessionInput): AnnotateSession {
  const index = indexCorpus(input.corpus.documents, input.corpus.sentences);
  // An adjudicator is shown the annotators' labels, never a suggestion: no model is loaded for them.
  if (input.adjudicate !== undefined)
    return adjudicationSession(input, index, createSuggester(index, input.labeler), input.adjudicate);
  const start = input.start ?? { kind: 'rules' };
  // With background learning, a model start is loaded by the worker alone: this thread runs the rules for the cues.
  const modelInWorker = input.learning != null && start.kind !== 'rules';
  // The rules are the labeler itself (tests count its runs); any other start is a model whose labels replace theirs.
  const model = start.kind === 'rules' || modelInWorker ? null : (input.startModel ?? loadStartModel(start));
  const startName = model?.name ?? input.startModel?.name ?? startModelName(start);
  const suggester = createSuggester(index, input.labeler, model);
  const base = new Map<string, Label>();
  let stale = 0;
  for (const [id, current] of foldLabels(judgementEvents(input.log.events))) {
    if (!index.positionOf.has(id)) continue;
    if (current.textHash.startsWith(idHashOf(id))) base.set(id, current.label);
    else stale++;
  }
  const orderName = input.order ?? 'document';
  const assigned = assignedDocuments(index, input.assigned ?? null);
  let order: number[];
  let rankPending = false;
  if (orderName === 'uncertain') {
    // Only what is left to label needs ranking: documents labelled through are not run through the model, and
    // labelled sentences go last (in document order), where review finds them.
    const done = (s: number) => base.has(index.sentences[s]!.id);
    const left = index.sentences.length - base.size;
    // Ranked in the worker when the model is there, or when there are too many to rank before the first frame.
    if (input.learning && (modelInWorker ? left > 0 : left > (input.rankInline ?? RANK_INLINE_MAX))) {
      const all = documentOrder(index);
      order = all.filter((s) => !done(s)).concat(all.filter(done));
      rankPending = true;
    } else {
      const confidence = suggester.all((doc) => index.byDoc[doc]!.every(done));
      order = uncertainOrder(index, (s) => (done(s) ? Number.POSITIVE_INFINITY : confidence[s]!));
    }
  } else order = documentOrder(index);
  if (assigned) order = assignedFirst(index, order, assigned.docs);
  return {
    annotator: input.log.annotator,
    index,
    order,
    orderName,
    suggester,
    start,
    startName,
    modelInWorker,
    log: input.log,
    guideline: input.corpus.guideline,
    blind: input.blind ?? false,
    base,
    flagged: foldFlags(input.log.events),
    notes: foldNotes(input.log.events),
    stale,
    now: input.now ?? Date.now,
    adjudication: null,
    idleCapMs: input.idleCapMs ?? DEFAULT_IDLE_CAP_MS,
    assigned,
    learning: input.learning ?? null,
    rankPending,
    color: input.color ?? true,
  };
}

/** The assigned documents by position; ids the corpus does not hold are left out. Null without an assignment. */
function assignedDocuments(index: CorpusIndex, ids: readonly string[] | null): AssignedDocuments | null {
  if (ids === null) return null;
  const wanted = new Set(ids);
  const docs = new Uint8Array(index.documents.length);
  let sentences = 0;
  index.documents.forEach((doc, d) => {
    if (!wanted.has(doc.id)) return;
    docs[d] = 1;
    sentences += index.byDoc[d]!.length;
  });
  return { docs, sentences };
}

/** The order with the sentences of assigned documents first, each part keeping its order (a stable partition). */
export function assignedFirst(index: CorpusIndex, order: readonly number[], docs: Uint8Array): number[] {
  const mine = order.filter((s) => docs[index.docOf[s]!] === 1);
  const rest = order.filter((s) => docs[index.docOf[s]!] !== 1);
  return mine.concat(rest);
}

/**
 * An adjudication session: the order is the disagreement queue, and `base` holds the adjudicator's current decisions
 * on queued sentences (given to their current text), so progress counts decided disagreements.
 */
function adjudicationSession(
  input: SessionInput,
  index: CorpusIndex,
  suggester: Suggester,
  adjudicate: AdjudicateInput,
): AnnotateSession {
  const annotator = input.log.annotator;
  const annotators = [...adjudicate.logs.keys()].filter((n) => n !== annotator).sort();
  const queue = disagreementQueue(index, adjudicate.logs, annotator, { minAnnotators: adjudicate.minAnnotators });
  const views = new Map(queue.map((q) => [index.sentences[q.position]!.id, q.views]));
  const base = new Map<string, Label>();
  let stale = 0;
  for (const [id, current] of foldLabels(adjudicationEvents(input.log.events))) {
    if (!views.has(id)) continue;
    if (current.textHash.startsWith(idHashOf(id))) base.set(id, current.label);
    else stale++;
  }
  return {
    annotator,
    index,
    order: queue.map((q) => q.position),
    orderName: 'document',
    suggester,
    start: { kind: 'rules' },
    startName: suggester.model,
    modelInWorker: false,
    log: input.log,
    guideline: input.corpus.guideline,
    blind: false,
    base,
    flagged: foldFlags(input.log.events),
    notes: foldNotes(input.log.events),
    stale,
    now: input.now ?? Date.now,
    adjudication: { queue, views, annotators, labels: labelsByAnnotator(index, adjudicate.logs, annotators) },
    idleCapMs: input.idleCapMs ?? DEFAULT_IDLE_CAP_MS,
    assigned: null,
    learning: null,
    rankPending: false,
    color: input.color ?? true,
  };
}

/**
 * Every annotator's current label of every sentence they labelled (given to its current text), one entry per name
 * of `annotators` in that order: what the document pane shows beside each sentence when adjudicating.
 */
function labelsByAnnotator(
  index: CorpusIndex,
  logs: ReadonlyMap<string, readonly AnnotationEvent[]>,
  annotators: readonly string[],
): ReadonlyMap<string, (Label | null)[]> {
  const out = new Map<string, (Label | null)[]>();
  annotators.forEach((name, k) => {
    for (const [id, current] of foldLabels(judgementEvents(logs.get(name) ?? []))) {
      if (!index.positionOf.has(id) || !current.textHash.startsWith(idHashOf(id))) continue;
      let row = out.get(id);
      if (!row) {
        row = annotators.map(() => null);
        out.set(id, row);
      }
      row[k] = current.label;
    }
  });
  return out;
}

/**
 * The text-hash part of a sentence id. A sentence id is `docId:` + the first 10 hex digits of the same SHA-256 (of the
 * same normalised text) whose first 16 digits are its `textHash`; so a label whose textHash starts with it was given
 * to this very text. Comparing prefixes spares hashing every labelled sentence at start-up (30,000 labels: ~200 ms).
 */
export function idHashOf(sentenceId: string): string {
  const hash = sentenceId.slice(sentenceId.lastIndexOf(':') + 1);
  const repeat = hash.indexOf('~');
  return repeat < 0 ? hash : hash.slice(0, repeat);
}
