import type { AnnotateSession } from '../session/session.ts';
import { currentPosition, labelOf } from '../state/selectors.ts';
import type { AnnotateState } from '../state/state.ts';
import type { Pane } from './document-pane.ts';
import { layoutPane, paragraphStarts } from './document-pane.ts';
import type { ScreenLayout } from './screen-layout.ts';
import { documentViewPane, screenLayout } from './screen-layout.ts';
import type { Suggested } from './suggester.ts';

/** Everything the labelling screen draws that depends on its size: which parts, and the document pane's rows. */
export interface ScreenPlan {
  layout: ScreenLayout;
  pane: Pane;
  /** Columns of the pane's gutter. */
  gutter: number;
  /** Annotators whose labels the gutter shows (adjudicating), else 0. */
  others: number;
  /** Rows the adjudicator's list of annotators may take. */
  viewLines: number;
}

// Paragraph starts per document (keyed by the document's list of sentence positions, built once per corpus).
const paragraphsOf = new WeakMap<readonly number[], boolean[]>();

/** Columns of the gutter: pointer, label, flag, space; when adjudicating one letter per annotator and a space more. */
export function gutterColumns(others: number): number {
  return others > 0 ? 4 + others + 1 : 4;
}

/**
 * Plan the labelling screen at `columns` x `rows`: the layout of its parts and the rows of the document pane. Pure,
 * and it looks at the current document only.
 */
export function planScreen(
  session: AnnotateSession,
  state: AnnotateState,
  suggestion: Suggested | null,
  columns: number,
  rows: number,
): ScreenPlan | null {
  const p = currentPosition(state);
  if (p < 0) return null;
  const { index } = state;
  const doc = index.docOf[p]!;
  const list = index.byDoc[doc]!;
  let starts = paragraphsOf.get(list);
  if (!starts) {
    starts = paragraphStarts(
      index.documents[doc]!.text,
      list.map((s) => index.sentences[s]!),
    );
    paragraphsOf.set(list, starts);
  }
  const adjudication = session.adjudication;
  const others = adjudication ? Math.min(adjudication.annotators.length, 8) : 0;
  const gutter = gutterColumns(others);
  const sentence = index.sentences[p]!;
  const views = adjudication?.views.get(sentence.id) ?? [];
  const room = rows - 12;
  const viewLines = adjudication ? Math.min(Math.max(1, views.length), Math.max(1, Math.floor(room / 2))) : 0;
  const layout = screenLayout({
    rows,
    panel: adjudication ? viewLines + 1 : 1,
    why: !adjudication,
    assigned: session.assigned !== null,
    adjudicating: adjudication !== null,
  });
  const paneRows = state.view === 'document' ? documentViewPane(rows, adjudication ? viewLines + 1 : 1) : layout.pane;
  const labelled = labelOf(state, sentence.id) !== undefined;
  const cues = suggestion && !(session.blind && !labelled) ? suggestion.cues : [];
  const notes = state.notes.get(sentence.id);
  const last = notes?.at(-1);
  const note = last === undefined ? null : `“${last}”${notes!.length > 1 ? ` (+${notes!.length - 1} earlier)` : ''}`;
  const pane = layoutPane({
    texts: list.map((s) => index.sentences[s]!.text),
    paragraphStarts: starts,
    current: index.placeInDoc[p]!,
    cues,
    note,
    width: columns - 1 - gutter,
    rows: paneRows,
    scroll: state.scroll,
  });
  return { layout, pane, gutter, others, viewLines };
}
