import { isSpace } from '../chars.ts';
import type { StopRule } from './rule.ts';

/**
 * Ellipses before a capitalised word. In the spaced style of quotation (`. . .`) three dots mark an omission inside a
 * sentence and a fourth is the full stop; a full stop written against the word and followed by `. . .` ends the sentence
 * there, and the dots open the next one. Unspaced `...` and `…` before a capital end the sentence.
 */
export const splitEllipsis: StopRule = (text, stop) => {
  if (stop.kind !== 'ellipsis') return undefined;
  const attached = stop.start > 0 && !isSpace(text.charCodeAt(stop.start - 1));
  if (stop.spacedDots && attached && stop.dots >= 4 && text.charCodeAt(stop.start + 1) === 32) return stop.start + 1;
  if (stop.spacedDots && stop.dots === 3) return false;
  return stop.after;
};
