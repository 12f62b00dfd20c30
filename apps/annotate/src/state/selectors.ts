import type { Label, Sentence, StanceDocument } from '@stance/schema';
import type { CorpusIndex } from '../model/corpus-index.ts';
import type { AnnotateState } from './state.ts';

/** The label this annotator has given a sentence, if any (this session's changes over the log at start). */
export function labelOf(state: AnnotateState, sentenceId: string): Label | undefined {
  if (state.overlay.has(sentenceId)) return state.overlay.get(sentenceId) ?? undefined;
  return state.base.get(sentenceId);
}

/** Position (into `index.sentences`) of the current sentence, or -1 for an empty corpus. */
export function currentPosition(state: AnnotateState): number {
  return state.order[state.pos] ?? -1;
}

/** The current sentence. */
export function currentSentence(state: AnnotateState): Sentence | undefined {
  const p = currentPosition(state);
  return p < 0 ? undefined : state.index.sentences[p];
}

/** Where the current sentence is: its document (and that document's place), and its place in the document. */
export interface Location {
  doc: StanceDocument;
  docNumber: number;
  docCount: number;
  sentenceNumber: number;
  sentenceCount: number;
  /** Labelled sentences of this document; counted over the document only (O(document), not O(corpus)). */
  docDone: number;
}

/** The current sentence's location, or undefined for an empty corpus. */
export function location(state: AnnotateState): Location | undefined {
  const p = currentPosition(state);
  if (p < 0) return undefined;
  const d = state.index.docOf[p]!;
  const list = state.index.byDoc[d]!;
  let docDone = 0;
  for (const s of list) if (labelOf(state, state.index.sentences[s]!.id) !== undefined) docDone++;
  return {
    doc: state.index.documents[d]!,
    docNumber: d + 1,
    docCount: state.index.documents.length,
    sentenceNumber: state.index.placeInDoc[p]! + 1,
    sentenceCount: list.length,
    docDone,
  };
}

/** Seconds per labelled sentence this session, or undefined before the first label. */
export function secondsPerSentence(state: AnnotateState): number | undefined {
  return state.session.labels > 0 ? state.session.ms / state.session.labels / 1000 : undefined;
}

/** Per position, 1 where the labels at start hold a label; built once per session (`base` never changes). */
const baseMasks = new WeakMap<ReadonlyMap<string, Label>, Uint8Array>();

/** The mask of the labels at start (`initialState` builds it, while it counts them, so no keystroke waits on it). */
export function baseMask(base: ReadonlyMap<string, Label>, index: CorpusIndex): Uint8Array {
  let mask = baseMasks.get(base);
  if (mask === undefined) {
    mask = new Uint8Array(index.sentences.length);
    for (const id of base.keys()) {
      const s = index.positionOf.get(id);
      if (s !== undefined) mask[s] = 1;
    }
    baseMasks.set(base, mask);
  }
  return mask;
}

/**
 * Per position, 1 where the sentence has a label now (`labelOf` for every position at once): the labels at start
 * with this session's changes on top. A ranking arrives for ~70,000 sentences of a 100k corpus; two string-keyed
 * lookups each took the UI thread ~12 ms, enough to hold a keystroke that came at the same moment.
 */
export function labelledMask(state: AnnotateState): Uint8Array {
  const { index } = state;
  const mask = baseMask(state.base, index).slice();
  for (const [id, label] of state.overlay) {
    const s = index.positionOf.get(id);
    if (s !== undefined) mask[s] = label === null ? 0 : 1;
  }
  return mask;
}
