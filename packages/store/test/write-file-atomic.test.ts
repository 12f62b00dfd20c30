import { chmodSync, chownSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { writeFileAtomic } from '../src/index.ts';
import { tempCorpus as tempDir } from './helpers/temp-corpus.ts';

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

test('issue 11.3: a replaced file keeps its mode (a private 0600 file stays private, a 0444 one read-only)', () => {
  const dir = tempDir();
  for (const mode of [0o600, 0o640, 0o444]) {
    const path = join(dir, `m${mode.toString(8)}.json`);
    writeFileSync(path, 'old\n');
    chmodSync(path, mode);
    writeFileAtomic(path, 'new\n');
    expect(readFileSync(path, 'utf8')).toBe('new\n');
    expect(statSync(path).mode & 0o777).toBe(mode);
  }
});

test.runIf(process.getuid?.() === 0)('issue 11.3: a replaced file keeps its owner when root rewrites it', () => {
  const dir = tempDir();
  const path = join(dir, 'theirs.json');
  writeFileSync(path, 'old\n');
  chownSync(path, 65534, 65534);
  writeFileAtomic(path, 'new\n');
  expect([statSync(path).uid, statSync(path).gid]).toEqual([65534, 65534]);
});

test('issue 11.5: a failed write names the file it was writing, not the temp file', () => {
  const dir = tempDir();
  expect(() => writeFileAtomic(join(dir, 'missing', 'b.json'), 'x')).toThrow(
    expect.objectContaining({ where: join(dir, 'missing', 'b.json'), message: 'no such file or folder' }),
  );
});
