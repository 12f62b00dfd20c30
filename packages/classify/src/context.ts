import { scanQuotes } from './quotes.ts';

/** Whether text i starts inside a quotation: one carried over from the text before, or a block quotation around it. */
export function startsQuoted(carried: boolean, blockQuoted: readonly boolean[] | undefined, i: number): boolean {
  return carried || blockQuoted?.[i] === true;
}

/**
 * Whether a quotation is still open after text i, given whether its scan ended inside one: a block quotation closes
 * with its block, so a mark left open inside it does not run on into the author's text after it.
 */
export function openAfter(endsInQuote: boolean, blockQuoted: readonly boolean[] | undefined, i: number): boolean {
  return endsInQuote && !(blockQuoted?.[i] === true && blockQuoted[i + 1] !== true);
}

/**
 * For each text, whether a quotation opened by an earlier text of the same document is still open where it starts,
 * or a block quotation holds it (`blockQuoted`, see PredictOptions). `docs[i]` names the document of text i; texts
 * without a document stand alone. `startsInQuote`: a quotation opened before the first text (by an earlier batch of
 * the same document) is open where it starts.
 */
export function quoteContext(
  texts: readonly string[],
  docs?: readonly (string | undefined)[],
  startsInQuote = false,
  blockQuoted?: readonly boolean[],
): boolean[] {
  const out: boolean[] = [];
  let open = startsInQuote;
  for (let i = 0; i < texts.length; i++) {
    const doc = docs ? docs[i] : '';
    const sameDoc = i === 0 ? !docs : doc !== undefined && (docs ? docs[i - 1] : '') === doc;
    const inQuote = startsQuoted(sameDoc && open, blockQuoted, i);
    out.push(inQuote);
    open = openAfter(scanQuotes(texts[i]!, inQuote).endsInQuote, blockQuoted, i);
  }
  return out;
}

/**
 * Whether a quotation is still open after the last of `texts` (sentences of one document, in order), given whether one
 * was open where the first starts: what to pass as `startsInQuote` to the next batch of the same document.
 */
export function endsInQuote(
  texts: readonly string[],
  startsInQuote = false,
  blockQuoted?: readonly boolean[],
): boolean {
  let open = startsInQuote;
  for (let i = 0; i < texts.length; i++)
    open = openAfter(scanQuotes(texts[i]!, startsQuoted(open, blockQuoted, i)).endsInQuote, blockQuoted, i);
  return open;
}
