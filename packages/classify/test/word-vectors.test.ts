import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isStanceError } from '@stance/schema';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { deriveWordVectors } from '../src/word-vectors/derive.ts';
import { wordVectors } from '../src/word-vectors/load.ts';
import { WORD_VECTORS_RECIPE } from '../src/word-vectors/recipe.ts';
import { vectorWords } from '../src/word-vectors/word-tokens.ts';
import {
  truncateWordVectors,
  wordVectorsFromBytes,
  wordVectorsFromData,
  wordVectorsToBytes,
} from '../src/word-vectors/word-vectors.ts';

const HERE = fileURLToPath(new URL('.', import.meta.url));
const TABLE = resolve(HERE, '../weights/word-vectors.bin');

const SOURCE = {
  package: 'made-up',
  version: '0.0.0',
  integrity: 'sha512-none',
  file: 'none',
  fileSha256: 'none',
  vectors: 'three words written for this test',
  licence: 'none',
};

// A small table written for this test: "good" and "fine" point the same way, "bad" the other.
const SMALL = deriveWordVectors(
  ['the', "isn't", 'good', 'fine', 'bad', '?'],
  (w) =>
    ({
      the: [0.1, 0.1, 0],
      "isn't": [1, 1, 1],
      good: [1, 0, 0.5],
      fine: [0.9, 0.1, 0.4],
      bad: [-1, 0, -0.5],
      '?': [0, 0, 1],
    })[w],
  3,
  SOURCE,
  { ...WORD_VECTORS_RECIPE, words: 10 },
);

const cosine = (a: Float64Array, b: Float64Array) => a.reduce((s, x, i) => s + x * b[i]!, 0);

describe('word vectors', () => {
  it('keeps only forms the tokenizer can produce, in source order', () => {
    expect(SMALL.words).toEqual(['the', 'good', 'fine', 'bad', '?']);
    expect(SMALL.id).toMatch(/^glove-6b-3d\.sif-int8\.5\.[0-9a-f]{12}$/);
  });

  it('splits contractions the way GloVe did', () => {
    expect(vectorWords('I don’t know, can’t say; it’s “fine”?')).toEqual([
      'i',
      'do',
      'not',
      'know',
      'can',
      'say',
      'it',
      '“',
      'fine',
      '”',
      '?',
    ]);
  });

  it('gives zeros for a text with no known word, and unit length otherwise', () => {
    const table = wordVectorsFromData(SMALL);
    fc.assert(
      fc.property(fc.string(), (text) => {
        const v = table.sentence(text);
        const norm = Math.sqrt(cosine(v, v));
        const known = vectorWords(text).some((w) => table.row(w) !== undefined);
        expect(known ? Math.abs(norm - 1) < 1e-9 : norm === 0).toBe(true);
      }),
    );
    expect([...table.sentence('Zzz qqq.')]).toEqual([0, 0, 0]);
  });

  it('puts near words near each other', () => {
    const table = wordVectorsFromData(SMALL);
    expect(cosine(table.sentence('Good.'), table.sentence('Fine.'))).toBeGreaterThan(0.95);
    expect(cosine(table.sentence('Good.'), table.sentence('Bad.'))).toBeLessThan(-0.95);
  });

  it('round-trips through the binary file, byte for byte', () => {
    const bytes = wordVectorsToBytes(SMALL);
    const back = wordVectorsFromBytes(bytes, 'small.bin', true);
    expect(back).toEqual(SMALL);
    expect(Buffer.from(wordVectorsToBytes(back)).equals(Buffer.from(bytes))).toBe(true);
  });

  it('refuses a truncated or foreign file with one line naming it', () => {
    const bytes = wordVectorsToBytes(SMALL);
    for (const cut of [0, 10, 30, bytes.length - 1]) {
      let error: unknown;
      try {
        wordVectorsFromBytes(bytes.subarray(0, cut), 'small.bin');
      } catch (e) {
        error = e;
      }
      expect(isStanceError(error)).toBe(true);
      expect((error as Error).message).toMatch(/^not a stance word-vector table: [^\n]+$/);
    }
    const changed = Uint8Array.from(bytes);
    changed[changed.length - 1] = changed[changed.length - 1]! ^ 1;
    expect(() => wordVectorsFromBytes(changed, 'small.bin', true)).toThrow(/does not match its hash/);
  });

  it('truncates to the table a smaller recipe gives', () => {
    const three = truncateWordVectors(SMALL, 3);
    expect(three.words).toEqual(['the', 'good', 'fine']);
    expect(three.values.length).toBe(9);
    expect(three.recipe.words).toBe(3);
  });

  it('ships a whole table whose content matches its hash', () => {
    const data = wordVectorsFromBytes(readFileSync(TABLE), 'word-vectors.bin', true);
    expect(data.words.length).toBe(WORD_VECTORS_RECIPE.words);
    expect(data.recipe).toEqual(WORD_VECTORS_RECIPE);
    expect(data.source.licence).toMatch(/PDDL/);
    const table = wordVectors();
    expect(table.id).toBe(data.id);
    const v = (t: string) => table.sentence(t);
    // Near-synonyms agree more than unrelated sentences do.
    expect(cosine(v('The minister said it was wrong.'), v('The official stated it was mistaken.'))).toBeGreaterThan(
      cosine(v('The minister said it was wrong.'), v('Rainfall totals in March were low.')),
    );
  });
});
