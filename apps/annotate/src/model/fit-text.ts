import type { Cue } from '@stance/schema';
import { stripControl } from '@stance/text';
import stringWidth from 'string-width';

// Terminal columns, not characters: a CJK character or an emoji takes two columns, a combining mark none. Text is
// cut between grapheme clusters (Intl.Segmenter), so an accent or a joined emoji is never split; string-width (the
// measure Ink lays out with) gives each cluster's width.
const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** The longest start of `text` that fits in `columns` terminal columns, and the columns it takes. */
function fitColumns(text: string, columns: number): { text: string; width: number } {
  let out = '';
  let used = 0;
  for (const { segment } of graphemes.segment(text)) {
    const w = stringWidth(segment);
    if (used + w > columns) break;
    out += segment;
    used += w;
  }
  return { text: out, width: used };
}

/** `text` cut to `columns` terminal columns, ending in `…` when cut. */
function cutToColumns(text: string, columns: number): string {
  if (stringWidth(text) <= columns) return text;
  return `${fitColumns(text, Math.max(0, columns - 1)).text}…`;
}

/** A run of sentence text, highlighted when it lies inside a cue span. */
export interface TextRun {
  text: string;
  cue: Cue | null;
}

/**
 * Split a sentence into runs at its cue boundaries (cues are offsets into the raw sentence), cleaned with
 * stripControl and with line breaks folded to spaces, so corpus text can not drive the terminal. Overlapping cues:
 * the first to start wins for the overlap.
 */
export function highlightRuns(text: string, cues: readonly Cue[]): TextRun[] {
  // Cue offsets index the raw text; cutting it at a cue inside an escape sequence would leave half the sequence to
  // be shown. Text that holds control characters is shown clean and without highlights.
  if (stripControl(text) !== text) return [{ text: clean(text), cue: null }];
  const sorted = cues
    .filter((c) => c.end > c.start && c.start >= 0 && c.end <= text.length)
    .slice()
    .sort((a, b) => a.start - b.start || b.end - a.end);
  const runs: TextRun[] = [];
  let at = 0;
  for (const cue of sorted) {
    if (cue.end <= at) continue;
    const start = Math.max(cue.start, at);
    if (start > at) runs.push({ text: clean(text.slice(at, start)), cue: null });
    runs.push({ text: clean(text.slice(start, cue.end)), cue });
    at = cue.end;
  }
  if (at < text.length) runs.push({ text: clean(text.slice(at)), cue: null });
  return runs.filter((r) => r.text !== '');
}

/** One line of corpus text for the terminal: cleaned, breaks folded, cut to `width` columns with `…`. */
export function oneLine(text: string, width: number): string {
  return cutToColumns(clean(text), width);
}

function clean(text: string): string {
  return stripControl(text)
    .replace(/\s*\n\s*/g, ' ')
    .replace(/\t/g, ' ');
}
