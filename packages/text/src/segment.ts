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
    if (e > s) out.push({ start: s, end: e, text: text.slice(s, e) });
    from = to;
  }
  return out;
}
