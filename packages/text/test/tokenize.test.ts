import { expect, test } from 'vitest';
import { tokenize, words } from '../src/index.ts';

test('keeps contractions, hyphenated words, dotted abbreviations, accents and numbers whole', () => {
  const text = "Don't panic: the U.S. café paid $1,000.50 at 9:30 — state-owned firms’ 5%.";
  expect(tokenize(text).map((t) => t.text)).toEqual([
    "Don't",
    'panic',
    'the',
    'U.S',
    'café',
    'paid',
    '1,000.50',
    'at',
    '9:30',
    'state-owned',
    'firms',
    '5',
  ]);
});

test('offsets point at the tokens, also after repeated words', () => {
  const text = 'the cat and the hat';
  expect(tokenize(text).map((t) => [t.start, t.end])).toEqual([
    [0, 3],
    [4, 7],
    [8, 11],
    [12, 15],
    [16, 19],
  ]);
});

test('words lower-cases the tokens', () => {
  expect(words('The Senate VOTED, 52 to 48.')).toEqual(['the', 'senate', 'voted', '52', 'to', '48']);
});

test('text without words gives no tokens', () => {
  expect(tokenize(' ... — !? ')).toEqual([]);
  expect(tokenize('')).toEqual([]);
});
