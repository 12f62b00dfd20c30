import { isDigit, isLetter, isSpace } from './chars.ts';

// Longest token read as one address; a longer run of non-space is not looked at (keeps every look-ahead bounded).
const MAX_ADDRESS = 300;

/** True when a URL starts at `i` (`http://`, `https://`, `ftp://`, `www.`, any case), possibly after `<`, `(` or `[`. */
export function isUrlStart(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  const j = c === 60 || c === 40 || c === 91 ? i + 1 : i;
  // Called at every word that starts with h, f or w: compare character codes, so a plain word costs no allocation.
  switch (text.charCodeAt(j) | 32) {
    case 104: // h
      return (
        startsWithIgnoreCase(text, j + 1, 'ttp') &&
        (isSchemeEnd(text, j + 4) || (lower(text, j + 4) === 115 && isSchemeEnd(text, j + 5)))
      );
    case 102: // f
      return startsWithIgnoreCase(text, j + 1, 'tp') && isSchemeEnd(text, j + 3);
    case 119: // w
      return startsWithIgnoreCase(text, j + 1, 'ww') && text.charCodeAt(j + 3) === 46;
    default:
      return false;
  }
}

const lower = (text: string, i: number) => text.charCodeAt(i) | 32;

// `://` after the scheme name.
function isSchemeEnd(text: string, i: number): boolean {
  return text.charCodeAt(i) === 58 && text.charCodeAt(i + 1) === 47 && text.charCodeAt(i + 2) === 47;
}

// `word` (lower-case ASCII letters) at `i`, in any case.
function startsWithIgnoreCase(text: string, i: number, word: string): boolean {
  for (let k = 0; k < word.length; k++) if (lower(text, i + k) !== word.charCodeAt(k)) return false;
  return true;
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
