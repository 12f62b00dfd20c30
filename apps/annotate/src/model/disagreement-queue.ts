import type { AnnotationEvent, Label } from '@stance/schema';
import { textHash } from '@stance/schema';
import { foldLabels, foldNotes } from '@stance/store';
import type { CorpusIndex } from './corpus-index.ts';
import { judgementEvents } from './log-roles.ts';

/** What one annotator said about a sentence: their current label (null if none) and their notes, in log order. */
export interface AnnotatorView {
  annotator: string;
  label: Label | null;
  notes: string[];
}

/** Why a sentence is in the queue: its annotators differ, or (with `minAnnotators`) too few labelled it for gold. */
export type QueueReason = 'disagreement' | 'too-few-annotators';

/** One sentence to adjudicate: its position in the corpus index and every annotator's view of it (sorted by name). */
export interface QueueItem {
  position: number;
  reason: QueueReason;
  views: AnnotatorView[];
}

/** Options of disagreementQueue. */
export interface QueueOptions {
  /**
   * Also queue sentences with at least one label but fewer than this many annotators (the ones `stance export`
   * would exclude as too-few-annotators). Off when undefined.
   */
  minAnnotators?: number | undefined;
}

/**
 * The adjudication queue, in document order: sentences whose current labels by annotators other than `adjudicator`
 * differ, counting only labels given to the sentence's current text (matching text hash). Adjudication events in
 * anyone's log are decisions, not judgements, and are left out. Notes (also of annotators without a label there)
 * come along for the screen.
 */
export function disagreementQueue(
  index: CorpusIndex,
  logs: ReadonlyMap<string, readonly AnnotationEvent[]>,
  adjudicator: string,
  options: QueueOptions = {},
): QueueItem[] {
  const names = [...logs.keys()].filter((n) => n !== adjudicator).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  // sentence id → per-annotator label (with the hash it was given for) and notes
  const labels = new Map<string, { annotator: string; label: Label; hash: string }[]>();
  const notes = new Map<string, Map<string, string[]>>();
  for (const name of names) {
    const events = judgementEvents(logs.get(name)!);
    for (const [id, current] of foldLabels(events)) {
      if (!index.positionOf.has(id)) continue;
      const list = labels.get(id) ?? [];
      list.push({ annotator: name, label: current.label, hash: current.textHash });
      labels.set(id, list);
    }
    for (const [id, list] of foldNotes(events)) {
      if (!index.positionOf.has(id)) continue;
      const byName = notes.get(id) ?? new Map<string, string[]>();
      byName.set(name, list);
      notes.set(id, byName);
    }
  }
  const items: QueueItem[] = [];
  for (const [id, given] of labels) {
    const position = index.positionOf.get(id)!;
    const hash = textHash(index.sentences[position]!.text);
    const current = given.filter((g) => g.hash === hash);
    if (current.length === 0) continue;
    const differ = new Set(current.map((g) => g.label)).size > 1;
    const few = options.minAnnotators !== undefined && current.length < options.minAnnotators;
    if (!differ && !few) continue;
    const labelOf = new Map(current.map((g) => [g.annotator, g.label]));
    const noted = notes.get(id) ?? new Map<string, string[]>();
    const views = names
      .filter((n) => labelOf.has(n) || noted.has(n))
      .map((n) => ({ annotator: n, label: labelOf.get(n) ?? null, notes: noted.get(n) ?? [] }));
    items.push({ position, reason: differ ? 'disagreement' : 'too-few-annotators', views });
  }
  // Document order: documents in corpus order, sentences in reading order.
  return items.sort(
    (a, b) =>
      index.docOf[a.position]! - index.docOf[b.position]! ||
      index.placeInDoc[a.position]! - index.placeInDoc[b.position]!,
  );
}
