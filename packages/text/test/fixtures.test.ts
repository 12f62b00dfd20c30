import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { segment } from '../src/index.ts';

// Each fixture is a .txt written for these tests and a .json with its `source` note and the expected sentences;
// scripts/regenerate-fixtures.ts rewrites the .json files after a deliberate rule change.
const dir = join(import.meta.dirname, 'fixtures');
const names = readdirSync(dir).filter((f) => f.endsWith('.txt'));

describe('golden fixtures', () => {
  test('there are fixtures', () => {
    expect(names.length).toBeGreaterThanOrEqual(5);
  });
  for (const name of names) {
    test(name, () => {
      const text = readFileSync(join(dir, name), 'utf8');
      const expected = JSON.parse(readFileSync(join(dir, name.replace(/\.txt$/, '.json')), 'utf8')) as {
        source: string;
        sentences: string[];
      };
      expect(expected.source).toMatch(/\S/);
      const spans = segment(text);
      expect(spans.map((s) => s.text)).toEqual(expected.sentences);
      for (const s of spans) expect(text.slice(s.start, s.end)).toBe(s.text);
    });
  }
});
