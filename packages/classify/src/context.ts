import { scanQuotes } from './quotes.ts';

/**
 * For each text, whether a quotation opened by an earlier text of the same document is still open where it starts.
 * `docs[i]` names the document of text i; texts without a document stand alone.
 */
export function quoteContext(texts: readonly string[], docs?: readonly (string | undefined)[]): boolean[] {
  const out: boolean[] = [];
  let open = false;
  for (let i = 0; i < texts.length; i++) {
    const doc = docs ? docs[i] : '';
    const sameDoc = i > 0 && doc !== undefined && (docs ? docs[i - 1] : '') === doc;
    const inQuote: boolean = sameDoc && open;
    out.push(inQuote);
    open = scanQuotes(texts[i]!, inQuote).endsInQuote;
  }
  return out;
}
