import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { runStance, runStanceInProcess } from './helpers/run-stance.ts';

const ROOT = resolve(fileURLToPath(import.meta.url), '../../../..');
const MODEL = join(ROOT, 'packages/evaluate/test/fixtures/model.mjs');
const stance = (args: string[], env: NodeJS.ProcessEnv = { NO_COLOR: '1' }) =>
  runStance(args, { env: { NO_COLOR: undefined, ...env } });
const dir = mkdtempSync(join(tmpdir(), 'stance-bench-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const stanceInProcess = (args: string[]) => runStanceInProcess(args);

/** Labelled lines: per document, two facts, a quote and an opinion, worded so the models can learn them. */
function lines(prefix: string, docs: number, labels: [string, string, string] = ['fact', 'quote', 'opinion']): string {
  const out: string[] = [];
  for (let d = 0; d < docs; d++) {
    const rows: [string, string][] = [
      [labels[0], `The council approved ${d + 3} new buses on 12 March ${2000 + d}.`],
      [labels[0], `Ridership rose by ${d + 10} percent last year.`],
      [labels[1], `“We will open ${d} more lines,” the mayor said.`],
      [labels[2], `I think plan ${d} is a terrible mistake.`],
    ];
    rows.forEach(([label, text], s) => {
      out.push(JSON.stringify({ id: `${prefix}${d}-${s}`, text, label, doc: `${prefix}-doc${d}` }));
    });
  }
  return `${out.join('\n')}\n`;
}

const train = join(dir, 'train.jsonl');
const test = join(dir, 'test.jsonl');
writeFileSync(train, lines('tr', 10));
writeFileSync(test, lines('te', 5));

// Each case spawns the real command (a second or two each).
describe('stance bench', () => {
  it('benchmarks the four built-in models on --train/--test and prints one JSON document', () => {
    const r = stance(['bench', '--train', train, '--test', test, '--json', '--resamples', '200']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.format).toBe('stance-bench');
    expect(report.models.map((m: { name: string }) => m.name)).toEqual(['majority', 'rules', 'nb', 'logreg']);
    expect(report.data.labels).toEqual(['fact', 'quote', 'opinion']);
    expect(report.data.files.map((f: { role: string; items: number }) => [f.role, f.items])).toEqual([
      ['train', 40],
      ['test', 20],
    ]);
    expect(report.data.files[0].sha256).toMatch(/^[0-9a-f]{64}$/);
    // Majority (fact, half the items): fact F1 2/3, quote and opinion 0.
    expect(report.models[0].scores.macroF1.estimate).toBeCloseTo(2 / 9, 10);
    expect(report.comparisons).toHaveLength(6);
    expect(report.repro.gitCommit).toMatch(/^([0-9a-f]{40}|unknown)$/);
    expect(report.models[0].documents.mae.estimate).toBeCloseTo(0.25, 10);
  });

  it('benchmarks the hybrid model (n-grams + sentence embeddings) when named, with its settings in the report', () => {
    const r = stance(['bench', '--train', train, '--test', test, '--model', 'hybrid', '--json', '--resamples', '50']);
    expect(r.status).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.models.map((m: { name: string }) => m.name)).toEqual(['hybrid']);
    expect(report.models[0].settings.options).toMatchObject({
      denseWeight: 0.7,
      encoder: expect.stringMatching(/^use-lite/),
    });
    expect(report.models[0].scores.macroF1.estimate).toBeGreaterThan(0.9);
  });

  it('maps labels with --map and scores the rules on binary opinion-vs-rest data', () => {
    const bTrain = join(dir, 'subj-train.jsonl');
    const bTest = join(dir, 'subj-test.jsonl');
    writeFileSync(bTrain, lines('tr', 10, ['OBJ', 'OBJ', 'SUBJ']));
    writeFileSync(bTest, lines('te', 5, ['OBJ', 'OBJ', 'SUBJ']));
    const native = JSON.parse(
      stance(['bench', '--train', bTrain, '--test', bTest, '--model', 'rules', '--json', '--resamples', '50']).stdout,
    );
    expect(native.data.labels).toEqual(['OBJ', 'SUBJ']);
    expect(native.data.binaryOpinion).toEqual({ opinion: 'SUBJ', rest: 'OBJ' });
    const mapped = JSON.parse(
      stance([
        'bench',
        ...['--train', bTrain, '--test', bTest, '--model', 'rules', '--json', '--resamples', '50'],
        ...['--map', 'SUBJ=opinion,OBJ=fact'],
      ]).stdout,
    );
    expect(mapped.data.labels).toEqual(['fact', 'opinion']);
    expect(mapped.data.map).toEqual({ SUBJ: 'opinion', OBJ: 'fact' });
    // The same mapping either way: rules' quote counts as OBJ / fact.
    expect(mapped.models[0].scores.confusion.counts).toEqual(native.models[0].scores.confusion.counts);
  });

  it('runs k-fold cross-validation with --data --cv and prints Markdown', () => {
    const r = stance([
      'bench',
      '--data',
      train,
      '--cv',
      '5',
      '--model',
      'majority',
      '--model',
      'nb',
      '--markdown',
      '--progress',
    ]);
    expect(r.status).toBe(0);
    // --progress: a bar on stderr even though stderr is a pipe here, one line per step, ending with the scoring.
    const bars = r.stderr.split('\n').filter((l) => l.startsWith('['));
    expect(bars).toHaveLength(11);
    expect(bars[0]).toBe('[##······················] 1/11 majority (fold 1 of 5)');
    expect(bars.at(-1)).toBe('[########################] 11/11 scores');
    expect(r.stdout).toContain('5-fold cross-validation over 40 items in 10 documents');
    expect(r.stdout).toContain('### Cross-validation folds (macro-F1)');
    expect(r.stdout).toMatch(/\| nb \| ([01]\.\d{3} \(n=8\) \| ){5}[01]\.\d{3} ± [01]\.\d{3} \|/);
  });

  it('compares an external model through the classify protocol; a failing one exits 1 and the rest stand', () => {
    const r = stance([
      'bench',
      ...['--train', train, '--test', test, '--resamples', '50'],
      ...['--model', 'majority', '--model', `cmd:node ${MODEL} keyword fact`, '--model', `cmd:node ${MODEL} hang`],
      ...['--timeout', '1'],
    ]);
    expect(r.status).toBe(1);
    expect(r.stderr.trim().split('\n').at(-1)).toBe(
      `stance: model cmd:node ${MODEL} hang failed: no answer within 1 s (--timeout); killed`,
    );
    expect(r.stdout).toMatch(/^majority +0\.222 /m);
    // keyword: opinion right everywhere, quote never: fact 2/2.5·… → macro (0.8 + 0 + 1) / 3.
    expect(r.stdout).toMatch(/^cmd:node \S+ keyword fact +0\.600 /m);
    expect(r.stdout).toMatch(/^cmd:node \S+ hang +FAILED/m);
  });

  it('reads an exported dataset folder and puts the human ceiling beside the models', () => {
    const ds = join(dir, 'dataset');
    mkdirSync(join(ds, 'data'), { recursive: true });
    mkdirSync(join(ds, 'judgements'));
    writeFileSync(join(ds, 'data/train.jsonl'), lines('tr', 10));
    writeFileSync(join(ds, 'data/test.jsonl'), lines('te', 5));
    const judgements = lines('te', 5)
      .trim()
      .split('\n')
      .flatMap((l, i) => {
        const { id, doc, label } = JSON.parse(l);
        return [
          { id, doc, annotator: 'ana', role: 'annotator', label },
          { id, doc, annotator: 'ben', role: 'annotator', label: i % 4 === 2 ? 'opinion' : label },
          { id, doc, annotator: 'cas', role: 'adjudicator', label },
        ].map((j) => JSON.stringify(j));
      });
    writeFileSync(join(ds, 'judgements/test.jsonl'), `${judgements.join('\n')}\n`);
    const r = stance(['bench', ds, '--model', 'majority', '--resamples', '50']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('Human ceiling (each annotator against gold)');
    expect(r.stdout).toMatch(/^ana +20 +1\.000 \[1\.000, 1\.000\] +1\.000/m);
    expect(r.stdout).toMatch(/^ben +20 .* 0\.750 \[/m);
    expect(r.stdout).not.toMatch(/^cas /m);
    // …and beside the models in the summary table.
    expect(r.stdout).toMatch(/^human: ben +0\.\d{3} \[/m);
  });

  it('scores the validation split of a dataset folder with --eval validation', async () => {
    const ds = join(dir, 'dataset-validation');
    mkdirSync(join(ds, 'data'), { recursive: true });
    writeFileSync(join(ds, 'data/train.jsonl'), lines('tr', 10));
    writeFileSync(join(ds, 'data/validation.jsonl'), lines('va', 3));
    const r = await stanceInProcess([
      'bench',
      ds,
      '--eval',
      'validation',
      '--model',
      'majority',
      '--json',
      '--resamples',
      '20',
    ]);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.data.files.map((f: { role: string; path: string }) => [f.role, f.path])).toEqual([
      ['train', join(ds, 'data/train.jsonl')],
      ['validation', join(ds, 'data/validation.jsonl')],
    ]);
    expect(report.data.test.items).toBe(12);
  });

  it('benchmarks a dataset written by the real `stance export`', () => {
    const corpus = join(dir, 'corpus');
    cpSync(join(ROOT, 'corpus'), corpus, { recursive: true });
    expect(stance(['ingest', join(corpus, 'sources'), '--corpus', corpus]).status).toBe(0);
    const ds = join(dir, 'exported');
    expect(stance(['export', '--corpus', corpus, '--out', ds]).status).toBe(0);
    const r = stance(['bench', ds, '--model', 'majority', '--model', 'rules', '--json', '--resamples', '50']);
    expect(r.status).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.data.mode).toBe('dataset');
    expect(report.data.labels).toEqual(['fact', 'quote', 'opinion', 'skip']);
    expect(report.data.train.items + report.data.test.items).toBeGreaterThan(100);
    expect(report.models[1].scores.macroF1.estimate).toBeGreaterThan(0.3);
  });

  describe('bad input: exactly one line on stderr, exit 2 (in-process, real streams)', () => {
    const bad = async (args: string[], message: string | RegExp) => {
      const r = await stanceInProcess(['bench', ...args]);
      expect(r.stdout).toBe('');
      expect(r.stderr.endsWith('\n') && r.stderr.split('\n').length === 2).toBe(true);
      if (typeof message === 'string') expect(r.stderr).toBe(`${message}\n`);
      else expect(r.stderr).toMatch(message);
      expect(r.code).toBe(2);
    };
    it('a missing file', () =>
      bad(['--train', join(dir, 'nope.jsonl'), '--test', test], `stance: ${join(dir, 'nope.jsonl')}: no such file`));
    it('a line that is not JSON', () => {
      const f = join(dir, 'broken.jsonl');
      writeFileSync(f, `${lines('x', 1)}{oops\n`);
      return bad(['--data', f, '--cv', '2'], new RegExp(`^stance: ${f}:5: not a JSON line \\(`));
    });
    it('a line without a label', () => {
      const f = join(dir, 'nolabel.jsonl');
      writeFileSync(f, '{"id":"1","text":"x"}\n');
      return bad(['--train', f, '--test', test], `stance: ${f}:1: missing "label" (string)`);
    });
    it('a repeated id', () => {
      const f = join(dir, 'twice.jsonl');
      writeFileSync(f, '{"id":"1","text":"x","label":"a"}\n{"id":"1","text":"y","label":"b"}\n');
      return bad(['--train', f, '--test', test], `stance: ${f}: id "1" appears twice`);
    });
    it('no data', () => bad([], 'stance: give a dataset folder, --train F --test F, or --data F --cv K'));
    it('--data without --cv', () => bad(['--data', train], 'stance: --data F needs --cv K (k-fold cross-validation)'));
    it('more folds than documents', () =>
      bad(
        ['--data', train, '--cv', '11'],
        'stance: --cv 11 needs at least 11 documents (or items without "doc"), found 10',
      ));
    it('--json with --markdown', () =>
      bad(['--data', train, '--cv', '2', '--json', '--markdown'], 'stance: give --json or --markdown, not both'));
    it('a file given as the dataset folder', () =>
      bad([train], `stance: ${train}: not a dataset folder (for one labelled file use --data F --cv K)`));
    it('a bad --timeout', () =>
      bad(['--data', train, '--cv', '2', '--timeout', 'soon'], 'stance: --timeout takes a number, got "soon"'));
    it('a model named twice', () =>
      bad(['--data', train, '--cv', '2', '--model', 'nb', '--model', 'nb'], 'stance: --model nb is given twice'));
  });

  it('reports a saved model that is not a model as a failed model (exit 1), the others standing', () => {
    const r = stance(['bench', '--train', train, '--test', test, '--model', 'majority', '--model', test]);
    expect(r.status).toBe(1);
    expect(r.stderr.trim().split('\n').slice(-1)).toEqual([
      expect.stringMatching(`^stance: model ${test} failed: not a stance model: invalid JSON`),
    ]);
    expect(r.stdout).toMatch(/^majority +0\.222 /m);
  });

  it('issue 11.8: refuses a model file that is not there before running anything (exit 2)', () => {
    const r = stance(['bench', '--train', train, '--test', test, '--model', 'majority', '--model', 'nope.json']);
    expect(r.stderr).toBe('stance: nope.json: no such file\n');
    expect(r.stdout).toBe('');
    expect(r.status).toBe(2);
  });
});
