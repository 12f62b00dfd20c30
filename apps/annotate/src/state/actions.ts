import type { Label } from '@stance/schema';
import type { LearningStatus } from './state.ts';

/** What the screen shows after a blind label: the label given and what the machine would have suggested. */
export interface Reveal {
  given: Label;
  suggested: Label;
  confidence: number;
  /** The model that made the suggestion. */
  model: string;
}

/** What `seek` looks for: the next (or previous) sentence without a label, with a flag, or with a note. */
export type SeekTarget = 'unlabelled' | 'flagged' | 'noted';

/**
 * Everything that changes the UI state. Actions that follow a write (`labelled`, `retracted`, `noted`, `flagged`) are
 * dispatched only after the log's append has returned, so the screen never runs ahead of the disk. `at` is the clock
 * (ms) when the action happened; the reducer keeps it to time the next sentence and never reads a clock itself.
 */
export type Action =
  /** A label was written (event `event`, with `ms` of active time): a new label moves on, a relabel stays put. */
  | { type: 'labelled'; sentence: string; label: Label; ms: number; event: string; at: number; reveal?: Reveal }
  /** An undo was written: `target` is the undone event, `label` what the sentence has now. */
  | { type: 'retracted'; sentence: string; label: Label | null; target: string; at: number }
  /** A key was pressed at `at` (before it acts): time on the sentence counts, gaps capped at `capMs`. */
  | { type: 'activity'; at: number; capMs: number }
  /** No key for longer than the cap: the clock shows as paused. */
  | { type: 'idle' }
  | { type: 'move'; delta: number; at: number }
  | { type: 'seek'; target: SeekTarget; delta: 1 | -1; at: number }
  | { type: 'jumpToDocument'; doc: number; at: number }
  | { type: 'submitJump'; at: number }
  | { type: 'submitSearch'; at: number }
  | { type: 'openHelp' }
  | { type: 'scrollHelp'; delta: number; max: number }
  /** Space: scroll a sentence longer than its pane by `page` lines, back to its top after its end. */
  | { type: 'scrollSentence'; page: number; max: number }
  | { type: 'toggleView' }
  | { type: 'openNote' }
  | { type: 'openJump' }
  | { type: 'openSearch' }
  | { type: 'closeMode' }
  | { type: 'typeText'; text: string }
  | { type: 'deleteChar' }
  | { type: 'noted'; sentence: string; note: string }
  | { type: 'flagged'; sentence: string; on: boolean }
  /** The background model changed, finished or failed; the fields given replace the status's. */
  | { type: 'learning'; status: Partial<LearningStatus> }
  /**
   * The background model ranked a pool of unlabelled sentences (positions, least confident first): they follow the
   * current sentence, the sentences already walked stay where they are, the rest keep their order after the pool.
   */
  | { type: 'reranked'; ranked: ArrayLike<number> }
  | { type: 'failed'; message: string }
  | { type: 'say'; message: string }
  /** Back from Ctrl-Z at `at`: the time suspended is a pause on the sentence's clock. */
  | { type: 'resumed'; at: number };
