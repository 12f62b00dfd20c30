import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { blockQuoted, segment } from '../src/index.ts';
import { introducesQuotation } from '../src/lead-in.ts';

// The reading of the doc comment, written the slow way: split the text into paragraphs (runs of lines that are not
// blank), find each sentence's paragraph by walking back to its first line, then apply the lead-in rules.
function reference(text: string, spans: readonly { start: number; end: number }[]): boolean[] {
  const lines = text.split('\n');
  const lineOf = (offset: number) => text.slice(0, offset).split('\n').length - 1;
  const firstLine = (start: number): number => {
    let l = lineOf(start);
    if (lines[l]!.trim() === '') return -1;
    while (l > 0 && lines[l - 1]!.trim() !== '') l--;
    return l;
  };
  const marked = (l: number) => l >= 0 && /^\uFEFF? {0,3}>/.test(lines[l]!);
  const first = spans.map((s) => firstLine(s.start));
  const out = first.map(marked);
  // Every paragraph's first line, in reading order, whether it holds a sentence or not.
  const starts = lines.flatMap((line, l) =>
    line.trim() !== '' && (l === 0 || lines[l - 1]!.trim() === '') ? [l] : [],
  );
  const members = (l: number) =>
    spans
      .map((s, i) => ({ s, i }))
      .filter(({ i }) => first[i] === l)
      .sort((a, b) => a.s.start - b.s.start);
  starts.forEach((l, p) => {
    const next = starts[p + 1];
    const last = members(l).at(-1);
    if (next === undefined || last === undefined || marked(l) || members(next).length === 0) return;
    const leadText = text.slice(last.s.start, last.s.end);
    if (!leadText.trimEnd().endsWith(':')) return;
    if (marked(next)) out[last.i] = true;
    else if (introducesQuotation(leadText)) {
      out[last.i] = true;
      for (const { i } of members(next)) out[i] = true;
    }
  });
  return out;
}

describe('blockQuoted', () => {
  it('marks every sentence of a `>` paragraph, its unmarked continuation lines and a quotation of two paragraphs', () => {
    const text = [
      'I read this in the paper today:',
      '',
      '> The council approved a fare rise on Tuesday. Officials expect revenue to grow.',
      'The operator welcomed it.',
      '>',
      '> A second paragraph of the story. It ends here.',
      '',
      'Frankly, this is a disgrace. Nobody asked the riders.',
      '',
      '    > Indented four spaces: code, not a quotation.',
    ].join('\n');
    const sentences = segment(text);
    expect(sentences.map((s, i) => [s.text, blockQuoted(text, sentences)[i]])).toEqual([
      ['I read this in the paper today:', true],
      ['> The council approved a fare rise on Tuesday.', true],
      ['Officials expect revenue to grow.', true],
      ['The operator welcomed it.', true],
      ['> A second paragraph of the story.', true],
      ['It ends here.', true],
      ['Frankly, this is a disgrace.', false],
      ['Nobody asked the riders.', false],
      ['> Indented four spaces: code, not a quotation.', false],
    ]);
  });

  it("reads a paragraph after a lead-in that announces someone else's text as a quotation, the lead-in too", () => {
    const text = [
      'From the AP comes this story:',
      '',
      'The president nominated two judges on Tuesday. Both replace retiring jurists.',
      '',
      'Frankly, both are fine choices.',
      '',
      'Here is what I wrote in 2019:',
      '',
      'The court needs new blood.',
      '',
      'Three things went wrong:',
      '',
      'The budget ran out.',
      '',
      'In it, Norton observed: the city was broke.',
      'The paper never said so.',
      '',
      'Dear Hannah:',
      '',
      'We are back from Europe.',
      '',
      'The results are as follows:',
      '',
      'Fares rose by 4%.',
      '',
      'The policy reads as follows:',
      '',
      'Staff may not post on the wiki.',
    ].join('\n');
    const sentences = segment(text);
    const flags = blockQuoted(text, sentences);
    expect(sentences.filter((_, i) => flags[i]).map((s) => s.text)).toEqual([
      'From the AP comes this story:',
      'The president nominated two judges on Tuesday.',
      'Both replace retiring jurists.',
      'The policy reads as follows:',
      'Staff may not post on the wiki.',
    ]);
  });

  it('needs the quoted paragraph straight after the lead-in: not at the end of the text, not across a lone `>` line', () => {
    const end = 'Ben made another announcement on March 28:';
    expect(blockQuoted(end, segment(end))).toEqual([false]);
    const gap = 'He wrote this response:\n\n>\n\nWelcome, Darin!';
    expect(blockQuoted(gap, segment(gap))).toEqual([false, false]);
  });

  it('reads CRLF line ends and answers sentences given out of order', () => {
    const text = 'Intro line.\r\n\r\n> Quoted one. Quoted two.\r\n\r\nAfter.';
    const sentences = segment(text);
    const flags = blockQuoted(text, sentences);
    expect(sentences.filter((_, i) => flags[i]).map((s) => s.text)).toEqual(['> Quoted one.', 'Quoted two.']);
    expect(blockQuoted(text, [...sentences].reverse())).toEqual([...flags].reverse());
  });

  it('agrees with the paragraph-by-paragraph reading on any text', () => {
    const piece = fc.constantFrom(
      '> ',
      '>',
      '   > ',
      '    > ',
      'a. ',
      'B c. ',
      '\n',
      '\n\n',
      ' \n',
      '\r\n',
      'x',
      'He wrote:',
      'Three points:',
      ':',
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), (parts) => {
        const text = parts.join('');
        const sentences = segment(text);
        expect(blockQuoted(text, sentences)).toEqual(reference(text, sentences));
      }),
      { numRuns: 500 },
    );
  });
});
