import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { writeFileAtomic } from '../src/index.ts';
import { tempDir } from './helpers.ts';

test('replaces the file and leaves no temp file behind', () => {
  const dir = tempDir();
  const path = join(dir, 'a.json');
  writeFileAtomic(path, 'one\n');
  writeFileAtomic(path, 'twoé\n');
  expect(readFileSync(path, 'utf8')).toBe('twoé\n');
  expect(readdirSync(dir)).toEqual(['a.json']);
});

test('a failed write leaves the old file and no temp file', () => {
  const dir = tempDir();
  const path = join(dir, 'a.json');
  writeFileAtomic(path, 'old\n');
  expect(() => writeFileAtomic(join(dir, 'missing', 'b.json'), 'x')).toThrow();
  expect(readdirSync(dir)).toEqual(['a.json']);
});
