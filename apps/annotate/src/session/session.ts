import type { AnnotationEvent, Label, Sentence, StanceDocument } from '@stance/schema';
import type { AnnotatorLog } from '@stance/store';
import { foldFlags, foldLabels, foldNotes } from '@stance/store';
import type { CorpusIndex } from '../model/corpus-index.ts';
import { documentOrder, indexCorpus, uncertainOrder } from '../model/corpus-index.ts';
import type { AnnotatorView, QueueItem } from '../model/disagreement-queue.ts';
import { disagreementQueue } from '../model/disagreement-queue.ts';
import { adjudicationEvents, judgementEvents } from '../model/log-roles.ts';
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
  readonly suggester: Suggester;
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
}

/** The adjudication walk: the queue, and each queued sentence's annotator views by sentence id. */
export interface Adjudication {
  readonly queue: readonly QueueItem[];
  readonly views: ReadonlyMap<string, readonly AnnotatorView[]>;
  /** Annotators (other than the adjudicator) with at least one log, sorted. */
  readonly annotators: readonly string[];
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
  labeler: Labeler;
  model?: SuggestionModel | null;
  order?: VisitOrder;
  blind?: boolean;
  now?: () => number;
  /** Walk the disagreement queue as this log's adjudicator instead of annotating. */
  adjudicate?: AdjudicateInput;
}

/** Build a session: index the corpus, fold this annotator's log, and order the sentences. */
export function createSession(input: SessionInput): AnnotateSession {
  const index = indexCorpus(input.corpus.documents, input.corpus.sentences);
  const suggester = createSuggester(index, input.labeler, input.model ?? null);
  if (input.adjudicate !== undefined) return adjudicationSession(input, index, suggester, input.adjudicate);
  const base = new Map<string, Label>();
  let stale = 0;
  for (const [id, current] of foldLabels(judgementEvents(input.log.events))) {
    if (!index.positionOf.has(id)) continue;
    if (current.textHash.startsWith(idHashOf(id))) base.set(id, current.label);
    else stale++;
  }
  const orderName = input.order ?? 'document';
  let order: number[];
  if (orderName === 'uncertain') {
    // Only what is left to label needs ranking: documents labelled through are not run through the model, and
    // labelled sentences go last (in document order), where review finds them.
    const done = (s: number) => base.has(index.sentences[s]!.id);
    const confidence = suggester.all((doc) => index.byDoc[doc]!.every(done));
    order = uncertainOrder(index, (s) => (done(s) ? Number.POSITIVE_INFINITY : confidence[s]!));
  } else order = documentOrder(index);
  return {
    annotator: input.log.annotator,
    index,
    order,
    orderName,
    suggester,
    log: input.log,
    guideline: input.corpus.guideline,
    blind: input.blind ?? false,
    base,
    flagged: foldFlags(input.log.events),
    notes: foldNotes(input.log.events),
    stale,
    now: input.now ?? Date.now,
    adjudication: null,
  };
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
    log: input.log,
    guideline: input.corpus.guideline,
    blind: false,
    base,
    flagged: foldFlags(input.log.events),
    notes: foldNotes(input.log.events),
    stale,
    now: input.now ?? Date.now,
    adjudication: {
      queue,
      views,
      annotators: [...adjudicate.logs.keys()].filter((n) => n !== annotator).sort(),
    },
  };
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
