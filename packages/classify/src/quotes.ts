import type { Span } from '@stance/schema';

/** Quoted stretches of a sentence and whether a quotation is left open at its end. */
export interface QuoteScan {
  quoted: Span[];
  endsInQuote: boolean;
}

/**
 * Find quoted material: “…”, «…», "…" (straight quotes alternate open/close), ''…'' (two apostrophes, as the New
 * York Times archive and wire text write quotation marks; they alternate too), ``…'' (the typewriter and Penn
 * Treebank style) and ‘…’ (a ‘ that starts a word, closed by a ’ that does not continue one, so apostrophes are not
 * mistaken for quotes); a straight mark right after a digit is an inch sign and opens nothing. A quotation opened in
 * an earlier sentence (`startsInQuote`) covers the sentence up to its first closing mark, unless a straight mark
 * starts the sentence: that re-opens it (the quotation's next paragraph). Hand-written because quote pairing across
 * sentences is the point, and no tokenizer library tracks it.
 */
export function scanQuotes(text: string, startsInQuote = false): QuoteScan {
  const quoted: Span[] = [];
  let open = startsInQuote ? 0 : -1;
  let closer = startsInQuote ? 'any' : '';
  let i = 0;
  if (startsInQuote) {
    // A quotation that runs over paragraphs is not closed at a paragraph's end, and the next paragraph opens again
    // with a mark (the newspaper convention): a straight mark that starts a sentence inside an open quotation
    // re-opens it. Read as a closing mark, it flipped every straight mark after it, to the end of the document.
    while (i < text.length && /\s/.test(text[i]!)) i++;
    if (text[i] === '"') {
      closer = '"';
      i++;
    } else if (text.startsWith("''", i)) {
      closer = "''";
      i += 2;
    } else i = 0;
  }
  // `width` is the current mark's length in code units: 2 for '' and ``, else 1.
  for (let width = 1; i < text.length; i += width) {
    width = 1;
    // Only " ' ` « » ‘ ’ “ ” can open or close a quotation; every other character is skipped on its code alone (building
    // a one-character string per character made this scan a visible share of prediction time).
    const code = text.charCodeAt(i);
    if (code !== 34 && code !== 39 && code !== 96 && code !== 0xab && code !== 0xbb && (code < 0x2018 || code > 0x201d))
      continue;
    let c = text[i]!;
    // An apostrophe or a backtick is a mark only doubled ('' or ``); the pair is read as one two-unit mark.
    if (code === 39 || code === 96) {
      if (text.charCodeAt(i + 1) !== code) continue;
      c = code === 39 ? "''" : '``';
      width = 2;
    }
    if (open >= 0) {
      const closes =
        (closer === 'any' && (c === '”' || c === '"' || c === '»' || c === "''")) ||
        (closer === '”' && c === '”') ||
        (closer === '"' && c === '"') ||
        (closer === "''" && c === "''") ||
        (closer === '»' && c === '»') ||
        (closer === '’' && c === '’' && !/[\p{L}\p{N}]/u.test(text[i + 1] ?? ''));
      if (closes) {
        quoted.push({ start: open, end: i + width });
        open = -1;
      }
      continue;
    }
    // A straight mark right after a digit is an inch sign (a 17" wheel, 6'3"), never an opening mark: read as one, it
    // left a quotation open to the end of the document.
    if ((c === '"' || c === "''") && isDigit(text.charCodeAt(i - 1))) continue;
    if (c === '“' || c === '"' || c === '«' || c === "''" || c === '``') {
      open = i;
      closer = c === '“' ? '”' : c === '«' ? '»' : c === '"' ? '"' : "''";
    } else if (c === '‘' && !/[\p{L}\p{N}]/u.test(text[i - 1] ?? '')) {
      open = i;
      closer = '’';
    }
  }
  // A single-quote pair never spans sentences: an unclosed ‘ is more likely an apostrophe-like mark.
  if (open >= 0 && closer !== '’') {
    quoted.push({ start: open, end: text.length });
    return { quoted, endsInQuote: true };
  }
  return { quoted, endsInQuote: false };
}

/** An ASCII digit (the inch sign follows a number written in digits). */
function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}
