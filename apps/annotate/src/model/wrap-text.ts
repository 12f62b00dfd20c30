import stringWidth from 'string-width';

/** A line of wrapped text: `[start, end)` offsets into the text it was cut from (white space at the break left out). */
export type LineRange = readonly [number, number];

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

/**
 * Word-wrap one line of text (no line breaks in it) to `width` terminal columns: break at spaces, and inside a word
 * only when the word alone is longer than a line. Written here rather than taken from a wrapping library because the
 * screen needs the offsets of each line (to cut highlighted runs at the same places) and a fast path: most corpus
 * text is ASCII, whose width is its length, and the document pane wraps dozens of sentences per frame.
 */
export function wrapRanges(text: string, width: number): LineRange[] {
  const w = Math.max(1, Math.floor(width));
  if (text === '') return [[0, 0]];
  return PRINTABLE_ASCII.test(text) ? wrapAscii(text, w) : wrapColumns(text, w);
}

/** The lines of `text` wrapped to `width` columns, as strings. */
export function wrapLines(text: string, width: number): string[] {
  return wrapRanges(text, width).map(([start, end]) => text.slice(start, end));
}

function wrapAscii(text: string, width: number): LineRange[] {
  const out: LineRange[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    if (n - i <= width) {
      out.push([i, trimEnd(text, i, n)]);
      break;
    }
    // The last space that lets the line end within the width (a space right after the width counts too).
    const space = text.lastIndexOf(' ', i + width);
    if (space > i) {
      out.push([i, trimEnd(text, i, space)]);
      i = space;
    } else {
      out.push([i, i + width]);
      i += width;
    }
    while (i < n && text[i] === ' ') i++;
  }
  return out.length ? out : [[0, 0]];
}

function wrapColumns(text: string, width: number): LineRange[] {
  const out: LineRange[] = [];
  let start = 0;
  let used = 0;
  // The last space on the current line: where to break, and the columns used up to it.
  let breakAt = -1;
  let usedAtBreak = 0;
  let atLineStart = true;
  for (const { segment, index } of graphemes.segment(text)) {
    if (atLineStart && segment === ' ') {
      start = index + 1;
      continue;
    }
    atLineStart = false;
    const cols = stringWidth(segment);
    if (segment === ' ') {
      breakAt = index;
      usedAtBreak = used;
    }
    if (used + cols > width && segment !== ' ') {
      if (breakAt > start) {
        out.push([start, trimEnd(text, start, breakAt)]);
        start = breakAt + 1;
        used -= usedAtBreak + 1;
      } else {
        out.push([start, index]);
        start = index;
        used = 0;
      }
      breakAt = -1;
    }
    used += cols;
  }
  if (start < text.length) {
    const end = trimEnd(text, start, text.length);
    if (end > start) out.push([start, end]);
  }
  return out.length ? out : [[0, 0]];
}

function trimEnd(text: string, start: number, end: number): number {
  let e = end;
  while (e > start && text[e - 1] === ' ') e--;
  return e;
}
