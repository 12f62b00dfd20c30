import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadCorpus } from '@stance/corpus';
import { foldLabels, readAnnotatorLog } from '@stance/store';
import { beforeAll, describe, expect, it } from 'vitest';
import { runStance } from './helpers/run-stance.ts';

const stance = (cwd: string, args: string[]) => runStance(args, { cwd });

describe('stance import', () => {
  let dir = '';
  let ids: string[] = [];
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'stance-import-'));
    writeFileSync(
      join(dir, 'piece.md'),
      '# A piece\n\nThe council met on Monday. "It is a disgrace," she said. I think it will pass.\n',
    );
    expect(stance(dir, ['ingest', 'piece.md', '--corpus', 'c']).status).toBe(0);
    ids = loadCorpus(join(dir, 'c')).sentences.map((s) => s.id);
  });

  it('appends label and note events marked as imported, and is idempotent', () => {
    const lines = [
      { id: ids[0], label: 'skip' },
      { id: ids[1], label: 'F' },
      { id: ids[2], label: 'quote', note: 'direct quotation' },
      { id: ids[3], label: 'opinion' },
    ];
    writeFileSync(join(dir, 'labels.jsonl'), lines.map((l) => JSON.stringify(l)).join('\n'));
    const first = stance(dir, ['import', 'labels.jsonl', '--annotator', 'ana', '--corpus', 'c', '--map', 'F=fact']);
    expect(first.stderr).not.toMatch(/stance:/);
    expect(first.status).toBe(0);
    expect(first.stdout).toMatch(/^ana: 4 labels imported, 0 unchanged/);
    const { events } = readAnnotatorLog(join(dir, 'c/annotations/ana.jsonl'));
    expect(events.map((e) => e.type)).toEqual(['label', 'label', 'label', 'note', 'label']);
    expect(events.every((e) => e.origin === 'import' && e.ms === 0 && e.guideline === 'none')).toBe(true);
    expect([...foldLabels(events).values()].map((l) => l.label)).toEqual(['skip', 'fact', 'quote', 'opinion']);

    const again = stance(dir, ['import', 'labels.jsonl', '--annotator', 'ana', '--corpus', 'c', '--map', 'F=fact']);
    expect(again.stdout).toMatch(/^ana: 0 labels imported, 4 unchanged/);
  });

  it.each([
    ['an unknown sentence id', '{"id":"nope:123","label":"fact"}', /bad\.jsonl:1: unknown sentence id "nope:123"/],
    ['an unknown label', '{"id":"ID0","label":"neutral"}', /bad\.jsonl:1: unknown label "neutral"/],
    ['a line that is not JSON', '{"id":"ID0","label":"fact"}\n{oops', /bad\.jsonl:2: /],
    [
      'a repeated id',
      '{"id":"ID0","label":"fact"}\n{"id":"ID0","label":"quote"}',
      /bad\.jsonl:2: sentence .* appears twice/,
    ],
  ])('refuses %s with file:line and writes nothing', (_name, body, message) => {
    writeFileSync(join(dir, 'bad.jsonl'), body.replaceAll('ID0', ids[0] ?? ''));
    const result = stance(dir, ['import', 'bad.jsonl', '--annotator', 'bea', '--corpus', 'c']);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(() => readFileSync(join(dir, 'c/annotations/bea.jsonl'))).toThrow();
  });

  it('refuses a path-tricky annotator name', () => {
    const result = stance(dir, ['import', 'labels.jsonl', '--annotator', '../x', '--corpus', 'c']);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/invalid annotator name/);
  });
});
