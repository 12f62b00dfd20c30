import type { Label } from '@stance/schema';
import type { Action } from './actions.ts';
import { labelOf } from './selectors.ts';
import type { AnnotateState } from './state.ts';

/** The UI's state transition: pure, no I/O, no clock; writes happened before the action that reports them. */
export function reducer(state: AnnotateState, action: Action): AnnotateState {
  switch (action.type) {
    case 'labelled': {
      const changed = withLabel(state, action.sentence, action.label);
      const last = state.pos >= state.order.length - 1;
      return {
        ...changed,
        pos: last ? state.pos : state.pos + 1,
        session: { labels: state.session.labels + 1, ms: state.session.ms + action.ms },
        shownAt: action.at,
        message: last ? lastMessage(changed) : null,
        reveal: action.reveal ?? null,
      };
    }
    case 'retracted': {
      const changed = withLabel(state, action.sentence, action.label);
      const s = state.index.positionOf.get(action.sentence);
      const at = s === undefined ? -1 : state.orderPos[s]!;
      const session =
        action.undoneMs === null
          ? state.session
          : { labels: Math.max(0, state.session.labels - 1), ms: Math.max(0, state.session.ms - action.undoneMs) };
      return {
        ...changed,
        pos: at < 0 ? state.pos : at,
        session,
        shownAt: action.at,
        message: action.label === null ? 'undone' : `undone; the label before it (${action.label}) is back`,
        reveal: null,
      };
    }
    case 'move': {
      const pos = clamp(state.pos + action.delta, 0, state.order.length - 1);
      return pos === state.pos ? state : { ...state, pos, shownAt: action.at, message: null, reveal: null };
    }
    case 'jumpToDocument':
      return goToDocument(state, action.doc, action.at);
    case 'submitJump': {
      const doc = findDocument(state, state.input.trim());
      if (doc < 0) return { ...state, message: `no document matches ${JSON.stringify(state.input.trim())}` };
      return goToDocument({ ...state, mode: 'label', input: '' }, doc, action.at);
    }
    case 'openHelp':
      return { ...state, mode: 'help', helpScroll: 0 };
    case 'scrollHelp':
      return { ...state, helpScroll: clamp(state.helpScroll + action.delta, 0, Math.max(0, action.max)) };
    case 'openNote':
      return { ...state, mode: 'note', input: '', message: null };
    case 'openJump':
      return { ...state, mode: 'jump', input: '', message: null };
    case 'closeMode':
      return { ...state, mode: 'label', input: '' };
    case 'typeText':
      return { ...state, input: state.input + action.text };
    case 'deleteChar':
      return { ...state, input: [...state.input].slice(0, -1).join('') };
    case 'noted': {
      // A new map of a few entries per noted sentence: notes are rare, and the state stays immutable.
      const notes = new Map(state.notes);
      notes.set(action.sentence, [...(state.notes.get(action.sentence) ?? []), action.note]);
      return { ...state, notes, mode: 'label', input: '', message: 'note saved' };
    }
    case 'flagged': {
      const flagged = new Set(state.flagged);
      if (action.on) flagged.add(action.sentence);
      else flagged.delete(action.sentence);
      return { ...state, flagged, message: action.on ? 'flagged for discussion' : 'flag removed' };
    }
    case 'failed':
      return { ...state, message: action.message };
    case 'say':
      return { ...state, message: action.message };
  }
}

/** State with one sentence's label changed, keeping the corpus count in step. */
function withLabel(state: AnnotateState, sentence: string, label: Label | null): AnnotateState {
  const before = labelOf(state, sentence) !== undefined;
  const after = label !== null;
  const overlay = new Map(state.overlay);
  overlay.set(sentence, label);
  const known = state.index.positionOf.has(sentence);
  return { ...state, overlay, done: state.done + (known ? Number(after) - Number(before) : 0) };
}

function lastMessage(state: AnnotateState): string {
  const total = state.order.length;
  if (state.adjudicating)
    return state.done >= total ? `all ${total} disagreements decided` : 'last disagreement; ←/k goes back';
  return state.done >= total ? `all ${total} sentences labelled` : 'last sentence; ←/k goes back, g jumps';
}

/**
 * Go to a document: its first visited sentence without a label (else its first visited sentence). When adjudicating
 * only queued sentences are visited, so a document may have none.
 */
function goToDocument(state: AnnotateState, doc: number, at: number): AnnotateState {
  const list = state.index.byDoc[doc]?.filter((s) => state.orderPos[s]! >= 0);
  if (!list || list.length === 0)
    return {
      ...state,
      message: state.adjudicating ? 'that document has no disagreements' : 'that document has no sentences',
    };
  const target = list.find((s) => labelOf(state, state.index.sentences[s]!.id) === undefined) ?? list[0]!;
  return { ...state, pos: state.orderPos[target]!, shownAt: at, message: null, reveal: null };
}

/** A document by its number (1-based), its id, or a piece of its title (first match); -1 when none. */
export function findDocument(state: AnnotateState, query: string): number {
  if (query === '') return -1;
  const docs = state.index.documents;
  if (/^\d+$/.test(query)) {
    const n = Number(query);
    return n >= 1 && n <= docs.length ? n - 1 : -1;
  }
  const exact = docs.findIndex((d) => d.id === query);
  if (exact >= 0) return exact;
  const q = query.toLowerCase();
  return docs.findIndex((d) => d.title.toLowerCase().includes(q) || d.id.toLowerCase().startsWith(q));
}

function clamp(value: number, low: number, high: number): number {
  return Math.min(Math.max(value, low), Math.max(low, high));
}
