/** Which parts of the labelling screen are drawn at a size, and how many rows the document pane gets. */
export interface ScreenLayout {
  /** Rows of the document pane. */
  pane: number;
  /** Blank rows between the header, the pane, the suggestion and the keys. */
  spacers: boolean;
  /** The line saying why the machine suggests what it does. */
  why: boolean;
  /** Key map rows (2, or 1 when short of rows). */
  keys: 1 | 2;
  /** The document's progress bar (the corpus's is always drawn). */
  documentBar: boolean;
  /** The assignment's progress bar, when there is an assignment. */
  assignedBar: boolean;
}

/** What the screen holds besides the pane. */
export interface LayoutNeeds {
  rows: number;
  /** Rows of the panel under the pane: 1 for the suggestion, or the adjudicator's list of annotators plus 1. */
  panel: number;
  /** The suggestion has a why line (labelling, not adjudicating). */
  why: boolean;
  /** There is an assignment to show progress on. */
  assigned: boolean;
  /** Adjudicating: one progress bar over the queue instead of document and corpus. */
  adjudicating: boolean;
}

/** The document pane is given at least this many rows before the screen drops anything else. */
const MIN_PANE = 6;

/**
 * Lay out the labelling screen: header (2 rows), the document pane, the suggestion (or annotators) panel, the why
 * line, the keys (2), progress bars, the session line and the status line, with blank rows between the groups and one
 * spare row at the bottom (a frame as tall as the terminal makes Ink clear and redraw it whole). When rows are short,
 * parts go in this order until the pane has MIN_PANE rows: the blank rows, the why line, the document and assignment
 * bars, the second key row. The pane takes every row left.
 */
export function screenLayout(needs: LayoutNeeds): ScreenLayout {
  const layout: ScreenLayout = {
    pane: 0,
    spacers: true,
    why: needs.why,
    keys: 2,
    documentBar: !needs.adjudicating,
    assignedBar: needs.assigned && !needs.adjudicating,
  };
  const used = (l: ScreenLayout) =>
    2 + // header
    (l.spacers ? 3 : 0) +
    needs.panel +
    (l.why ? 1 : 0) +
    l.keys +
    (l.documentBar ? 1 : 0) +
    (l.assignedBar ? 1 : 0) +
    1 + // corpus (or decided) bar
    1 + // session line
    1 + // status line
    1; // spare
  const drops: ((l: ScreenLayout) => void)[] = [
    (l) => {
      l.spacers = false;
    },
    (l) => {
      l.why = false;
    },
    (l) => {
      l.documentBar = false;
    },
    (l) => {
      l.assignedBar = false;
    },
    (l) => {
      l.keys = 1;
    },
  ];
  for (const drop of drops) {
    if (needs.rows - used(layout) >= MIN_PANE) break;
    drop(layout);
  }
  layout.pane = Math.max(1, needs.rows - used(layout));
  return layout;
}

/** Rows of the pane in the whole-document view: everything but the header, the suggestion, keys, status and spare. */
export function documentViewPane(rows: number, panel: number): number {
  return Math.max(1, rows - 2 - panel - 1 - 1 - 1);
}
