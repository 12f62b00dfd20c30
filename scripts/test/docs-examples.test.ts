import { describe, expect, it } from 'vitest';
import { findBlocks, normalise, processFile } from '../docs-examples.ts';

const page = [
  'Intro.',
  '<!-- example in docs/examples/ingest: commit abc, a machine, 2026-01-01 -->',
  '```console',
  '$ stance segment x.md \\',
  '  --jsonl',
  '{"start":0}',
  '$ stance agree',
  '```',
  '',
  '<!-- figure -->',
  '```console',
  '$ pnpm bench:text',
  'fast',
  '```',
  '<sub>measured: commit abc, a machine, 2026-01-01 (`pnpm docs:examples --figures`)</sub>',
  '',
  '<!-- figure -->',
  '```',
  '$ pnpm bench:corpus',
  '```',
];

describe('findBlocks', () => {
  it('finds examples and figures, their commands (with continuations), input folders and stamps', () => {
    const blocks = findBlocks(page, 'page.md');
    expect(blocks.map((b) => [b.kind, b.commands, b.files, b.stamp])).toEqual([
      ['example', ['stance segment x.md \n  --jsonl', 'stance agree'], 'docs/examples/ingest', undefined],
      ['figure', ['pnpm bench:text'], undefined, 14],
      ['figure', ['pnpm bench:corpus'], undefined, undefined],
    ]);
  });

  it('refuses a marker without a fence, an unclosed fence, and a block without a command', () => {
    expect(() => findBlocks(['<!-- example -->', 'text'], 'a.md')).toThrow('a.md:1: a marker must be followed');
    expect(() => findBlocks(['<!-- example -->', '```', '$ x'], 'a.md')).toThrow('a.md:2: the fence is not closed');
    expect(() => findBlocks(['<!-- example -->', '```', 'x', '```'], 'a.md')).toThrow('needs at least one $ command');
  });
});

describe('normalise', () => {
  it("writes the example's folder and the repository relative, and trailing blanks away", () => {
    expect(normalise('wrote /tmp/stance-docs-1/out/a.json \nin /tmp/stance-docs-1\n', '/tmp/stance-docs-1')).toBe(
      'wrote out/a.json\nin .\n',
    );
  });

  it('refuses output that still names a machine path', () => {
    expect(() => normalise('read /tmp/elsewhere/x.json\n', '/tmp/stance-docs-1')).toThrow('a machine path');
    expect(() => normalise('config "/home/ana/.config"\n', '/tmp/stance-docs-1')).toThrow('a machine path');
  });
});

describe('processFile --check', () => {
  it('reports a figure without its stamp, without running any figure', () => {
    const figuresOnly = page.slice(9).join('\n');
    const result = processFile('page.md', figuresOnly, { check: true, figures: false, stamp: () => 'now' });
    expect(result.ran).toBe(0);
    expect(result.problems).toEqual([
      { where: 'page.md:8', message: 'a figure without its stamp line (run with --figures to measure it)' },
    ]);
  });
});
