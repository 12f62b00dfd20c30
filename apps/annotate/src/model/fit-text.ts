import type { Cue } from '@stance/schema';
import { stripControl } from '@stance/text';

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

/** Cut runs so that their text fits in `maxChars` characters, ending in `…` when cut. */
export function limitRuns(runs: readonly TextRun[], maxChars: number): TextRun[] {
  const out: TextRun[] = [];
  let left = Math.max(1, maxChars);
  for (const run of runs) {
    const chars = [...run.text];
    if (chars.length < left || (chars.length === left && run === runs[runs.length - 1])) {
      out.push(run);
      left -= chars.length;
      continue;
    }
    out.push({ text: `${chars.slice(0, Math.max(0, left - 1)).join('')}…`, cue: run.cue });
    break;
  }
  return out;
}

/** One line of corpus text for the terminal: cleaned, breaks folded, cut to `width` with `…`. */
export function oneLine(text: string, width: number): string {
  const chars = [...clean(text)];
  return chars.length <= width ? chars.join('') : `${chars.slice(0, Math.max(0, width - 1)).join('')}…`;
}

function clean(text: string): string {
  return stripControl(text)
    .replace(/\s*\n\s*/g, ' ')
    .replace(/\t/g, ' ');
}
