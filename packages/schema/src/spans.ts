/** A half-open range `[start, end)` of JavaScript string indices. */
export interface Span {
  start: number;
  end: number;
}

/** A sentence as the segmenter returns it: `text === input.slice(start, end)`, trimmed. */
export interface SentenceSpan extends Span {
  text: string;
}

/** A word token with its offsets into the input. */
export interface Token extends Span {
  text: string;
}

/** True when `inner` lies within `outer`. */
export function spanContains(outer: Span, inner: Span): boolean {
  return outer.start <= inner.start && inner.end <= outer.end;
}
