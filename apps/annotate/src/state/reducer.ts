import type { Label } from '@stance/schema';
import { foldForSearch } from '../model/search-text.ts';
import type { Action, SeekTarget } from './actions.ts';
import { pauseClock, startClock, tickClock } from './clock.ts';
import { labelledMask, labelOf } from './selectors.ts';
import type { AnnotateState } from './state.ts';

/** The UI's state transition: pure, no I/O, no clock; writes happened before the action that reports them. */
export function reducer(state: AnnotateState, action: Action): AnnotateState {
  switch (action.type) {
    case 'labelled': {
      const before = labelOf(state, action.sentence);
      const changed = withLabel(state, action.sentence, action.label);
      if (before !== undefined) {
        // A relabel stays put: it is a correction made while reviewing, and moving on would lose the place.
        const what = state.adjudicating ? 'decision' : 'relabelled';
        return {
          ...changed,
          session: { ...state.session, relabels: state.session.relabels + 1 },
          clock: startClock(action.at),
          message: `${what} ${before} → ${action.label}; ] goes to the next unlabelled`,
          reveal: action.reveal ?? null,
        };
      }
      const last = state.pos >= state.order.length - 1;
      const counted = state.session.counted.set(action.event, action.ms);
      return {
        ...changed,
        pos: last ? state.pos : state.pos + 1,
        session: {
          ...state.session,
          labels: state.session.labels + 1,
          ms: state.session.ms + action.ms,
          counted,
        },
        clock: startClock(action.at),
        scroll: 0,
        message: last ? lastMessage(changed) : null,
        reveal: action.reveal ?? null,
      };
    }
    case 'retracted': {
      const changed = withLabel(state, action.sentence, action.label);
      const s = state.index.positionOf.get(action.sentence);
      const at = s === undefined ? -1 : state.orderPos[s]!;
      const undoneMs = state.session.counted.get(action.target);
      let session = state.session;
      if (undoneMs !== undefined) {
        const counted = session.counted.delete(action.target);
        session = { ...session, labels: session.labels - 1, ms: session.ms - undoneMs, counted };
      }
      return {
        ...changed,
        pos: at < 0 ? state.pos : at,
        session,
        clock: startClock(action.at),
        scroll: at < 0 || at === state.pos ? state.scroll : 0,
        message: action.label === null ? 'undone' : `undone; the label before it (${action.label}) is back`,
        reveal: null,
      };
    }
    case 'activity':
      return { ...state, clock: tickClock(state.clock, action.at, action.capMs) };
    case 'idle':
      return state.clock.paused ? state : { ...state, clock: { ...state.clock, paused: true } };
    case 'move':
      return goTo(state, clamp(state.pos + action.delta, 0, state.order.length - 1), action.at);
    case 'seek':
      return seek(state, action.target, action.delta, action.at);
    case 'jumpToDocument':
      return goToDocument(state, action.doc, action.at);
    case 'submitJump': {
      const doc = findDocument(state, state.input.trim());
      if (doc < 0) return { ...state, message: `no document matches ${JSON.stringify(state.input.trim())}` };
      return goToDocument({ ...state, mode: 'label', input: '' }, doc, action.at);
    }
    case 'submitSearch':
      return search({ ...state, mode: 'label', input: '' }, state.input.trim() || state.search, action.at);
    case 'openHelp':
      return { ...state, mode: 'help', helpScroll: 0 };
    case 'scrollHelp':
      return { ...state, helpScroll: clamp(state.helpScroll + action.delta, 0, Math.max(0, action.max)) };
    case 'scrollSentence': {
      if (action.max <= 0) return state.scroll === 0 ? state : { ...state, scroll: 0 };
      const scroll = state.scroll >= action.max ? 0 : Math.min(action.max, state.scroll + Math.max(1, action.page));
      return { ...state, scroll };
    }
    case 'toggleView':
      return { ...state, view: state.view === 'context' ? 'document' : 'context', scroll: 0 };
    case 'openNote':
      return { ...state, mode: 'note', input: '', message: null };
    case 'openJump':
      return { ...state, mode: 'jump', input: '', message: null };
    case 'openSearch':
      return { ...state, mode: 'search', input: '', message: null };
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
    case 'learning':
      return { ...state, learning: { ...state.learning, ...action.status } };
    case 'reranked':
      return rerank(state, action.ranked);
    case 'failed':
      return { ...state, message: action.message };
    case 'say':
      return { ...state, message: action.message };
    case 'resumed':
      return { ...state, clock: pauseClock(state.clock, action.at), message: 'resumed after Ctrl-Z' };
  }
}

/** State with one sentence's label changed, keeping the corpus count in step. */
function withLabel(state: AnnotateState, sentence: string, label: Label | null): AnnotateState {
  const before = labelOf(state, sentence) !== undefined;
  const after = label !== null;
  const overlay = state.overlay.set(sentence, label);
  const s = state.index.positionOf.get(sentence);
  const change = s === undefined ? 0 : Number(after) - Number(before);
  const mine = s !== undefined && state.assigned?.[state.index.docOf[s]!] === 1;
  return {
    ...state,
    overlay,
    done: state.done + change,
    assignedDone: state.assignedDone + (mine ? change : 0),
  };
}

/** Go to place `pos` of the order: a new sentence gets a new clock and its scroll back at the top. */
function goTo(state: AnnotateState, pos: number, at: number, message: string | null = null): AnnotateState {
  if (pos === state.pos) return message === null ? state : { ...state, message };
  return { ...state, pos, clock: startClock(at), scroll: 0, message, reveal: null };
}

function lastMessage(state: AnnotateState): string {
  const total = state.order.length;
  if (state.adjudicating)
    return state.done >= total ? `all ${total} disagreements decided` : 'last disagreement; ←/k goes back';
  return state.done >= total ? `all ${total} sentences labelled` : 'last sentence; ←/k goes back, g jumps';
}

/**
 * The next (`delta` 1) or previous (-1) place in the order holding an unlabelled, flagged or noted sentence, going
 * round the end. Flags and notes are few, so their places are compared directly; unlabelled sentences are walked to.
 */
function seek(state: AnnotateState, target: SeekTarget, delta: 1 | -1, at: number): AnnotateState {
  const n = state.order.length;
  if (n === 0) return state;
  const what = target === 'unlabelled' ? (state.adjudicating ? 'undecided' : 'unlabelled') : target;
  let found = -1;
  if (target === 'unlabelled') {
    for (let step = 1; step <= n && found < 0; step++) {
      const k = (((state.pos + delta * step) % n) + n) % n;
      if (labelOf(state, state.index.sentences[state.order[k]!]!.id) === undefined) found = k;
    }
  } else {
    const ids = target === 'flagged' ? state.flagged : state.notes.keys();
    let best = Number.POSITIVE_INFINITY;
    for (const id of ids) {
      const s = state.index.positionOf.get(id);
      const k = s === undefined ? -1 : state.orderPos[s]!;
      if (k < 0 || k === state.pos) continue;
      const distance = ((((k - state.pos) * delta) % n) + n) % n;
      if (distance < best) {
        best = distance;
        found = k;
      }
    }
  }
  if (found < 0) return { ...state, message: `no other ${what} sentence` };
  const wrapped = delta > 0 ? found < state.pos : found > state.pos;
  return goTo(state, found, at, wrapped ? `${what}: went round to the ${delta > 0 ? 'start' : 'end'}` : null);
}

/** The next sentence (in the order, after the current one, going round) whose text contains `query`. */
function search(state: AnnotateState, query: string, at: number): AnnotateState {
  if (query === '') return { ...state, message: 'type what to search for after /' };
  const needle = foldForSearch(query);
  const n = state.order.length;
  for (let step = 1; step <= n; step++) {
    const k = (state.pos + step) % n;
    if (!foldForSearch(state.index.sentences[state.order[k]!]!.text).includes(needle)) continue;
    const wrapped = k <= state.pos ? ' (went round to the start)' : '';
    const moved = goTo({ ...state, search: query }, k, at, `found “${query}”${wrapped}; / and Enter finds the next`);
    return moved;
  }
  return { ...state, search: query, message: `no sentence contains “${query}”` };
}

/**
 * New order after a ranking: walked places stay, then the ranked pool (its sentences of assigned documents first,
 * as the queue had them), then the rest in their old order.
 */
function rerank(state: AnnotateState, ranked: ArrayLike<number>): AnnotateState {
  const { order, orderPos, pos, assigned, index } = state;
  const labelled = labelledMask(state);
  const inPool = new Uint8Array(index.sentences.length);
  const next: number[] = order.slice(0, pos + 1);
  const others: number[] = [];
  for (let i = 0; i < ranked.length; i++) {
    const s = ranked[i]!;
    const k = orderPos[s] ?? -1;
    if (k <= pos || inPool[s] === 1 || labelled[s] === 1) continue;
    inPool[s] = 1;
    if (assigned !== null && assigned[index.docOf[s]!] !== 1) others.push(s);
    else next.push(s);
  }
  for (const s of others) next.push(s);
  for (let k = pos + 1; k < order.length; k++) if (inPool[order[k]!] !== 1) next.push(order[k]!);
  const newPos = new Int32Array(index.sentences.length).fill(-1);
  for (let k = 0; k < next.length; k++) newPos[next[k]!] = k;
  return { ...state, order: next, orderPos: newPos };
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
  return { ...goTo(state, state.orderPos[target]!, at), message: null };
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
