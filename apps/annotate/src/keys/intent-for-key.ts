import type { Label } from '@stance/schema';
import type { Action, SeekTarget } from '../state/actions.ts';
import type { Mode } from '../state/state.ts';

/** The parts of Ink's `Key` the key map reads (so tests can build keys by hand). */
export interface KeyInfo {
  upArrow?: boolean;
  downArrow?: boolean;
  leftArrow?: boolean;
  rightArrow?: boolean;
  pageUp?: boolean;
  pageDown?: boolean;
  return?: boolean;
  escape?: boolean;
  ctrl?: boolean;
  backspace?: boolean;
  delete?: boolean;
  home?: boolean;
  end?: boolean;
  tab?: boolean;
  shift?: boolean;
  /** Alt (or Esc read together with the next character, which terminals send the same way). */
  meta?: boolean;
}

/**
 * What a keystroke asks for: a plain state change, or an effect the controller performs (writes go to the log first,
 * then the controller dispatches the action that reports them).
 */
export type Intent =
  | { kind: 'dispatch'; action: DispatchableAction }
  | { kind: 'label'; label: Label }
  | { kind: 'accept' }
  | { kind: 'undo' }
  | { kind: 'note'; text: string }
  | { kind: 'flag' }
  | { kind: 'scrollHelp'; delta: number }
  | { kind: 'scrollSentence' }
  | { kind: 'quit' }
  | { kind: 'suspend' }
  | { kind: 'none' };

/** Actions a key dispatches directly; `at` is filled in by the controller from its clock. */
export type DispatchableAction = Action extends infer A
  ? A extends { at: number }
    ? Omit<A, 'at'> & { at?: number }
    : A
  : never;

/** Label keys: one keystroke per label, letters or digits 1-4. */
export const LABEL_FOR_KEY: Readonly<Record<string, Label>> = {
  f: 'fact',
  q: 'quote',
  o: 'opinion',
  s: 'skip',
  '1': 'fact',
  '2': 'quote',
  '3': 'opinion',
  '4': 'skip',
};

/** The key map: what `input`/`key` mean in `mode`. Pure, so every binding is tested without a terminal. */
export function intentForKey(input: string, key: KeyInfo, mode: Mode): Intent {
  if (key.ctrl && input === 'c') return { kind: 'quit' };
  // Raw mode makes Ctrl-Z a key, not the terminal's stop signal: the controller suspends the job itself.
  if (key.ctrl && input === 'z') return { kind: 'suspend' };
  switch (mode) {
    case 'label':
      return labelModeIntent(input, key);
    case 'help':
      if (key.escape || input === '?' || input === 'q') return dispatch({ type: 'closeMode' });
      if (key.upArrow || input === 'k') return { kind: 'scrollHelp', delta: -1 };
      if (key.downArrow || input === 'j') return { kind: 'scrollHelp', delta: 1 };
      if (key.pageUp) return { kind: 'scrollHelp', delta: -10 };
      if (key.pageDown || input === ' ') return { kind: 'scrollHelp', delta: 10 };
      return { kind: 'none' };
    case 'note':
    case 'jump':
    case 'search':
      if (key.escape) return dispatch({ type: 'closeMode' });
      if (key.return)
        return mode === 'note'
          ? { kind: 'note', text: '' }
          : dispatch({ type: mode === 'jump' ? 'submitJump' : 'submitSearch' });
      if (key.backspace || key.delete) return dispatch({ type: 'deleteChar' });
      if (key.ctrl || key.meta || key.tab || key.upArrow || key.downArrow || key.leftArrow || key.rightArrow)
        return { kind: 'none' };
      // Pasted text arrives as one input; keep printable characters only.
      return input === '' ? { kind: 'none' } : dispatch({ type: 'typeText', text: printable(input) });
  }
}

function labelModeIntent(input: string, key: KeyInfo): Intent {
  if (key.escape) return { kind: 'quit' };
  // Alt+key is no binding: Alt+f must not label (Ink's useInput used to hand it over as a plain `f`).
  if (key.meta) return { kind: 'none' };
  if (key.return) return { kind: 'accept' };
  if (key.tab) return dispatch({ type: 'seek', target: 'unlabelled', delta: key.shift ? -1 : 1 });
  if (key.backspace || key.delete || input === 'u') return { kind: 'undo' };
  if (key.rightArrow || key.downArrow || input === 'j') return dispatch({ type: 'move', delta: 1 });
  if (key.leftArrow || key.upArrow || input === 'k') return dispatch({ type: 'move', delta: -1 });
  if (key.pageDown) return dispatch({ type: 'move', delta: 10 });
  if (key.pageUp) return dispatch({ type: 'move', delta: -10 });
  if (key.ctrl) return { kind: 'none' };
  const label = LABEL_FOR_KEY[input];
  if (label) return { kind: 'label', label };
  const seek = SEEK_FOR_KEY[input];
  if (seek) return dispatch({ type: 'seek', ...seek });
  switch (input) {
    case 'n':
      return dispatch({ type: 'openNote' });
    case '!':
      return { kind: 'flag' };
    case '?':
      return dispatch({ type: 'openHelp' });
    case 'g':
      return dispatch({ type: 'openJump' });
    case '/':
      return dispatch({ type: 'openSearch' });
    case 'v':
      return dispatch({ type: 'toggleView' });
    case ' ':
      return { kind: 'scrollSentence' };
    default:
      return { kind: 'none' };
  }
}

/** Bracket pairs move to the next / previous sentence of a kind: [ ] unlabelled, { } flagged, ( ) with a note. */
const SEEK_FOR_KEY: Readonly<Record<string, { target: SeekTarget; delta: 1 | -1 }>> = {
  ']': { target: 'unlabelled', delta: 1 },
  '[': { target: 'unlabelled', delta: -1 },
  '}': { target: 'flagged', delta: 1 },
  '{': { target: 'flagged', delta: -1 },
  ')': { target: 'noted', delta: 1 },
  '(': { target: 'noted', delta: -1 },
};

function dispatch(action: DispatchableAction): Intent {
  return { kind: 'dispatch', action };
}

function printable(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f]/g, '');
}
