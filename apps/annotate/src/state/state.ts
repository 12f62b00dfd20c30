import type { Label } from '@stance/schema';
import type { CorpusIndex } from '../model/corpus-index.ts';
import type { Reveal } from './actions.ts';
import type { SentenceClock } from './clock.ts';
import { startClock } from './clock.ts';
import { LayeredMap } from './layered-map.ts';
import { baseMask } from './selectors.ts';

/** Which screen or prompt has the keyboard. */
export type Mode = 'label' | 'help' | 'note' | 'jump' | 'search';

/** What the document pane shows: the sentence in its context (default), or the whole document (toggled with `v`). */
export type View = 'context' | 'document';

/**
 * Counts for the session: sentences labelled that had no label before (net of undos) and the active time spent on
 * them; relabels (a sentence that had a label) are counted apart, so they do not inflate the pace.
 */
export interface SessionStats {
  readonly labels: number;
  readonly relabels: number;
  readonly ms: number;
  /** Active ms of each counted label event of this session, by event id (an undo of one takes it back out). */
  readonly counted: LayeredMap<string, number>;
}

/** The suggestion model as the status line tells it: which, how good, since when, and whether one is in training. */
export interface LearningStatus {
  /** Name of the model the suggestions come from (`rules` or a model's name). */
  readonly source: string;
  /** Wall-clock time (ms) the suggestion model last changed; null when it is the one the session started with. */
  readonly updatedAt: number | null;
  /** The live model's cross-validated macro-F1 on your labels, and the previous model's on the same folds. */
  readonly score: { macroF1: number; examples: number; folds: number; previous: number; previousName: string } | null;
  /** A retraining is running in the background. */
  readonly training: boolean;
  /** The queue (`--order uncertain`) is being ranked in the background; until then it is in document order. */
  readonly ranking: boolean;
  /** Something to say about learning (a failure, or why a trained model was not taken). */
  readonly note: string | null;
  /** Bumped when suggestions from the background model arrive, so the screen draws them. */
  readonly version: number;
}

/**
 * The annotation UI's state. Corpus-sized data (`index`, `order`, `orderPos`, `base`) is built once and shared, never
 * copied; what changes per keystroke is small: the position, an overlay of this session's label changes, and counts.
 */
export interface AnnotateState {
  readonly index: CorpusIndex;
  /** Sentence positions in visiting order. */
  readonly order: readonly number[];
  /** Place in `order` of each sentence position (inverse of `order`). */
  readonly orderPos: Int32Array;
  /** Current place in `order`. */
  readonly pos: number;
  /** Labels (by sentence id) the log held at start, for sentences whose text has not changed since. */
  readonly base: ReadonlyMap<string, Label>;
  /** Changes this session on top of `base`; `null` = no label any more (undone). */
  readonly overlay: LayeredMap<string, Label | null>;
  /** Labelled sentences in the corpus, kept up to date incrementally. */
  readonly done: number;
  /** 1 for each document (by position) assigned to this annotator; null without an assignment. */
  readonly assigned: Uint8Array | null;
  /** Labelled sentences in the assigned documents, kept up to date incrementally. */
  readonly assignedDone: number;
  readonly session: SessionStats;
  /** Time on the current sentence (active time, pauses apart). */
  readonly clock: SentenceClock;
  readonly mode: Mode;
  readonly view: View;
  /** Lines the current sentence is scrolled by, when it is longer than its pane. */
  readonly scroll: number;
  /** Text typed into the note, jump or search prompt. */
  readonly input: string;
  /** The last search (`/`), repeated by an empty one. */
  readonly search: string;
  readonly learning: LearningStatus;
  readonly helpScroll: number;
  readonly message: string | null;
  readonly reveal: Reveal | null;
  /** Sentences this annotator has flagged for discussion. */
  readonly flagged: ReadonlySet<string>;
  /** This annotator's notes per sentence id, oldest first (shown under the sentence). */
  readonly notes: ReadonlyMap<string, readonly string[]>;
  /** Walking the disagreement queue: `order` is the queue and labels are adjudication decisions. */
  readonly adjudicating: boolean;
}

/** What the initial state is built from. */
export interface InitialStateInput {
  index: CorpusIndex;
  order: readonly number[];
  base: ReadonlyMap<string, Label>;
  at: number;
  flagged?: ReadonlySet<string>;
  notes?: ReadonlyMap<string, readonly string[]>;
  /** @default false */
  adjudicating?: boolean;
  /** Name of the suggestion model at start. @default 'rules' */
  source?: string;
  /** The order is provisional until the background worker has ranked it (`session.rankPending`). @default false */
  ranking?: boolean;
  /** 1 for each document (by position) assigned to this annotator. */
  assigned?: Uint8Array | null;
}

/** The state at start-up: positioned on the first sentence (in `order`) this annotator has not labelled. */
export function initialState({
  index,
  order,
  base,
  at,
  flagged,
  notes,
  adjudicating,
  source,
  ranking,
  assigned,
}: InitialStateInput): AnnotateState {
  const orderPos = new Int32Array(index.sentences.length).fill(-1);
  order.forEach((s, k) => {
    orderPos[s] = k;
  });
  let done = 0;
  let assignedDone = 0;
  const mask = baseMask(base, index);
  for (let s = 0; s < mask.length; s++) {
    if (mask[s] === 0) continue;
    done++;
    if (assigned?.[index.docOf[s]!] === 1) assignedDone++;
  }
  let pos = order.findIndex((s) => !base.has(index.sentences[s]!.id));
  const message =
    order.length === 0
      ? adjudicating
        ? 'nothing to adjudicate: no sentence where annotators differ'
        : 'the corpus has no sentences'
      : pos < 0
        ? adjudicating
          ? `all ${order.length} disagreements are decided; move with ←/→ to review`
          : 'every sentence is labelled; move with ←/→ to review'
        : null;
  if (pos < 0) pos = 0;
  return {
    index,
    order,
    orderPos,
    pos,
    base,
    overlay: LayeredMap.empty(),
    done,
    assigned: assigned ?? null,
    assignedDone,
    session: { labels: 0, relabels: 0, ms: 0, counted: LayeredMap.empty() },
    clock: startClock(at),
    mode: 'label',
    view: 'context',
    scroll: 0,
    input: '',
    search: '',
    learning: {
      source: source ?? 'rules',
      updatedAt: null,
      score: null,
      training: false,
      ranking: ranking ?? false,
      note: null,
      version: 0,
    },
    helpScroll: 0,
    message,
    reveal: null,
    flagged: flagged ?? new Set(),
    notes: notes ?? new Map(),
    adjudicating: adjudicating ?? false,
  };
}
