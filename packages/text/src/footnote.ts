import { isDigit } from './chars.ts';

// A footnote number has at most this many digits (`[1]`, `[128]`); a chain of them (`[3][4]`, `[1]–[11]`) at most this many.
const MAX_DIGITS = 3;
const MAX_CHAIN = 4;

/**
 * The offset after the footnote mark that starts at `i` (`[17]`, `[3][4]`, `[1]–[11]`, or an omission `[...]` `[…]`), or
 * -1 when there is none. Placed after a full stop, it belongs to the sentence before it: `in Dulwich. [17] Placed`.
 */
export function footnoteEnd(text: string, i: number): number {
  let j = i;
  for (let k = 0; k < MAX_CHAIN && text.charCodeAt(j) === 91; k++) {
    const inner = j + 1;
    let e = inner;
    while (e - inner < MAX_DIGITS && isDigit(text.charCodeAt(e))) e++;
    if (e === inner) {
      if (text.startsWith('...', inner)) e = inner + 3;
      else if (text.charCodeAt(inner) === 0x2026) e = inner + 1;
    }
    if (e === inner || text.charCodeAt(e) !== 93) break;
    j = e + 1;
    const dash = text.charCodeAt(j);
    if ((dash === 0x2013 || dash === 45) && text.charCodeAt(j + 1) === 91) j++;
  }
  // A dash left dangling after the last mark (`[1]–x`) is not part of it.
  while (j > i && text.charCodeAt(j - 1) !== 93) j--;
  return j > i ? j : -1;
}
