import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { brokenLinks, headingAnchors, markdownPages, pageLinks } from '../doc-links.ts';

const ROOT = resolve(fileURLToPath(import.meta.url), '../../..');

describe('doc links', () => {
  it('finds relative links outside code, with their lines', () => {
    const page = [
      'See [a](docs/a.md) and [b](https://x.org).',
      '```',
      '[c](c.md)',
      '```',
      'Then `[d](d.md)` [e](#top)',
    ];
    expect(pageLinks(page.join('\n'))).toEqual([
      { target: 'docs/a.md', line: 1 },
      { target: '#top', line: 5 },
    ]);
  });

  it('gives headings the anchors GitHub does', () => {
    const page = [
      '# The `stance` command',
      '## Speed',
      '## Speed',
      '### `stance annotate --adjudicate`',
      '```',
      '# not',
    ];
    expect([...headingAnchors(page.join('\n'))]).toEqual([
      'the-stance-command',
      'speed',
      'speed-1',
      'stance-annotate---adjudicate',
    ]);
  });

  it('reports a missing file and a missing heading, each with its page and line', () => {
    const dir = mkdtempSync(join(tmpdir(), 'doc-links-'));
    mkdirSync(join(dir, 'docs'));
    writeFileSync(join(dir, 'docs/a.md'), '# A page\n\n## Speed\n');
    writeFileSync(
      join(dir, 'README.md'),
      'Read [a](docs/a.md#speed), [gone](docs/gone.md)\nand [a part](docs/a.md#sped) or [here](#nowhere).\n',
    );
    expect(brokenLinks(dir, join(dir, 'README.md'))).toEqual([
      'README.md:1: docs/gone.md: no such file',
      'README.md:2: docs/a.md#sped: no heading #sped in docs/a.md',
      'README.md:2: #nowhere: no heading #nowhere in README.md',
    ]);
  });

  it("every relative link in the repository's pages lands on a file and heading that exist", () => {
    const pages = markdownPages(ROOT);
    expect(pages.map((p) => p.slice(ROOT.length + 1))).toContain('docs/labeller-experiments.md');
    expect(pages.flatMap((p) => brokenLinks(ROOT, p))).toEqual([]);
  });
});
