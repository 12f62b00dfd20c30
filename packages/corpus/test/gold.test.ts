import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { type GoldLabel, readGold, writeGold } from '../src/index.ts';
import { errorLine, tempDir, writeFiles } from './helpers.ts';

const LABELS: GoldLabel[] = [
  { sentence: 'a:0123456789', textHash: 'ffff0000ffff0000', label: 'opinion', text: 'I think so.' },
  { sentence: 'a:abcdefabcd', textHash: '0000ffff0000ffff', label: 'fact', text: 'It rained “twice”.' },
];

test('writeGold then readGold round-trips, one line a label with keys in a fixed order', () => {
  const dir = tempDir();
  writeGold(dir, [{ text: 'x', label: 'skip', textHash: 'h', sentence: 's:1' } as GoldLabel, ...LABELS]);
  expect(readFileSync(join(dir, 'gold.jsonl'), 'utf8').split('\n')[0]).toBe(
    '{"sentence":"s:1","textHash":"h","label":"skip","text":"x"}',
  );
  expect(readGold(dir).slice(1)).toEqual(LABELS);
});

test('no gold file means no gold labels', () => {
  expect(readGold(tempDir())).toEqual([]);
});

test('bad lines are named by file and line', () => {
  const dir = tempDir();
  const line = (l: object) => JSON.stringify(l);
  writeFiles(dir, { 'gold.jsonl': `${line(LABELS[0] as object)}\n\n${line({ ...LABELS[1], label: 'rant' })}\n` });
  expect(errorLine(() => readGold(dir), dir)).toBe(
    '<tmp>/gold.jsonl:3: label must be one of fact, quote, opinion, skip',
  );
  writeFiles(dir, { 'gold.jsonl': `${line(LABELS[0] as object)}\n{"sentence":\n` });
  expect(errorLine(() => readGold(dir), dir)).toMatch(/^<tmp>\/gold\.jsonl:2: not a JSON line/);
  writeFiles(dir, { 'gold.jsonl': `${line(LABELS[0] as object)}\n${line(LABELS[0] as object)}\n` });
  expect(errorLine(() => readGold(dir), dir)).toBe('<tmp>/gold.jsonl:2: sentence a:0123456789 has a second gold label');
});
