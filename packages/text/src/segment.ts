import type { SentenceSpan } from '@stance/schema';

/** Placeholder: split at blank lines. Replaced by the real segmenter. */
export function segment(text: string): SentenceSpan[] {
  const out: SentenceSpan[] = [];
  const re = /\S(?:[\s\S]*?\S)?(?=\s*(?:\n\s*\n|$))/g;
  for (const m of text.matchAll(re)) out.push({ start: m.index, end: m.index + m[0].length, text: m[0] });
  return out;
}
