import { isDigit, isLetter, isSpace } from './chars.ts';

// Longest token read as one address; a longer run of non-space is not looked at (keeps every look-ahead bounded).
const MAX_ADDRESS = 300;
const SCHEMES = ['http://', 'https://', 'ftp://', 'www.'];

/** True when a URL starts at `i` (`http://`, `https://`, `ftp://`, `www.`, any case), possibly after `<`, `(` or `[`. */
export function isUrlStart(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  const j = c === 60 || c === 40 || c === 91 ? i + 1 : i;
  const d = text.charCodeAt(j) | 32;
  if (d !== 104 && d !== 102 && d !== 119) return false; // h, f, w: the fast way out for every other word
  return SCHEMES.some((s) => text.slice(j, j + s.length).toLowerCase() === s);
}

/** True when the `@` at `at` joins two parts of an e-mail address (`jane.doe@example.com`, `Smith@ENRON`). */
export function isEmailAt(text: string, at: number): boolean {
  const before = text.charCodeAt(at - 1);
  return (isLetter(before) || isDigit(before) || before === 46) && isLetter(text.charCodeAt(at + 1));
}

/** The offset where the non-space run through `i` ends, or -1 when it runs longer than an address can. */
export function tokenEnd(text: string, i: number): number {
  let j = i;
  while (j < text.length && !isSpace(text.charCodeAt(j))) if (++j - i > MAX_ADDRESS) return -1;
  return j;
}
