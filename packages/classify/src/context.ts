import { scanQuotes } from './quotes.ts';

/**
 * For each text, whether a quotation opened by an earlier text of the same document is still open where it starts.
 * `docs[i]` names the document of text i; texts without a document stand alone. `startsInQuote`: a quotation opened
 * before the first text (by an earlier batch of the same document) is open where it starts.
 */
export function quoteContext(
  texts: readonly string[],
  docs?: readonly (string | undefined)[],
  startsInQuote = false,
): boolean[] {
  const out: boolean[] = [];
  let open = startsInQuote;
  for (let i = 0; i < texts.length; i++) {
    const doc = docs ? docs[i] : '';
    const sameDoc = i === 0 ? !docs : doc !== undefined && (docs ? docs[i - 1] : '') === doc;
    const inQuote: boolean = sameDoc && open;
    out.push(inQuote);
    open = scanQuotes(texts[i]!, inQuote).endsInQuote;
  }
  return out;
}

/**
 * Whether a quotation is still open after the last of `texts` (sentences of one document, in order), given whether one
 * was open where the first starts: what to pass as `startsInQuote` to the next batch of the same document.
 */
export function endsInQuote(texts: readonly string[], startsInQuote = false): boolean {
  let open = startsInQuote;
  for (const text of texts) open = scanQuotes(text, open).endsInQuote;
  return open;
}
