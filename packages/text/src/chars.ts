// Character classes as char-code tests: the scanner calls these once or twice per input character, and a code switch is
// several times faster than a regex test on a one-character slice.

/** True for the characters String.prototype.trim removes (so spans trimmed here are trimmed by `.trim()` too). */
export function isSpace(c: number): boolean {
  if (c === 32 || (c >= 9 && c <= 13)) return true;
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

/** True for a horizontal space: white space that is not a line break. */
export function isInlineSpace(c: number): boolean {
  return isSpace(c) && c !== 10 && c !== 13 && c !== 0x2028 && c !== 0x2029 && c !== 11 && c !== 12;
}

/**
 * True for a character that shows nothing and is not white space: C0 controls but tab and line breaks, DEL, and the
 * zero-width space, joiners and word joiner. Scraped web text leaves them after a full stop (`rained.\u200b Then`),
 * where they must not hide the boundary.
 */
export function isInvisible(c: number): boolean {
  return (c < 32 && !(c >= 9 && c <= 13)) || c === 127 || (c >= 0x200b && c <= 0x200d) || c === 0x2060;
}

/** True for an ASCII digit. */
export function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** True for a lower-case letter (ASCII fast path, then Unicode). */
export function isLower(c: number): boolean {
  if (c >= 97 && c <= 122) return true;
  if (c < 128) return false;
  const ch = String.fromCharCode(c);
  return ch !== ch.toUpperCase() && ch === ch.toLowerCase();
}

/** True for an upper-case letter (ASCII fast path, then Unicode). */
export function isUpper(c: number): boolean {
  if (c >= 65 && c <= 90) return true;
  if (c < 128) return false;
  const ch = String.fromCharCode(c);
  return ch !== ch.toLowerCase() && ch === ch.toUpperCase();
}

/** True for a letter of either case (caseless scripts count as neither, so they never trigger case rules). */
export function isLetter(c: number): boolean {
  return isLower(c) || isUpper(c);
}

/** True for `?`, `!` and the interrobang. */
export function isQuestionOrBang(c: number): boolean {
  return c === 63 || c === 33 || c === 0x203d || c === 0x2047 || c === 0x2048 || c === 0x2049;
}

/** True for a closing quote or bracket that belongs to the sentence it follows (`."` `?”` `!)`). */
export function isCloser(c: number): boolean {
  return (
    c === 34 ||
    c === 39 ||
    c === 41 ||
    c === 93 ||
    c === 125 ||
    c === 0x201d ||
    c === 0x2019 ||
    c === 0xbb ||
    c === 0x203a
  );
}

/** True for an opening quote or bracket that may start a sentence. */
export function isOpener(c: number): boolean {
  return (
    c === 34 ||
    c === 39 ||
    c === 40 ||
    c === 91 ||
    c === 123 ||
    c === 0x201c ||
    c === 0x2018 ||
    c === 0xab ||
    c === 0x2039
  );
}

/** True for bullet characters that start a list item anywhere on a line. */
export function isBullet(c: number): boolean {
  return (
    c === 0x2022 ||
    c === 0x25e6 ||
    c === 0x2023 ||
    c === 0x2043 ||
    c === 0x25aa ||
    c === 0x25cf ||
    c === 0x25a0 ||
    c === 0x2219
  );
}

/** True for characters that mark a list item only at the start of a line (`- item`, `* item`, `+ item`, `– item`). */
export function isLineBullet(c: number): boolean {
  return isBullet(c) || c === 45 || c === 42 || c === 43 || c === 0x2013 || c === 0x2014;
}
