import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isStanceError } from '@stance/schema';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sentenceFeatures } from '../src/features.ts';
import { DEFAULT_FEATURES } from '../src/index.ts';
import { deriveWordVectors } from '../src/word-vectors/derive.ts';
import { wordVectors } from '../src/word-vectors/load.ts';
import { WORD_VECTORS_RECIPE } from '../src/word-vectors/recipe.ts';
import { addVectorForms, vectorWords } from '../src/word-vectors/word-tokens.ts';
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

const cosine = (a: Float64Array, b: Float64Array) =>
  a.reduce((s, x, i) => s + x * b[i]!, 0) /
  Math.sqrt(a.reduce((s, x) => s + x * x, 0) * b.reduce((s, x) => s + x * x, 0));

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

  it('gives zeros for a text with no known word, and the unit-length sum of its known words’ vectors otherwise', () => {
    const table = wordVectorsFromData(SMALL);
    const vectorOf = (r: number) => [0, 1, 2].map((j) => SMALL.scales[r]! * SMALL.values[r * 3 + j]!);
    fc.assert(
      fc.property(fc.array(fc.constantFrom('the', 'good', 'Fine', 'bad', '?', 'zzz', 'isn’t', ' ', '.')), (parts) => {
        const text = parts.join(' ');
        const rows = table.rows(text);
        expect(new Set(rows).size).toBe(rows.length);
        const sum = [0, 1, 2].map((j) => rows.reduce((s, r) => s + vectorOf(r)[j]!, 0));
        const length = Math.hypot(...sum);
        const v = table.sentence(text);
        sum.forEach((x, j) => {
          expect(v[j]).toBeCloseTo(length > 0 ? x / length : 0, 12);
        });
        if (length > 0) expect(Math.hypot(...v)).toBeCloseTo(1, 12);
        // w · Σ vectors is the sum of the words' projections.
        const w = [0.3, -2, 1.5];
        const p = table.projections(w);
        expect(rows.reduce((s, r) => s + p[r]!, 0)).toBeCloseTo(
          w.reduce((s, x, j) => s + x * sum[j]!, 0),
          12,
        );
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

describe('the default labeller’s word lookup', () => {
  it('reads off its unigram features exactly the words the table’s tokenizer finds', () => {
    const table = wordVectors();
    const settings = { ...DEFAULT_FEATURES, wordNgrams: 1, charNgrams: null };
    const word = fc.constantFrom(
      'Don’t',
      "can't",
      'It’s',
      'the',
      'THE',
      'do',
      'not',
      'well-known',
      '“',
      '?!',
      'zzqx',
      'won’t',
      'I’d',
      '42',
    );
    fc.assert(
      fc.property(fc.array(fc.oneof(word, fc.string({ maxLength: 8 })), { maxLength: 30 }), (parts) => {
        const text = parts.join(' ');
        const forms = new Set<string>();
        for (const f of sentenceFeatures(text, false, settings))
          if (f.startsWith('w1:')) addVectorForms(f.slice(3), forms);
        expect([...forms]).toEqual(vectorWords(text));
      }),
    );
    expect(table.rows('Zzz qqq.')).toEqual([]);
  });
});
