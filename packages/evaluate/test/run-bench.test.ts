import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { BenchItem } from '../src/index.ts';
import { parseModelSpecs, runBench } from '../src/index.ts';

const MODEL = resolve(import.meta.dirname, 'fixtures/model.mjs');

/** A small three-label corpus: 12 documents of 6 sentences with recognisable wording per label. */
function corpus(prefix: string, docs: number): BenchItem[] {
  const out: BenchItem[] = [];
  const text = {
    fact: (i: number) => `The council approved ${i + 3} new buses on 12 March ${2000 + i}.`,
    quote: (i: number) => `“We will open ${i} more lines,” the mayor said.`,
    opinion: (i: number) => `I think this plan number ${i} is a terrible mistake.`,
  } as const;
  for (let d = 0; d < docs; d++)
    for (let s = 0; s < 6; s++) {
      const label = (['fact', 'fact', 'quote', 'opinion', 'opinion', 'fact'] as const)[s]!;
      out.push({ id: `${prefix}${d}-${s}`, text: text[label](d * 6 + s), label, doc: `${prefix}doc${d}` });
    }
  return out;
}

const train = corpus('tr', 12);
const test = corpus('te', 6);
const options = { resamples: 200, seed: 3 };

describe('runBench on a train/test split', () => {
  it('scores every model, compares each pair, and gives the document-level error', async () => {
    const report = await runBench(
      { mode: 'split', train, test, files: [] },
      { ...options, models: parseModelSpecs(['majority', 'rules', 'nb', `cmd:node ${MODEL} keyword fact`]) },
    );
    expect(report.data.labels).toEqual(['fact', 'quote', 'opinion']);
    expect(report.models.map((m) => [m.name.split(' ')[0], m.error])).toEqual([
      ['majority', null],
      ['rules', null],
      ['nb', null],
      ['cmd:node', null],
    ]);
    const majority = report.models[0]!.scores!;
    // Majority predicts fact (half the items): fact F1 = 2·.5·1/1.5 = 2/3, others 0.
    expect(majority.macroF1.estimate).toBeCloseTo(2 / 9, 10);
    expect(majority.accuracy.estimate).toBeCloseTo(0.5, 10);
    // The keyword model finds every opinion ("I think") and calls the rest fact: quote F1 0.
    const keyword = report.models[3]!.scores!;
    expect(keyword.perClass.map((c) => Math.round(c.f1.estimate * 1000) / 1000)).toEqual([0.857, 0, 1]);
    expect(report.models[2]!.scores!.macroF1.estimate).toBeGreaterThan(0.9);
    expect(report.comparisons).toHaveLength(6);
    expect(report.comparisons[0]!.a).toBe('majority');
    const docs = report.models[0]!.documents!;
    expect(docs.opinionLabel).toBe('opinion');
    expect(docs.documents).toHaveLength(6);
    // Majority says fact everywhere: opinion share 0 against gold 2/6 in every document.
    expect(docs.mae.estimate).toBeCloseTo(1 / 3, 10);
  });

  it('runs the shipped default labeller by name, reporting what it was trained on', async () => {
    const report = await runBench(
      { mode: 'split', train, test, files: [] },
      { ...options, models: parseModelSpecs(['default']) },
    );
    const run = report.models[0]!;
    expect([run.name, run.error]).toEqual(['default', null]);
    expect(run.scores!.accuracy.estimate).toBeGreaterThan(0);
    expect(JSON.stringify(run.settings)).toContain('checkthat-subjectivity-en.train.jsonl');
  });

  it('gives the same figures for the same seed', async () => {
    const run = () =>
      runBench({ mode: 'split', train, test, files: [] }, { ...options, models: parseModelSpecs(['rules', 'logreg']) });
    const [a, b] = [await run(), await run()];
    const figures = (r: typeof a) => JSON.stringify([r.models.map((m) => m.scores), r.comparisons]);
    expect(figures(a)).toBe(figures(b));
  });

  it('keeps the other models’ results when one fails, and the progress still reaches its end', async () => {
    const progress: string[] = [];
    const report = await runBench(
      { mode: 'split', train, test, files: [] },
      {
        ...options,
        models: parseModelSpecs(['majority', `cmd:node ${MODEL} crash`]),
        curve: [0.5, 1],
        onProgress: (done, total) => progress.push(`${done}/${total}`),
      },
    );
    expect(progress.at(-1)).toBe('7/7');
    expect(report.models[0]!.scores).not.toBeNull();
    expect(report.models[1]!.error).toBe('exited with code 3: model.mjs: out of memory (pretend)');
    expect(report.comparisons).toHaveLength(0);
  });

  it('issue 11.8: refuses an unknown --model (no such built-in, no such file) as a usage error listing the names', async () => {
    const run = runBench(
      { mode: 'split', train, test, files: [] },
      { ...options, models: parseModelSpecs(['rules', 'foo']), cwd: import.meta.dirname },
    );
    await expect(run).rejects.toThrow(
      expect.objectContaining({
        exitCode: 2,
        message:
          'unknown model "foo": not a built-in model (majority, rules, nb, logreg, default, hybrid), not cmd:PROGRAM, and no such file',
      }),
    );
  });

  it('draws a learning curve for the models that learn', async () => {
    const report = await runBench(
      { mode: 'split', train, test, files: [] },
      { ...options, models: parseModelSpecs(['rules', 'nb']), curve: [0.25, 1] },
    );
    expect(report.curve.map((p) => [p.model, p.share, p.trainItems])).toEqual([
      ['nb', 0.25, 18],
      ['nb', 1, 72],
    ]);
    expect(report.curve[1]!.macroF1!.estimate).toBeCloseTo(report.models[1]!.scores!.macroF1.estimate, 12);
  });

  it('scores each annotator against gold for the human ceiling', async () => {
    const judgements = test.flatMap((item, i) => [
      { id: item.id, annotator: 'ann', label: item.label },
      { id: item.id, annotator: 'bob', label: i % 6 === 2 ? 'fact' : item.label },
    ]);
    const report = await runBench(
      { mode: 'dataset', train, test, files: [], judgements },
      { ...options, models: parseModelSpecs(['majority']) },
    );
    expect(report.humans.map((h) => [h.annotator, h.scores.items, h.scores.accuracy.estimate])).toEqual([
      ['ann', 36, 1],
      ['bob', 36, 30 / 36],
    ]);
  });
});

describe('runBench with k-fold cross-validation', () => {
  it('reports each fold and mean ± sd, and pools out-of-fold predictions', async () => {
    const items = corpus('cv', 15);
    const steps: string[] = [];
    const report = await runBench(
      { mode: 'cv', items, folds: 3, files: [] },
      { ...options, models: parseModelSpecs(['majority', 'nb']), onProgress: (_d, _t, s) => steps.push(s) },
    );
    const nb = report.models[1]!;
    expect(nb.folds!.map((f) => f.items)).toEqual([30, 30, 30]);
    expect(nb.cv!.macroF1.mean).toBeCloseTo(nb.folds!.reduce((s, f) => s + f.macroF1, 0) / 3, 12);
    expect(nb.scores!.items).toBe(90);
    expect(report.data.cvFolds).toBe(3);
    expect(steps).toContain('nb (fold 2 of 3)');
    expect(steps.at(-1)).toBe('scores');
  });
});
