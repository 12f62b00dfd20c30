import type { Label } from '@stance/schema';
import type { CorpusIndex } from '../model/corpus-index.ts';
import type { Reveal } from './actions.ts';

/** Which screen or prompt has the keyboard. */
export type Mode = 'label' | 'help' | 'note' | 'jump';

/** Counts for the session: labels given (net of undos) and the time spent on them. */
export interface SessionStats {
  labels: number;
  ms: number;
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
  readonly overlay: ReadonlyMap<string, Label | null>;
  /** Labelled sentences in the corpus, kept up to date incrementally. */
  readonly done: number;
  readonly session: SessionStats;
  /** Clock (ms) when the current sentence was shown. */
  readonly shownAt: number;
  readonly mode: Mode;
  /** Text typed into the note or jump prompt. */
  readonly input: string;
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
}: InitialStateInput): AnnotateState {
  const orderPos = new Int32Array(index.sentences.length).fill(-1);
  order.forEach((s, k) => {
    orderPos[s] = k;
  });
  let done = 0;
  for (const id of base.keys()) if (index.positionOf.has(id)) done++;
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
    overlay: new Map(),
    done,
    session: { labels: 0, ms: 0 },
    shownAt: at,
    mode: 'label',
    input: '',
    helpScroll: 0,
    message,
    reveal: null,
    flagged: flagged ?? new Set(),
    notes: notes ?? new Map(),
    adjudicating: adjudicating ?? false,
  };
}
