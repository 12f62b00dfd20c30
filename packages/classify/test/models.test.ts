import { isStanceError } from '@stance/schema';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Example } from '../src/index.ts';
import { examplesSha256, modelFromJson, modelToJson, rulesModel, train } from '../src/index.ts';
import { examples } from './subj-obj.ts';

const probes = [
  'This decision is absurd.',
  'The budget was approved in March.',
  'What a disgraceful mess!',
  'The plant employs 300 people.',
];

describe.each(['nb', 'logreg'] as const)('train(%s)', (kind) => {
  const model = train(kind, examples);

  it('learns any label set and separates the training data', () => {
    expect(model.labels).toEqual(['OBJ', 'SUBJ']);
    const predicted = model
      .predict(
        examples.map((e) => e.text),
        { independent: true },
      )
      .map((p) => p.label);
    expect(predicted).toEqual(examples.map((e) => e.label));
    expect(model.predict(probes, { independent: true }).map((p) => p.label)).toEqual(['SUBJ', 'OBJ', 'SUBJ', 'OBJ']);
  });

  it('saves and loads back with identical predictions', () => {
    const loaded = modelFromJson(modelToJson(model));
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 80 }), { maxLength: 5 }), (texts) => {
        expect(loaded.predict(texts)).toEqual(model.predict(texts));
      }),
    );
    expect(loaded.predict(probes)).toEqual(model.predict(probes));
  });

  it('is deterministic: the same data gives the same JSON', () => {
    expect(modelToJson(train(kind, examples))).toBe(modelToJson(model));
  });

  it('records kind, labels, options, feature settings and the data hash', () => {
    const data = JSON.parse(modelToJson(model));
    expect(data.kind).toBe(kind);
    expect(data.labels).toEqual(['OBJ', 'SUBJ']);
    expect(Object.keys(data.options).sort()).toEqual(
      kind === 'nb' ? ['alpha', 'uniformPrior'] : ['balanced', 'l2', 'maxIterations', 'nbScale'],
    );
    expect(data.features).toMatchObject({ wordNgrams: 2, cues: true, context: true });
    expect(data.data).toEqual({ examples: 16, sha256: examplesSha256(examples), counts: { OBJ: 8, SUBJ: 8 } });
    expect(data.data.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('scores are probabilities over its labels', () => {
    for (const p of model.predict(probes)) {
      expect(Object.keys(p.scores).sort()).toEqual(['OBJ', 'SUBJ']);
      expect((p.scores['OBJ'] ?? 0) + (p.scores['SUBJ'] ?? 0)).toBeCloseTo(1, 9);
      expect(p.confidence).toBe(p.scores[p.label]);
    }
  });
});

describe('neighbour context', () => {
  it('a trained model sees a quotation opened in the previous sentence of the same document', () => {
    const docExamples: Example[] = [];
    for (let i = 0; i < 6; i++) {
      docExamples.push({ text: `“The depot will stay open for year ${i}.`, label: 'quote', doc: `d${i}` });
      docExamples.push({ text: `The drivers need the work.`, label: 'quote', doc: `d${i}` });
      docExamples.push({ text: `The drivers need the work.`, label: 'fact', doc: `e${i}` });
    }
    const model = train('logreg', docExamples, { features: { charNgrams: null } });
    const [, carried] = model.predict(['“The depot will stay open.', 'The drivers need the work.']);
    const [alone] = model.predict(['The drivers need the work.']);
    expect(carried!.label).toBe('quote');
    expect(alone!.label).toBe('fact');
  });
});

describe('modelFromJson: bad files', () => {
  const good = JSON.parse(modelToJson(train('nb', examples)));
  const goodLr = JSON.parse(modelToJson(train('logreg', examples)));
  const cases: [string, string][] = [
    ['not JSON', '{"format": "stance-model",'],
    ['an array', '[]'],
    ['another format', JSON.stringify({ ...good, format: 'other' })],
    ['a newer version', JSON.stringify({ ...good, version: 99 })],
    ['an unknown kind', JSON.stringify({ ...good, kind: 'svm' })],
    ['one label', JSON.stringify({ ...good, labels: ['SUBJ'] })],
    ['weights that do not fit the vocabulary', JSON.stringify({ ...good, vocabulary: ['w1:x'] })],
    ['missing features', JSON.stringify({ ...good, features: undefined })],
    ['missing params', JSON.stringify({ ...good, params: null })],
    ['a feature scale of the wrong length', JSON.stringify({ ...goodLr, params: { ...goodLr.params, scale: [1] } })],
  ];
  it.each(cases)('refuses %s with a one-line StanceError naming the file', (_, json) => {
    let caught: unknown;
    try {
      modelFromJson(json, 'm.json');
    } catch (error) {
      caught = error;
    }
    expect(isStanceError(caught)).toBe(true);
    expect((caught as Error & { where: string }).where).toBe('m.json');
    expect((caught as Error).message).not.toContain('\n');
  });

  it('the rules model has nothing to save', () => {
    expect(() => modelToJson(rulesModel)).toThrow(/built in/);
  });

  it('training needs two labels', () => {
    expect(() => train('nb', [{ text: 'a', label: 'x' }])).toThrow(/two labels/);
  });
});

describe('rulesModel', () => {
  it('predicts the four labels with cues, in document order or independently', () => {
    const texts = ['“We tried everything.', 'The bank would not listen,” she said.'];
    expect(rulesModel.predict(texts).map((p) => p.label)).toEqual(['quote', 'quote']);
    expect(rulesModel.predict(texts, { independent: true })[1]!.cues!.length).toBeGreaterThan(0);
  });
});
