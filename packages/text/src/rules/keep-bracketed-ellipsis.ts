import type { StopRule } from './rule.ts';

/** `[...]` marks words left out of a quotation; it never ends a sentence. */
export const keepBracketedEllipsis: StopRule = (text, stop) => {
  if (stop.kind !== 'ellipsis') return undefined;
  return text.charCodeAt(stop.start - 1) === 91 && text.charCodeAt(stop.end) === 93 ? false : undefined;
};
