import type { Span } from '@stance/schema';
import { introducesQuotation } from './lead-in.ts';

/** A line that opens a block quotation: `>` after at most three spaces (Markdown; e-mail quoting too; a BOM first). */
const QUOTE_MARK = /^\uFEFF? {0,3}>/;

/**
 * For each sentence (a span of `text`), whether it sits in a quotation that the document's layout shows rather than
 * quotation marks:
 * - a block quotation, a paragraph whose first line starts with `>`, as Markdown and e-mail quote. A paragraph is a run
 *   of lines that are not blank, so a quoted paragraph's unmarked continuation lines count too, and a lone `>` line
 *   keeps a quotation of several paragraphs together. The paragraph decides, not the sentence's own line: a sentence
 *   after the first on a `>` line has no mark of its own;
 * - the lead-in that ends the paragraph before a block quotation with a colon (`The paper ran this on Tuesday:`),
 *   which the guidelines label as what it introduces;
 * - a paragraph after a lead-in that hands the floor to someone else's text (`From the AP comes this story:`,
 *   `Here's an excerpt from the article:`; see lead-in.ts), and that lead-in: a blogger's reproduced story, unmarked.
 * Two passes over the sentences and one over the lines, so a 50 MB text costs no more than reading it.
 */
export function blockQuoted(text: string, sentences: readonly Span[]): boolean[] {
  const out = new Array<boolean>(sentences.length).fill(false);
  const order = sentences.map((_, i) => i).sort((a, b) => sentences[a]!.start - sentences[b]!.start);
  // Paragraph number of each sentence in `order` (-1: it starts on a blank line), and which paragraphs are `>` ones.
  const paragraph = new Int32Array(order.length).fill(-1);
  const marked: boolean[] = [];
  let k = 0;
  let inParagraph = false;
  for (let lineStart = 0; k < order.length && lineStart <= text.length; ) {
    const newline = text.indexOf('\n', lineStart);
    const lineEnd = newline < 0 ? text.length : newline;
    const line = text.slice(lineStart, lineEnd);
    if (line.trim() === '') inParagraph = false;
    else if (!inParagraph) {
      inParagraph = true;
      marked.push(QUOTE_MARK.test(line));
    }
    for (; k < order.length && sentences[order[k]!]!.start <= lineEnd; k++)
      if (inParagraph) {
        paragraph[k] = marked.length - 1;
        out[order[k]!] = marked[marked.length - 1]!;
      }
    if (newline < 0) break;
    lineStart = newline + 1;
  }
  for (let k = 0; k + 1 < order.length; k++) {
    const p = paragraph[k]!;
    // The last sentence of a paragraph of the author's own, with the next paragraph straight after it.
    if (p < 0 || marked[p] || paragraph[k + 1] !== p + 1) continue;
    const lead = sentences[order[k]!]!;
    const leadText = text.slice(lead.start, lead.end);
    if (!leadText.trimEnd().endsWith(':')) continue;
    if (marked[p + 1]) out[order[k]!] = true;
    else if (introducesQuotation(leadText)) {
      out[order[k]!] = true;
      for (let j = k + 1; j < order.length && paragraph[j] === p + 1; j++) out[order[j]!] = true;
    }
  }
  return out;
}
