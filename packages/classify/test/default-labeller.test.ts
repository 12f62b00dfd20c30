import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isStanceError, LABELS } from '@stance/schema';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { binaryComponent, binaryScorer, pairScorer } from '../src/default-model/binary-scorer.ts';
import type { CombineOrder } from '../src/default-model/combine.ts';
import { COMBINE_ORDERS, combineComponents } from '../src/default-model/combine.ts';
import { sentenceScorer } from '../src/default-model/sentence-scorer.ts';
import { sentenceFeatures } from '../src/features.ts';
import type { LabellerData } from '../src/index.ts';
import {
  DEFAULT_RECIPE,
  defaultLabeller,
  endsInQuote,
  labellerFromData,
  labellerFromJson,
  PROBE_SENTENCES,
  train,
} from '../src/index.ts';
import { wordVectors } from '../src/word-vectors/load.ts';
import { examples } from './subj-obj.ts';

const HERE = fileURLToPath(new URL('.', import.meta.url));
const WEIGHTS = resolve(HERE, '../weights/default-labeller.json');
const EVAL = resolve(HERE, '../../../../shared/eval');
const shipped = JSON.parse(readFileSync(WEIGHTS, 'utf8')) as LabellerData;

// Sentences written for this test (not from any data set), each clear-cut under corpus/GUIDELINES.md.
const GOLDEN: [string, string][] = [
  ['The council approved the budget on Tuesday by seven votes to four.', 'fact'],
  ['Unemployment in the region fell to 6.1% in the third quarter.', 'fact'],
  ['The new bridge opened to traffic in March 2021.', 'fact'],
  ['“We will not close the depot,” the director said.', 'quote'],
  ['The minister said the scheme would be reviewed next year.', 'quote'],
  ['According to the union, forty drivers have resigned since January.', 'quote'],
  ['This is a shameful waste of public money.', 'opinion'],
  ['Frankly, nobody should believe a word of it.', 'opinion'],
  ['I think the council should start again.', 'opinion'],
  ['# Fares again', 'skip'],
  ['By Mara Eskdale', 'skip'],
];

describe('the shipped default labeller', () => {
  const labeller = defaultLabeller();

  it('labels clear-cut sentences fact / quote / opinion / skip', () => {
    const predicted = labeller.predict(
      GOLDEN.map(([t]) => t),
      { independent: true },
    );
    expect(predicted.map((p, i) => [GOLDEN[i]![0], p.label])).toEqual(GOLDEN);
  });

  it('carries a quotation over sentences when it reads a document in order', () => {
    const texts = ['“We tried everything.', 'The bank would not listen.', 'So we closed,” said the owner.'];
    expect(labeller.predict(texts).map((p) => p.label)).toEqual(['quote', 'quote', 'quote']);
  });

  // Regression: the labeller ignored `startsInQuote`, so `stance analyze`, which labels 1,000 sentences a call, lost a
  // quotation open across a batch boundary (the rules and trained models kept it).
  it('labels a document split into two calls as in one, when the second is told a quotation is open', () => {
    const doc = [
      'The depot opened in 1921.',
      '“We will not close the depot.',
      'It is the heart of this town and always will be.',
      'We owe it that much,” the director said.',
      'The vote is on Tuesday.',
    ];
    const whole = labeller.predict(doc);
    expect(whole.map((p) => p.label)).toEqual(['fact', 'quote', 'quote', 'quote', 'fact']);
    for (let cut = 1; cut < doc.length; cut++) {
      const head = doc.slice(0, cut);
      const tail = labeller.predict(doc.slice(cut), { startsInQuote: endsInQuote(head) });
      expect([...labeller.predict(head), ...tail]).toEqual(whole);
    }
  });

  it('always answers one of the four labels with scores that sum to 1 and confidence = the label’s score', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 120 }), { maxLength: 6 }), fc.boolean(), (texts, independent) => {
        const out = labeller.predict(texts, { independent });
        expect(out).toHaveLength(texts.length);
        for (const p of out) {
          expect(LABELS).toContain(p.label);
          const sum = Object.values(p.scores).reduce((a, b) => a + b, 0);
          expect(sum).toBeCloseTo(1, 3);
          expect(p.confidence).toBeCloseTo(p.scores[p.label]!, 9);
        }
      }),
    );
  });

  it('is the same object on every call (loaded once per process)', () => {
    expect(defaultLabeller()).toBe(labeller);
    expect(labeller.name).toBe('default');
    expect(labeller.kind).toBe('labeller');
  });

  // Feature drift: a change to the feature extraction or the scoring arithmetic would change these numbers; the
  // weights would then no longer mean what they meant at build time (rebuild with `pnpm build:model`).
  it('reproduces the probe probabilities recorded when the weights were built', () => {
    expect(shipped.probes.map((p) => p.text)).toEqual(PROBE_SENTENCES);
    const outputs = labeller.components(PROBE_SENTENCES, { independent: true });
    outputs.forEach((o, i) => {
      expect(o.opinion).toBeCloseTo(shipped.probes[i]!.opinion, 5);
      expect(o.quote).toBeCloseTo(shipped.probes[i]!.quote, 5);
    });
  });

  it('records the current recipe, every file it names, and the data licences', () => {
    expect(shipped.training.recipe).toBe(DEFAULT_RECIPE.version);
    const { opinion, quote } = DEFAULT_RECIPE;
    const named = new Set([...opinion.selectOn, ...opinion.fitOn, ...quote.selectOn, ...quote.fitOn]);
    expect(new Set(shipped.training.files.map((f) => f.name))).toEqual(named);
    expect(shipped.training.licence).toBe(DEFAULT_RECIPE.licence);
    expect(shipped.training.licence).toMatch(/non-commercial/);
  });

  // The shared eval folder sits beside the repository (CI copies it there); its files must be the ones trained on.
  it.runIf(existsSync(EVAL))(
    'was built from the shared eval files as they are now (sha256; skipped without ../shared/eval)',
    () => {
      for (const f of shipped.training.files) {
        const bytes = readFileSync(resolve(EVAL, f.name));
        expect(`${f.name} ${createHash('sha256').update(bytes).digest('hex')}`).toBe(`${f.name} ${f.sha256}`);
      }
    },
  );

  it('stays small enough to ship and to load quickly', () => {
    expect(readFileSync(WEIGHTS).length).toBeLessThan(5 * 1024 * 1024);
  });
});

describe('the integer scorer (sentenceScorer)', () => {
  // The labeller scores on integer entries (sentence-scorer.ts); pairScorer over sentenceFeatures' strings is the
  // reference arithmetic. Both add the same numbers in the same order, so they must agree to the last bit.
  const reference = pairScorer(shipped.opinion, shipped.quote, wordVectors());
  const fast = sentenceScorer(shipped.opinion, shipped.quote, shipped.features, wordVectors());
  const check = (text: string, inQuote: boolean) => {
    const features = sentenceFeatures(text, inQuote, shipped.features);
    const [opinion, quote] = reference.probabilities(features);
    expect(fast.score(text, inQuote)).toEqual({
      opinion,
      quote,
      skip: features.has('r:skip'),
      quotation: features.has('k:quotation') || features.has('ctx:in-quote'),
    });
  };

  it('gives the reference probabilities, bit for bit, on the probes, the golden sentences and the guideline cases', () => {
    const cases = readFileSync(resolve(HERE, 'fixtures/guideline-cases.jsonl'), 'utf8')
      .split('\n')
      .filter((l) => l.trim())
      .map((l) => (JSON.parse(l) as { text: string }).text);
    for (const text of [...PROBE_SENTENCES, ...GOLDEN.map(([t]) => t), ...cases])
      for (const inQuote of [false, true]) check(text, inQuote);
  });

  it('gives the reference probabilities, bit for bit, on any text (contractions, repeats, unknown words, quotes)', () => {
    const word = fc.constantFrom(
      'Don’t',
      "don't",
      'do',
      'not',
      "can't",
      'won’t',
      "it's",
      'shameful',
      'said',
      'the',
      'The',
      '“',
      '”',
      '"',
      '?',
      '!',
      'council',
      'zzqx',
      'İstanbul',
      '𝐀𝐁',
      '# ',
      'By',
    );
    fc.assert(
      fc.property(fc.array(fc.oneof(word, fc.string({ maxLength: 6 })), { maxLength: 40 }), fc.boolean(), (parts, q) =>
        check(parts.join(' '), q),
      ),
      { numRuns: 1000 },
    );
  });

  it.runIf(existsSync(EVAL))(
    'gives the reference probabilities, bit for bit, on PolNeAR dev (skipped without ../shared/eval)',
    () => {
      const texts = readFileSync(resolve(EVAL, 'polnear-attribution-en.dev.jsonl'), 'utf8')
        .split('\n')
        .filter((l) => l.trim())
        .map((l) => (JSON.parse(l) as { text: string }).text);
      for (const text of texts) check(text, false);
    },
  );
});

describe('components and combination', () => {
  it('a binary component scores exactly as the logreg model it came from', () => {
    const model = train('logreg', examples);
    const component = binaryComponent(model, 'SUBJ');
    const scorer = binaryScorer(component);
    const pair = pairScorer(component, binaryComponent(model, 'OBJ'));
    const probes = ['This decision is absurd.', 'The budget was approved in March.', 'What a mess!', ''];
    const expected = model.predict(probes, { independent: true }).map((p) => p.scores['SUBJ']!);
    probes.forEach((text, i) => {
      const features = sentenceFeatures(text, false, model.data.features);
      expect(scorer.probability(features)).toBeCloseTo(expected[i]!, 5);
      const [subj, obj] = pair.probabilities(features);
      expect(subj).toBeCloseTo(expected[i]!, 5);
      expect(obj).toBeCloseTo(1 - expected[i]!, 5);
    });
  });

  it('follows the guidelines’ precedence: opinion, then quote, then fact; scores factorise', () => {
    expect(combineComponents(0.7, 0.9).label).toBe('opinion');
    expect(combineComponents(0.3, 0.9).label).toBe('quote');
    expect(combineComponents(0.3, 0.2).label).toBe('fact');
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), (o, q) => {
        const { scores } = combineComponents(o, q);
        expect(scores.fact + scores.quote + scores.opinion + scores.skip).toBeCloseTo(1, 9);
        expect(scores.opinion).toBe(o);
      }),
    );
  });

  it('quotation-first is quote-first for a sentence holding or continuing a quotation, opinion-first otherwise', () => {
    expect(combineComponents(0.7, 0.9, 'quotation-first', true).label).toBe('quote');
    expect(combineComponents(0.7, 0.9, 'quotation-first', false).label).toBe('opinion');
    const p = fc.double({ min: 0, max: 1, noNaN: true });
    fc.assert(
      fc.property(p, p, fc.boolean(), (o, q, quotation) => {
        expect(combineComponents(o, q, 'quotation-first', quotation)).toEqual(
          combineComponents(o, q, quotation ? 'quote-first' : 'opinion-first'),
        );
      }),
    );
  });

  it('says which sentences hold or continue a quotation (four or more quoted words; scare quotes do not count)', () => {
    const texts = [
      '“We tried everything we could think of.',
      'The bank would not listen,” said the owner.',
      'The so-called “efficiency review” closed three libraries.',
      'The council approved the budget on Tuesday.',
    ];
    expect(
      defaultLabeller()
        .components(texts)
        .map((c) => c.quotation),
    ).toEqual([true, true, false, false]);
  });

  it('labels by the order its weights name, with each sentence’s quotation flag', () => {
    const texts = [
      '“We will not close the depot,” the director said.',
      'Frankly, nobody should believe a word of it.',
      'Critics argue the plan is reckless, “a gamble with other people’s money and nothing else.”',
      'Who, exactly, asked for a fourth stadium?',
      // Both components say yes, and it holds a quotation: the orders disagree here.
      'This is the worst kind of politics, “the politics of fear and nothing else,” Clinton said.',
    ];
    const labelsOf = (order: CombineOrder) =>
      labellerFromData({ ...defaultLabeller().data, combine: order })
        .predict(texts)
        .map((p) => p.label);
    expect(labelsOf('quotation-first')[4]).toBe('quote');
    expect(labelsOf('opinion-first')[4]).toBe('opinion');
    for (const order of COMBINE_ORDERS) {
      const labeller = labellerFromData({ ...defaultLabeller().data, combine: order });
      const components = labeller.components(texts);
      expect(labeller.predict(texts).map((p) => p.label)).toEqual(
        components.map((c) => (c.skip ? 'skip' : combineComponents(c.opinion, c.quote, order, c.quotation).label)),
      );
    }
  });

  it('quote-first and confident orders differ only when both components say yes', () => {
    expect(combineComponents(0.7, 0.9, 'quote-first').label).toBe('quote');
    expect(combineComponents(0.9, 0.7, 'quote-first').label).toBe('quote');
    expect(combineComponents(0.9, 0.7, 'confident').label).toBe('opinion');
    expect(combineComponents(0.7, 0.9, 'confident').label).toBe('quote');
    expect(combineComponents(1, 1, 'confident').label).toBe('opinion');
    const p = fc.double({ min: 0, max: 1, noNaN: true });
    fc.assert(
      fc.property(p, p, fc.constantFrom(...COMBINE_ORDERS), (o, q, order) => {
        const { label, scores } = combineComponents(o, q, order);
        expect(scores.fact + scores.quote + scores.opinion + scores.skip).toBeCloseTo(1, 9);
        if (o < 0.5 || q < 0.5) expect(label).toBe(combineComponents(o, q).label);
        // The label has the highest score (ties aside).
        for (const l of ['fact', 'quote', 'opinion'] as const)
          expect(scores[label]).toBeGreaterThanOrEqual(scores[l] - 1e-12);
      }),
    );
  });
});

describe('word-vector sides', () => {
  const dims = wordVectors().dims;
  const zeros = new Array<number>(dims).fill(0);

  it('mixes each side by its share: p = (1 − share)·p_ngrams + share·p_vectors', () => {
    const { dense: _o, ...opinion } = shipped.opinion;
    const { dense: _q, ...quote } = shipped.quote;
    const { wordVectors: _w, ...rest } = shipped;
    const bare = { ...rest, opinion };
    const plain = labellerFromData({ ...bare, quote });
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), fc.double({ min: 0, max: 1, noNaN: true }), (text, share) => {
        // A word-vector side with zero weights and bias 0 says 0.5 for every sentence.
        const mixed = labellerFromData({
          ...bare,
          wordVectors: wordVectors().id,
          quote: { ...quote, dense: { weight: zeros, bias: 0, share } },
        });
        const [a] = plain.components([text], { independent: true });
        const [b] = mixed.components([text], { independent: true });
        expect(b!.opinion).toBe(a!.opinion);
        expect(b!.quote).toBeCloseTo((1 - share) * a!.quote + share * 0.5, 12);
      }),
    );
  });

  it('scores the word-vector side as the dense model does: the sigmoid of bias + w · (the sentence’s mean vector)', () => {
    const table = wordVectors();
    const { dense: _o, ...opinion } = shipped.opinion;
    const { dense: _q, ...quote } = shipped.quote;
    const { wordVectors: _w, ...rest } = shipped;
    const plain = labellerFromData({ ...rest, opinion, quote });
    const word = fc.constantFrom('Don’t', 'do', 'not', 'shameful', 'said', 'the', '“', '?', 'council', 'won’t', 'zzqx');
    fc.assert(
      fc.property(fc.array(fc.oneof(word, fc.string({ maxLength: 6 })), { maxLength: 25 }), (parts) => {
        const text = parts.join(' ');
        const [ngrams] = plain.components([text], { independent: true });
        const [both] = defaultLabeller().components([text], { independent: true });
        const v = table.sentence(text);
        for (const which of ['opinion', 'quote'] as const) {
          const d = shipped[which].dense;
          if (!d) continue;
          const z = d.bias + d.weight.reduce((s, w, j) => s + w * v[j]!, 0);
          expect(both![which]).toBeCloseTo((1 - d.share) * ngrams![which] + d.share / (1 + Math.exp(-z)), 10);
        }
      }),
    );
  });

  it('refuses to run with a table other than the one it was built with', () => {
    const other = { ...wordVectors(), id: 'glove-6b-100d.sif-int8.7.000000000000' };
    expect(() => labellerFromData(shipped, other)).toThrow(/built with word vectors/);
  });
});

describe('labellerFromJson', () => {
  const json = readFileSync(WEIGHTS, 'utf8');

  it('loads the shipped file into a labeller that predicts as the built-in one', () => {
    const loaded = labellerFromJson(json, 'default-labeller.json');
    const texts = GOLDEN.map(([t]) => t);
    expect(loaded.predict(texts)).toEqual(defaultLabeller().predict(texts));
    expect(labellerFromData(shipped).predict(texts)).toEqual(loaded.predict(texts));
  });

  const broken: [string, string][] = [
    ['truncated JSON', json.slice(0, 1000)],
    ['a trained model file instead', JSON.stringify({ format: 'stance-model', version: 1 })],
    ['another format version', JSON.stringify({ ...shipped, version: 99 })],
    [
      'weights that do not match the features',
      JSON.stringify({ ...shipped, quote: { ...shipped.quote, weight: [1] } }),
    ],
    ['no opinion component', JSON.stringify({ ...shipped, opinion: undefined })],
    [
      'a word-vector side of the wrong width',
      JSON.stringify({
        ...shipped,
        wordVectors: wordVectors().id,
        quote: { ...shipped.quote, dense: { weight: [1, 2], bias: 0, share: 0.5 } },
      }),
    ],
    [
      'a word-vector side without a table',
      JSON.stringify({
        ...shipped,
        wordVectors: undefined,
        quote: { ...shipped.quote, dense: { weight: [1, 2], bias: 0, share: 0.5 } },
      }),
    ],
    ['an unknown combination order', JSON.stringify({ ...shipped, combine: 'fact-first' })],
    ['another word-vector table', JSON.stringify({ ...shipped, wordVectors: 'glove-6b-100d.sif-int8.7.000000000000' })],
  ];
  it.each(broken)('refuses %s with one StanceError naming the file', (_, text) => {
    let error: unknown;
    try {
      labellerFromJson(text, 'x.json');
    } catch (e) {
      error = e;
    }
    expect(isStanceError(error)).toBe(true);
    expect((error as Error).message).toMatch(/^not a stance labeller: /);
  });
});
