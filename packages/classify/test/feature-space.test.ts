import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FeatureSpace } from '../src/feature-space.ts';
import type { FeatureSettings } from '../src/features.ts';
import { DEFAULT_FEATURES, sentenceFeatures } from '../src/features.ts';
import { WordScanner } from '../src/word-scanner.ts';

// Text drawn from pieces that exercise every branch of the tokenizer and the features: ASCII and accented words,
// digits, straight and curly apostrophes and quotes, ?!, characters whose lower case is longer (İ), letters and
// digits outside the BMP, a lone surrogate, combining marks, emoji, cue words and spaces.
const PIECES = [
  'the',
  'The',
  'council',
  'said',
  'absurd',
  'I',
  'think',
  'very',
  '2024',
  '3.5',
  'don’t',
  "it's",
  'rock’n’roll',
  'dogs’',
  "'",
  '’',
  '‘',
  '“',
  '”',
  '"',
  '?',
  '!',
  '.',
  ',',
  ' ',
  ' ',
  ' ',
  '  ',
  '\n',
  'İstanbul',
  'straße',
  'naïve',
  'É',
  '𝐀𝐁',
  '𝟗',
  '\ud800',
  'é',
  '😀',
  'x²',
  '½',
  'Ⅻ',
  'Москва',
  '東京',
  'ǅ',
  "l'",
  'banana',
  'according to',
  'should',
];
const text = fc.array(fc.constantFrom(...PIECES), { maxLength: 30 }).map((parts) => parts.join(''));
const settings = fc.record<FeatureSettings>({
  wordNgrams: fc.integer({ min: 0, max: 3 }),
  charNgrams: fc.constantFrom(null, [2, 5] as const, [1, 3] as const, [3, 3] as const),
  cues: fc.boolean(),
  context: fc.boolean(),
  minCount: fc.constant(1),
  stems: fc.boolean(),
});

/** The names of the features a space extracted from a text, in extraction order. */
function extracted(space: FeatureSpace, names: readonly string[], t: string, inQuote: boolean): string[] {
  const n = space.extract(t, inQuote);
  return Array.from(space.ids.subarray(0, n), (id) => names[id]!);
}

describe('WordScanner', () => {
  it('finds the tokens of the reference regex, at the same offsets', () => {
    const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)?|[?!“”"]/gu;
    const scanner = new WordScanner();
    fc.assert(
      fc.property(text, (t) => {
        const lower = t.toLowerCase().replace(/’/g, "'");
        const expected = [...lower.matchAll(WORD)].map((m) => [m.index, m.index + m[0].length]);
        const n = scanner.scan(lower);
        const got = Array.from({ length: n }, (_, i) => [scanner.bounds[2 * i], scanner.bounds[2 * i + 1]]);
        expect(got).toEqual(expected);
      }),
      { numRuns: 500 },
    );
  });
});

describe('FeatureSpace', () => {
  it('extracts exactly sentenceFeatures, in the same order, under any settings', () => {
    fc.assert(
      fc.property(settings, fc.array(fc.tuple(text, fc.boolean()), { maxLength: 8 }), (s, sentences) => {
        const space = FeatureSpace.growing(s);
        for (const [t, inQuote] of sentences) {
          const n = space.extract(t, inQuote);
          const names = space.vocabulary();
          const got = Array.from(space.ids.subarray(0, n), (id) => names[id]!);
          expect(got).toEqual([...sentenceFeatures(t, inQuote, s)]);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('a fixed space keeps the features in its vocabulary and drops the rest', () => {
    fc.assert(
      fc.property(settings, fc.array(text, { minLength: 1, maxLength: 6 }), text, (s, trainTexts, t) => {
        const growing = FeatureSpace.growing(s);
        for (const x of trainTexts) growing.extract(x, false);
        const vocabulary = growing.vocabulary();
        const fixed = FeatureSpace.fixed(s, vocabulary);
        const known = new Set(vocabulary);
        const expected = [...sentenceFeatures(t, false, s)].filter((f) => known.has(f)).sort();
        expect(extracted(fixed, vocabulary, t, false).sort()).toEqual(expected);
        // A sentence it was built from comes back whole.
        expect(extracted(fixed, vocabulary, trainTexts[0]!, false).sort()).toEqual(
          [...sentenceFeatures(trainTexts[0]!, false, s)].sort(),
        );
      }),
      { numRuns: 300 },
    );
  });

  it('a factored sentence holds every feature exactly once: direct + tokens − repeated', () => {
    fc.assert(
      fc.property(settings, fc.array(text, { maxLength: 8 }), (s, texts) => {
        const space = FeatureSpace.growing(s);
        const rows = texts.map((t) => {
          const n = space.extract(t, false);
          const f = space.factored!;
          const ids = Array.from(space.ids.subarray(0, n));
          return { ids, direct: [...f.direct], tokens: [...f.tokens], repeated: [...f.repeated] };
        });
        const tokens = space.tokenFeatures();
        for (const row of rows) {
          const count = new Map<number, number>();
          const bump = (id: number, by: number) => count.set(id, (count.get(id) ?? 0) + by);
          for (const id of row.direct) bump(id, 1);
          for (const t of row.tokens)
            for (let p = tokens.start[t]!; p < tokens.start[t + 1]!; p++) bump(tokens.index[p]!, 1);
          for (const id of row.repeated) bump(id, -1);
          const present = [...count].filter(([, c]) => c !== 0);
          expect(present.every(([, c]) => c === 1)).toBe(true);
          expect(present.map(([id]) => id).sort((a, b) => a - b)).toEqual([...row.ids].sort((a, b) => a - b));
        }
      }),
      { numRuns: 300 },
    );
  });

  it('keeps extracting correctly past its stamp cycle, growing or fixed', () => {
    const space = FeatureSpace.growing(DEFAULT_FEATURES);
    const base = ['The council said the plan was absurd.', 'I think it is “very” good!'];
    for (const t of base) space.extract(t, false);
    const vocabulary = space.vocabulary();
    const known = new Set(vocabulary);
    const fixed = FeatureSpace.fixed(DEFAULT_FEATURES, vocabulary);
    for (let i = 0; i < 600; i++) {
      const t = `${base[i % 2]} word${i} ${i}`;
      const expected = [...sentenceFeatures(t, false, DEFAULT_FEATURES)];
      const n = space.extract(t, false);
      const names = space.vocabulary();
      expect(Array.from(space.ids.subarray(0, n), (id) => names[id]!)).toEqual(expected);
      expect(extracted(fixed, vocabulary, t, false).sort()).toEqual(expected.filter((f) => known.has(f)).sort());
    }
  });
});
