import type { Label, Sentence, StanceDocument } from '@stance/schema';
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
