import type { SentenceSpan } from '@stance/schema';
import { isSpace } from './chars.ts';
import { findBreaks } from './find-breaks.ts';

// Why not natural's SentenceTokenizer: it passes 17 of the 48 Golden Rules, does not return offsets, and its run time
// grows with the square of the input. No well-kept JavaScript library gives offsets, linear time and the commentary
// cases (quotes, ellipses, lists, abbreviations) together, so the rules live here, one small file each (src/rules).

/** Split text into sentences: `[start, end)` offsets into `text`, `text === input.slice(start, end)`, trimmed. */
export function segment(text: string): SentenceSpan[] {
  const out: SentenceSpan[] = [];
  let from = 0;
  const breaks = findBreaks(text);
  breaks.push(text.length);
  for (const to of breaks) {
    let s = from;
    let e = to;
    while (s < e && isSpace(text.charCodeAt(s))) s++;
    while (e > s && isSpace(text.charCodeAt(e - 1))) e--;
    if (e > s && !onlyQuoteMarkers(text, s, e)) out.push({ start: s, end: e, text: text.slice(s, e) });
    from = to;
  }
  return out;
}

/**
 * Whether `text[s, e)` holds nothing but `>` marks and white space: the empty line between two paragraphs of a
 * Markdown or e-mail block quotation (`> one.\n>\n> two.`), a paragraph break, not a sentence to label.
 */
function onlyQuoteMarkers(text: string, s: number, e: number): boolean {
  for (let i = s; i < e; i++) {
    const c = text.charCodeAt(i);
    if (c !== 62 && !isSpace(c)) return false;
  }
  return true;
}
