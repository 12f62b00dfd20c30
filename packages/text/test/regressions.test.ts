import { describe, expect, test } from 'vitest';
import { segment } from '../src/index.ts';

const texts = (t: string) => segment(t).map((s) => s.text);

// Every bug found while building the segmenter, by name, plus the commentary cases the issue lists.
describe('regressions', () => {
  test('word before a mark must not reach back across a break (Tuesday.Mr. Smith)', () => {
    expect(texts('Today is Tuesday.Mr. Smith left.')).toEqual(['Today is Tuesday.', 'Mr. Smith left.']);
  });
  test('e-mail address with a capital after an inner dot is one token (Jane.Doe@example.com)', () => {
    expect(texts('Write to Jane.Doe@example.com today.')).toEqual(['Write to Jane.Doe@example.com today.']);
  });
  test('hard-wrapped prose: a sentence starting late on a line is not a short label line (corpus sources)', () => {
    expect(texts('It opened in May. The\nterminal cost $1.3 billion to build.')).toEqual([
      'It opened in May.',
      'The\nterminal cost $1.3 billion to build.',
    ]);
  });
  test('an abbreviation that closes a name or list ends the sentence before any capital (etc., Inc., Oct.)', () => {
    expect(texts('Costs, fees, etc. Prices rose in Oct. Acme Inc. Shares fell. Smith et al. (2020) disagree.')).toEqual(
      ['Costs, fees, etc.', 'Prices rose in Oct.', 'Acme Inc.', 'Shares fell.', 'Smith et al. (2020) disagree.'],
    );
  });
  test('a stale list marker does not split a later number', () => {
    expect(texts('1. The plan. It failed in 2 ways. 2. The cost.')).toEqual([
      '1. The plan.',
      'It failed in 2 ways.',
      '2. The cost.',
    ]);
  });
  test('an invisible character after a full stop does not hide the boundary (zero-width space, BEL)', () => {
    // Found trying scraped and pasted text on the built CLI: `rained.\u200b Then` stayed one sentence.
    expect(texts('It rained.\u200b Then it stopped. A bell.\u0007 Then silence. “No.”\u2060 She left.')).toEqual([
      'It rained.\u200b',
      'Then it stopped.',
      'A bell.\u0007',
      'Then silence.',
      '“No.”\u2060',
      'She left.',
    ]);
  });
  test('the empty `>` line between two paragraphs of a block quotation is no sentence', () => {
    // Found reading block quotations for the labellers: `>` alone was a sentence an annotator would have to label.
    expect(texts('> One paragraph.\n>\n> Another one.\n> >\n\n>> Nested.\n>>\nAfter.')).toEqual([
      '> One paragraph.',
      '> Another one.',
      '>> Nested.',
      'After.',
    ]);
  });
});

describe('commentary cases', () => {
  test('quotation ending in a comma continues the sentence', () => {
    expect(texts('“We will win,” he said. “Watch us.”')).toEqual(['“We will win,” he said.', '“Watch us.”']);
  });
  test('question inside a quotation followed by a lower-case attribution', () => {
    expect(texts('“Why now?” she asked. Nobody knew.')).toEqual(['“Why now?” she asked.', 'Nobody knew.']);
  });
  test('closing bracket after the mark', () => {
    expect(texts('It was late (again!) and cold. (He left early.) We stayed.')).toEqual([
      'It was late (again!) and cold.',
      '(He left early.)',
      'We stayed.',
    ]);
  });
  test('titles, initials and multi-period abbreviations', () => {
    expect(texts('Dr. A. B. Jones met Sen. Kay in the U.K. on Friday. They argued.')).toEqual([
      'Dr. A. B. Jones met Sen. Kay in the U.K. on Friday.',
      'They argued.',
    ]);
  });
  test('heading and paragraph break', () => {
    expect(texts('## Why it matters\nThe vote is close')).toEqual(['## Why it matters', 'The vote is close']);
  });
  test('a single line break inside a sentence does not end it', () => {
    expect(texts('The minister said that the new\nbudget would pass easily.')).toEqual([
      'The minister said that the new\nbudget would pass easily.',
    ]);
  });
  test('ellipsis with no space after before a capital', () => {
    expect(texts('Wait...What?')).toEqual(['Wait...', 'What?']);
  });
  test('white space only and empty text give no sentences', () => {
    expect(segment('')).toEqual([]);
    expect(segment(' \n\r\n\t ')).toEqual([]);
  });
});
