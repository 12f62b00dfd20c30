import { isStanceError } from '@stance/schema';
import { describe, expect, it } from 'vitest';
import { quoteContext } from '../src/context.ts';
import { DEFAULT_FEATURES, sentenceFeatures } from '../src/features.ts';
import { train } from '../src/index.ts';
import { trainingFeatures } from '../src/training-features.ts';

// Deterministic made-up sentences: many distinct words, so the vocabulary grows with the data.
function sentences(n: number): { text: string; label: string }[] {
  let seed = 1;
  const next = () => {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    return seed / 2 ** 32;
  };
  const syllables = ['ka', 'lo', 'mi', 'ter', 'sun', 'dra', 'vel', 'os', 'pri', 'nu', 'gor', 'et'];
  const word = () =>
    Array.from({ length: 1 + Math.floor(next() * 4) }, () => syllables[Math.floor(next() * 12)]).join('');
  return Array.from({ length: n }, (_, i) => ({
    text: `${Array.from({ length: 6 + Math.floor(next() * 10) }, word).join(' ')}.`,
    label: i % 3 === 0 ? 'a' : 'b',
  }));
}

describe('training memory', () => {
  it('stops with a one-line error, naming what to do, when the features would not fit in memory', () => {
    const data = sentences(300);
    const texts = data.map((e) => e.text);
    const y = Int32Array.from(data, (e) => (e.label === 'a' ? 0 : 1));
    const run = (limits: { features: number; entries: number }) => () =>
      trainingFeatures(texts, quoteContext(texts), y, 2, DEFAULT_FEATURES, { rows: true, maxFeatures: 1e6, limits });
    for (const limits of [
      { features: 2_000, entries: 1e9 },
      { features: 1e9, entries: 5_000 },
    ]) {
      let caught: unknown;
      try {
        run(limits)();
      } catch (error) {
        caught = error;
      }
      expect(isStanceError(caught)).toBe(true);
      expect((caught as Error).message).toMatch(/^too much training data to fit in memory: .* --max-examples N\)$/);
      expect((caught as Error).message).not.toContain('\n');
    }
    expect(run({ features: 1e9, entries: 1e9 })().seen).toBeGreaterThan(2_000);
  });

  it('raises the minimum count to keep at most maxFeatures, says so, and saves the count it used', () => {
    const data = sentences(400);
    const notices: string[] = [];
    const model = train('logreg', data, { maxFeatures: 3_000, onNotice: (m) => notices.push(m) });
    expect(model.data.vocabulary.length).toBeLessThanOrEqual(3_000);
    expect(model.data.features.minCount).toBeGreaterThan(1);
    expect(notices).toHaveLength(1);
    expect(notices[0]).toContain(`at least ${model.data.features.minCount} sentences`);
    // The same data with that minimum count given up front is the same model.
    const again = train('logreg', data, { features: { minCount: model.data.features.minCount } });
    expect(again.data.vocabulary).toEqual(model.data.vocabulary);
    // Below the cap nothing is pruned and nothing said.
    const quiet: string[] = [];
    expect(train('nb', data.slice(0, 20), { onNotice: (m) => quiet.push(m) }).data.features.minCount).toBe(1);
    expect(quiet).toEqual([]);
  });
});

describe('trainingFeatures', () => {
  // Counts and groups are tallied in factored form (per token, minus repeated n-grams); they must be what the feature
  // sets say: per class, how many sentences hold each feature, and groups of features held by exactly the same sentences.
  it('counts each feature per class and groups features held by the same sentences', () => {
    const data = sentences(120).map((e, i) => ({ ...e, text: i % 7 === 0 ? `“${e.text}` : e.text }));
    const texts = data.map((e) => e.text);
    const context = quoteContext(texts);
    const y = Int32Array.from(data, (e) => (e.label === 'a' ? 0 : 1));
    const got = trainingFeatures(texts, context, y, 2, DEFAULT_FEATURES, { rows: true, maxFeatures: 1e6 });
    const rowsOf = new Map<string, number[]>();
    texts.forEach((t, i) => {
      for (const f of sentenceFeatures(t, context[i]!, DEFAULT_FEATURES)) rowsOf.set(f, [...(rowsOf.get(f) ?? []), i]);
    });
    expect(got.vocabulary.length).toBe(rowsOf.size);
    const byGroup = new Map<number, string>();
    got.vocabulary.forEach((f, j) => {
      const rows = rowsOf.get(f)!;
      expect([got.counts[2 * j], got.counts[2 * j + 1]]).toEqual([
        rows.filter((r) => y[r] === 0).length,
        rows.filter((r) => y[r] === 1).length,
      ]);
      const key = rows.join(',');
      const g = got.groups!.of[j]!;
      if (byGroup.has(g)) expect(byGroup.get(g)).toBe(key);
      else byGroup.set(g, key);
    });
    // And no two groups hold the same rows.
    expect(new Set(byGroup.values()).size).toBe(byGroup.size);
  });

  // train passes the documents and lets extraction carry quotations from sentence to sentence (no second scan); that
  // must be the context quoteContext gives, across document boundaries and with cues off (where it scans after all).
  it('works out the quotation context from the documents as quoteContext does', () => {
    const data = sentences(90).map((e, i) => ({
      ...e,
      text: i % 5 === 0 ? `“${e.text}` : i % 5 === 2 ? `${e.text}” he said.` : e.text,
    }));
    const texts = data.map((e) => e.text);
    const docs = data.map((_, i) => (i % 11 === 10 ? undefined : `d${Math.floor(i / 9)}`));
    const y = Int32Array.from(data, (e) => (e.label === 'a' ? 0 : 1));
    const context = quoteContext(texts, docs);
    expect(context.filter(Boolean).length).toBeGreaterThan(5);
    for (const settings of [DEFAULT_FEATURES, { ...DEFAULT_FEATURES, cues: false }]) {
      const options = { rows: true, maxFeatures: 1e6 };
      const given = trainingFeatures(texts, context, y, 2, settings, options);
      const derived = trainingFeatures(texts, { docs }, y, 2, settings, options);
      expect(derived.vocabulary).toEqual(given.vocabulary);
      expect(derived.counts).toEqual(given.counts);
      expect(derived.rows).toEqual(given.rows);
    }
  });
});
