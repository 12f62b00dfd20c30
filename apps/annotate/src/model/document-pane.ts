import type { Cue } from '@stance/schema';
import { stripControl } from '@stance/text';
import type { TextRun } from './fit-text.ts';
import { highlightRuns } from './fit-text.ts';
import { wrapRanges } from './wrap-text.ts';

/** One row of the document pane. `sentence` is the sentence's place in its document (-1 for rows of no sentence). */
export type PaneLine =
  | {
      kind: 'sentence';
      sentence: number;
      /** The first row of the sentence: its gutter shows the label (later rows leave it blank). */
      first: boolean;
      current: boolean;
      runs: readonly TextRun[];
    }
  /** The newest note on the current sentence (and how many earlier ones). */
  | { kind: 'note'; text: string }
  /** A blank row between paragraphs. */
  | { kind: 'gap' }
  /** `(start of document)` / `(end of document)`. */
  | { kind: 'edge'; text: string }
  /** The current sentence goes on below (or it is scrolled to its end): how to see the rest. */
  | { kind: 'more'; text: string };

/** What the pane is drawn from: the current document, which of its sentences is current, and the room there is. */
export interface PaneInput {
  /** The document's sentence texts, in reading order. */
  texts: readonly string[];
  /** For each sentence after the first: whether a paragraph starts with it (a blank line before it in the text). */
  paragraphStarts: readonly boolean[];
  /** Place of the current sentence in the document. */
  current: number;
  /** Cue spans of the current sentence to highlight (none when suggestions are hidden). */
  cues: readonly Cue[];
  /** The newest note on the current sentence, with the count of earlier ones, if any. */
  note: string | null;
  /** Columns for the text (the gutter is not counted). */
  width: number;
  rows: number;
  /** Lines the current sentence is scrolled by (when it is longer than the pane). */
  scroll: number;
}

/** The pane's rows, and how far the current sentence can scroll (0 when it fits). */
export interface Pane {
  lines: PaneLine[];
  /** Most lines the current sentence can be scrolled by; 0 when it is whole on screen. */
  maxScroll: number;
  /** Rows a Space scrolls by. */
  page: number;
}

/**
 * Lay out the document around the current sentence in `rows` rows: the current sentence always whole (when it is
 * longer than the pane, a window of it with a line saying how to scroll), then as much of the document before and
 * after it as fits, about half each, a side that runs out giving its rows to the other. Neighbouring sentences are
 * wrapped whole; the one at each edge of the pane is cut (its end shows above, its start below). Only the sentences
 * that can show are wrapped, so a long document costs no more than a short one.
 */
export function layoutPane(input: PaneInput): Pane {
  const rows = Math.max(1, input.rows);
  const width = Math.max(4, input.width);
  const runs = highlightRuns(input.texts[input.current] ?? '', input.cues);
  const own: PaneLine[] = wrapRuns(runs, width).map((line, k) => ({
    kind: 'sentence',
    sentence: input.current,
    first: k === 0,
    current: true,
    runs: line,
  }));
  if (input.note !== null) own.push({ kind: 'note', text: input.note });
  if (own.length > rows) {
    // Longer than the pane: a window of the sentence and one row saying where it is.
    const room = Math.max(1, rows - 1);
    const maxScroll = own.length - room;
    const from = Math.min(Math.max(0, input.scroll), maxScroll);
    const left = own.length - from - room;
    const more =
      left > 0
        ? `↓ ${left} more ${left === 1 ? 'line' : 'lines'} · Space scrolls`
        : '↑ end of the sentence · Space goes back to its start';
    const lines =
      rows === 1
        ? own.slice(from, from + 1)
        : [...own.slice(from, from + room), { kind: 'more', text: more } as PaneLine];
    return { lines, maxScroll, page: Math.max(1, room - 1) };
  }
  const spare = rows - own.length;
  const above = linesAbove(input, width, spare);
  const below = linesBelow(input, width, spare);
  let a = Math.min(above.length, Math.floor(spare / 2));
  const b = Math.min(below.length, spare - a);
  a = Math.min(above.length, spare - b);
  return { lines: [...above.slice(0, a).reverse(), ...own, ...below.slice(0, b)], maxScroll: 0, page: 1 };
}

/** Rows before the current sentence, nearest first (each sentence's rows bottom-up), at most `limit`. */
function linesAbove(input: PaneInput, width: number, limit: number): PaneLine[] {
  const out: PaneLine[] = [];
  for (let i = input.current - 1; i >= 0 && out.length < limit; i--) {
    if (input.paragraphStarts[i + 1]) out.push({ kind: 'gap' });
    out.push(...neighbourLines(input.texts[i]!, i, width).reverse());
  }
  if (out.length < limit && input.current >= 0) out.push({ kind: 'edge', text: '(start of document)' });
  return out.slice(0, limit);
}

/** Rows after the current sentence, nearest first, at most `limit`. */
function linesBelow(input: PaneInput, width: number, limit: number): PaneLine[] {
  const out: PaneLine[] = [];
  for (let i = input.current + 1; i < input.texts.length && out.length < limit; i++) {
    if (input.paragraphStarts[i]) out.push({ kind: 'gap' });
    out.push(...neighbourLines(input.texts[i]!, i, width));
  }
  if (out.length < limit) out.push({ kind: 'edge', text: '(end of document)' });
  return out.slice(0, limit);
}

function neighbourLines(text: string, sentence: number, width: number): PaneLine[] {
  const clean = cleanText(text);
  return wrapRanges(clean, width).map(([start, end], k) => ({
    kind: 'sentence',
    sentence,
    first: k === 0,
    current: false,
    runs: [{ text: clean.slice(start, end), cue: null }],
  }));
}

/** Wrap highlighted runs as their joined text wraps; each line keeps the runs (cut where the lines are). */
export function wrapRuns(runs: readonly TextRun[], width: number): TextRun[][] {
  const text = runs.map((r) => r.text).join('');
  const lines: TextRun[][] = [];
  for (const [start, end] of wrapRanges(text, width)) {
    const line: TextRun[] = [];
    let at = 0;
    for (const run of runs) {
      const from = Math.max(start, at);
      const to = Math.min(end, at + run.text.length);
      if (to > from) line.push({ text: text.slice(from, to), cue: run.cue });
      at += run.text.length;
    }
    lines.push(line.length ? line : [{ text: '', cue: null }]);
  }
  return lines;
}

/** Which sentences start a paragraph: a blank line (two line breaks) between it and the sentence before it. */
export function paragraphStarts(docText: string, spans: readonly { start: number; end: number }[]): boolean[] {
  return spans.map((s, i) => i > 0 && /\n[^\S\n]*\n/.test(docText.slice(spans[i - 1]!.end, s.start)));
}

function cleanText(text: string): string {
  return stripControl(text)
    .replace(/\s*\n\s*/g, ' ')
    .replace(/\t/g, ' ');
}
