import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { BenchItem, BenchReport } from '../src/index.ts';
import { parseModelSpecs, renderHtml, renderMarkdown, renderText, runBench } from '../src/index.ts';

const MODEL = resolve(import.meta.dirname, 'fixtures/model.mjs');

const items = (prefix: string, n: number): BenchItem[] =>
  Array.from({ length: n }, (_, i) => {
    const label = i % 3 === 0 ? 'SUBJ' : 'OBJ';
    return { id: `${prefix}${i}`, text: label === 'SUBJ' ? `I think ${i} is awful.` : `It rained ${i} mm.`, label };
  });

let report: BenchReport;
beforeAll(async () => {
  report = await runBench(
    {
      mode: 'split',
      train: items('a', 30),
      test: items('b', 12),
      files: [{ role: 'train', path: 'train.jsonl', sha256: 'ab'.repeat(32), items: 30 }],
    },
    {
      models: parseModelSpecs(['majority', 'rules', `cmd:node ${MODEL} crash`]),
      resamples: 100,
      seed: 2,
      curve: [0.5, 1],
      gitCommit: '0123456789abcdef0123456789abcdef01234567',
    },
  );
  // Clock-dependent fields, fixed so the rendering can be compared.
  report.repro = {
    ...report.repro,
    started: '2026-01-01T00:00:00.000Z',
    runSeconds: 1.25,
    node: 'v20.20.0',
    platform: 'linux-x64',
  };
  for (const m of report.models) m.timing = { trainMs: 10, predictMs: 1, trainItems: 30, predictItems: 12 };
  report.models[2]!.name = 'cmd:crash <b>\u001b[31m';
  report.models[2]!.error = 'cmd:crash <b>: exited with code 3: boom\u001b[2J';
});

describe('renderText', () => {
  it('prints the tables aligned, with control characters stripped', () => {
    const text = renderText(report);
    expect(text).not.toContain('\u001b');
    expect(text.split('\n\n').slice(0, 3).join('\n\n')).toMatchInlineSnapshot(`
      "stance bench: train 30 items, test 12 items; labels OBJ, SUBJ; 95% intervals from 100 bootstrap resamples of items, seed 2

      binary opinion-vs-rest: built-in models' opinion → SUBJ, fact/quote/skip → OBJ

      Models
      model          macro-F1 [95% CI]        accuracy [95% CI]  train s  predict items/s
      ─────────────  ────────────────────  ────────────────────  ───────  ───────────────
      majority       0.400 [0.294, 0.478]  0.667 [0.417, 0.917]     0.01           12,000
      rules          1.000 [1.000, 1.000]  1.000 [1.000, 1.000]     0.01           12,000
      cmd:crash <b>  FAILED
      (macro-F1 is the headline: the mean of the per-class F1 over the scored labels.)"
    `);
  });
});

describe('renderMarkdown', () => {
  it('writes GitHub tables and the reproducibility block', () => {
    const md = renderMarkdown(report);
    expect(md).toContain('| majority | 0.400 [');
    expect(md).toContain('- git commit: `0123456789abcdef0123456789abcdef01234567`');
    expect(md).toContain(`- train: \`train.jsonl\` (30 rows), SHA-256 \`${'ab'.repeat(32)}\``);
    expect(md).toContain('### Learning curve');
    expect(
      md
        .split('\n')
        .filter((l) => l.startsWith('|'))
        .every((l) => l.endsWith('|')),
    ).toBe(true);
  });
});

describe('renderHtml', () => {
  const html = () => renderHtml(report);
  it('holds the charts as inline SVG with stable ids', () => {
    for (const id of ['per-class-f1', 'confusion-majority', 'confusion-rules', 'learning-curve'])
      expect(html()).toContain(`<svg id="${id}"`);
  });
  it('makes no external request: no src, no link, no URL but the SVG namespace', () => {
    const page = html();
    expect(page).not.toMatch(/\ssrc=|<link|@import|url\(/);
    expect(page.match(/https?:\/\/[^"\s]+/g)?.filter((u) => u !== 'http://www.w3.org/2000/svg') ?? []).toEqual([]);
  });
  it('escapes model names and errors', () => {
    const page = html();
    expect(page).not.toContain('<b>');
    expect(page).toContain('cmd:crash &#60;b&#62;');
  });
  it('carries the reproducibility block', () => {
    expect(html()).toContain('<dt>git commit</dt><dd>0123456789abcdef0123456789abcdef01234567</dd>');
  });
});
