import { classAt, IS_LETTER, IS_NUMBER } from './word-scanner.ts';

// The quotation and evaluative rules measured quoted stretches with `replace(/\s+/g, '')` and
// `split(/\s+/).filter(…/[\p{L}\p{N}]/u…)`: a new string and array per quotation, a visible share of the rules' time in
// profiles. These count the same by hand over the code units; a property test holds them to the regexes.

/** Whether code unit `c` is matched by a regex `\s` (all of them are in the BMP). */
function isSpace(c: number): boolean {
  if (c <= 32) return c === 32 || (c >= 9 && c <= 13);
  if (c < 0xa0) return false;
  return (
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/** `text.slice(start, end).replace(/\s+/g, '').length`: the code units of the stretch that are not white space. */
export function nonSpaceLength(text: string, start: number, end: number): number {
  let n = 0;
  for (let i = start; i < end; i++) if (!isSpace(text.charCodeAt(i))) n++;
  return n;
}

/**
 * `text.slice(start, end).split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length`: the white-space separated
 * pieces of the stretch that hold a letter or a number.
 */
export function wordCount(text: string, start: number, end: number): number {
  let n = 0;
  let counted = false; // the current piece already holds a letter or number
  let i = start;
  while (i < end) {
    const c = text.charCodeAt(i);
    if (isSpace(c)) {
      counted = false;
      i++;
      continue;
    }
    // A surrogate pair that the stretch cuts in two is two lone surrogates to the regex (no letters).
    const k = i + 1 < end ? classAt(text, i) : classAt(text.slice(i, i + 1), 0);
    if (!counted && ((k & 3) === IS_LETTER || (k & 3) === IS_NUMBER)) {
      counted = true;
      n++;
    }
    i += k >> 2;
  }
  return n;
}
