import type { Span } from '@stance/schema';

/** A line that opens a block quotation: `>` after at most three spaces (Markdown; e-mail quoting too; a BOM first). */
const QUOTE_MARK = /^\uFEFF? {0,3}>/;

/**
 * For each sentence (a span of `text`), whether it sits in a block quotation: a paragraph whose first line starts with
 * `>`, as Markdown and e-mail quote. A paragraph is a run of lines that are not blank, so a quoted paragraph's
 * unmarked continuation lines count too, and a lone `>` line keeps a quotation of several paragraphs together. The
 * paragraph decides, not the sentence's own line: a sentence after the first on a `>` line has no mark of its own.
 * One pass over the lines (a sentence belongs to the line it starts on), so a 50 MB text costs no more than reading it.
 */
export function blockQuoted(text: string, sentences: readonly Span[]): boolean[] {
  const out = new Array<boolean>(sentences.length).fill(false);
  const order = sentences.map((_, i) => i).sort((a, b) => sentences[a]!.start - sentences[b]!.start);
  let k = 0;
  let quoted = false;
  let inParagraph = false;
  for (let lineStart = 0; k < order.length && lineStart <= text.length; ) {
    const newline = text.indexOf('\n', lineStart);
    const lineEnd = newline < 0 ? text.length : newline;
    const line = text.slice(lineStart, lineEnd);
    if (line.trim() === '') inParagraph = false;
    else if (!inParagraph) {
      inParagraph = true;
      quoted = QUOTE_MARK.test(line);
    }
    for (; k < order.length && sentences[order[k]!]!.start <= lineEnd; k++) out[order[k]!] = inParagraph && quoted;
    if (newline < 0) break;
    lineStart = newline + 1;
  }
  return out;
}
