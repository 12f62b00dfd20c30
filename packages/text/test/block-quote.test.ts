import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { blockQuoted, segment } from '../src/index.ts';

// The reading of the doc comment, written the slow way: walk back from each sentence to its paragraph's first line.
function reference(text: string, starts: readonly number[]): boolean[] {
  const lines = text.split('\n');
  const lineOf = (offset: number) => text.slice(0, offset).split('\n').length - 1;
  return starts.map((start) => {
    let l = lineOf(start);
    if (lines[l]!.trim() === '') return false;
    while (l > 0 && lines[l - 1]!.trim() !== '') l--;
    return /^ {0,3}>/.test(lines[l]!);
  });
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
      ['I read this in the paper today:', false],
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

  it('reads CRLF line ends and answers sentences given out of order', () => {
    const text = 'Intro line.\r\n\r\n> Quoted one. Quoted two.\r\n\r\nAfter.';
    const sentences = segment(text);
    const flags = blockQuoted(text, sentences);
    expect(sentences.filter((_, i) => flags[i]).map((s) => s.text)).toEqual(['> Quoted one.', 'Quoted two.']);
    expect(blockQuoted(text, [...sentences].reverse())).toEqual([...flags].reverse());
  });

  it('agrees with the paragraph-by-paragraph reading on any text', () => {
    const piece = fc.constantFrom('> ', '>', '   > ', '    > ', 'a. ', 'B c. ', '\n', '\n\n', ' \n', '\r\n', 'x');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), (parts) => {
        const text = parts.join('');
        const sentences = segment(text);
        expect(blockQuoted(text, sentences)).toEqual(
          reference(
            text,
            sentences.map((s) => s.start),
          ),
        );
      }),
      { numRuns: 500 },
    );
  });
});
