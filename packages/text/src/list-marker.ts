import { isDigit, isInlineSpace } from './chars.ts';

/** An enumerator that opens a list item: `1.` `2)` `3.)` `(4)` `a.` `b)`. */
export interface ListMarker {
  /** 1-based position in its sequence (`a` is 1). */
  value: number;
  /** The shape, e.g. `1.` or `a)`: the next item of the same list has the same shape. */
  style: string;
  /** Offset after the marker. */
  end: number;
}

/** The list marker at `i`, if one is there and followed by a space; at most three digits or one lower-case letter. */
export function readListMarker(text: string, i: number): ListMarker | undefined {
  let j = i;
  const paren = text.charCodeAt(j) === 40;
  if (paren) j++;
  let value = 0;
  let kind: string;
  if (isDigit(text.charCodeAt(j))) {
    const from = j;
    while (isDigit(text.charCodeAt(j)) && j - from < 3) value = value * 10 + text.charCodeAt(j++) - 48;
    if (isDigit(text.charCodeAt(j))) return undefined;
    kind = '1';
  } else {
    const c = text.charCodeAt(j);
    if (c < 97 || c > 122) return undefined;
    value = c - 96;
    j++;
    kind = 'a';
  }
  let close = '';
  if (paren) {
    if (text.charCodeAt(j) !== 41) return undefined;
    close = '()';
    j++;
  } else if (text.charCodeAt(j) === 46 && text.charCodeAt(j + 1) === 41) {
    close = '.)';
    j += 2;
  } else if (text.charCodeAt(j) === 46 || text.charCodeAt(j) === 41) {
    close = text[j] ?? '';
    j++;
  } else return undefined;
  if (!isInlineSpace(text.charCodeAt(j))) return undefined;
  return { value, style: kind + close, end: j };
}
