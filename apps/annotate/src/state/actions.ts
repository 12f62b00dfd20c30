import type { Label } from '@stance/schema';

/** What the screen shows after a blind label: the label given and what the machine would have suggested. */
export interface Reveal {
  given: Label;
  suggested: Label;
  confidence: number;
}

/**
 * Everything that changes the UI state. Actions that follow a write (`labelled`, `retracted`, `noted`, `flagged`) are
 * dispatched only after the log's append has returned, so the screen never runs ahead of the disk. `at` is the clock
 * (ms) when the action happened; the reducer keeps it to time the next sentence and never reads a clock itself.
 */
export type Action =
  | { type: 'labelled'; sentence: string; label: Label; ms: number; at: number; reveal?: Reveal }
  | { type: 'retracted'; sentence: string; label: Label | null; undoneMs: number | null; at: number }
  | { type: 'move'; delta: number; at: number }
  | { type: 'jumpToDocument'; doc: number; at: number }
  | { type: 'submitJump'; at: number }
  | { type: 'openHelp' }
  | { type: 'scrollHelp'; delta: number; max: number }
  | { type: 'openNote' }
  | { type: 'openJump' }
  | { type: 'closeMode' }
  | { type: 'typeText'; text: string }
  | { type: 'deleteChar' }
  | { type: 'noted'; sentence: string; note: string }
  | { type: 'flagged'; sentence: string; on: boolean }
  | { type: 'failed'; message: string }
  | { type: 'say'; message: string };
