import { isDigit, isLetter, isLower, isOpener, isSpace, isUpper } from './chars.ts';

// Every look-around here is bounded, so deciding one candidate boundary costs O(1) whatever the input; that is what
// keeps the segmenter linear on a 10 MB paragraph or a megabyte of dots.
const MAX_WORD = 40;

/** The word that ends at `end` (letters, digits, inner dots and apostrophes, `°`), at most 40 characters, not before `floor`. */
export function wordBefore(text: string, end: number, floor = 0): string {
  let i = end;
  const stop = Math.max(floor, end - MAX_WORD);
  while (i > stop) {
    const c = text.charCodeAt(i - 1);
    if (isLetter(c) || isDigit(c) || c === 46 || c === 0xb0 || c === 0xba) i--;
    // An apostrophe inside a word (`didn't`, `it's`): without it the word would be `t`, which reads as an initial.
    else if ((c === 39 || c === 0x2019) && i < end && isLetter(text.charCodeAt(i - 2))) i--;
    else break;
  }
  return text.slice(i, end);
}

/** The word before the one that ends at `end`, skipping the white space and punctuation between them. */
export function previousWord(text: string, end: number): string {
  const w = wordBefore(text, end);
  let i = end - w.length;
  const stop = Math.max(0, i - 8);
  while (i > stop && !isLetter(text.charCodeAt(i - 1)) && !isDigit(text.charCodeAt(i - 1))) i--;
  return wordBefore(text, i);
}

/** The letters (and apostrophes) of the word at `start`, after up to three opening quotes or brackets. */
export function wordAt(text: string, start: number): string {
  let i = start;
  while (i < text.length && i - start < 3 && isOpener(text.charCodeAt(i))) i++;
  const from = i;
  while (i < text.length && i - from < MAX_WORD) {
    const c = text.charCodeAt(i);
    if (isLetter(c) || ((c === 39 || c === 0x2019) && isLetter(text.charCodeAt(i + 1)))) i++;
    else break;
  }
  return text.slice(from, i);
}

/** True when `word` starts with an upper-case letter. */
export function isCapitalised(word: string): boolean {
  return word.length > 0 && isUpper(word.charCodeAt(0));
}

/** True when `word` starts with a lower-case letter. */
export function isLowercase(word: string): boolean {
  return word.length > 0 && isLower(word.charCodeAt(0));
}

/** The first `max + 1` words from `from` up to `to` (fewer if the range has fewer), lower-cased. */
export function leadingWords(text: string, from: number, to: number, max: number): string[] {
  const out: string[] = [];
  let i = from;
  while (i < to && out.length <= max) {
    while (i < to && isSpace(text.charCodeAt(i))) i++;
    const s = i;
    while (i < to && !isSpace(text.charCodeAt(i))) i++;
    if (i > s) out.push(text.slice(s, i).toLowerCase());
  }
  return out;
}
