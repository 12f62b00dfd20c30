import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { decodeUtf8, readTextFile } from '../src/index.ts';
import { errorLine, tempDir, writeFiles } from './helpers.ts';

describe('decodeUtf8', () => {
  test('decodes UTF-8 and drops a byte order mark', () => {
    expect(decodeUtf8(Buffer.from('\ufeffcafé\n'), 'a.txt')).toBe('café\n');
  });
  test('refuses bytes that are not UTF-8, naming the line', () => {
    const bytes = Buffer.concat([Buffer.from('one\ntwo\n'), Buffer.from([0x63, 0xe9, 0x0a])]);
    expect(errorLine(() => decodeUtf8(bytes, 'latin1.txt'))).toBe('latin1.txt:3: not UTF-8 text');
  });
  test('refuses binary data (NUL bytes), naming the line', () => {
    expect(errorLine(() => decodeUtf8(Buffer.from('a\nb\0c'), 'bin.txt'))).toBe(
      'bin.txt:2: binary file (NUL byte), expected UTF-8 text',
    );
  });
});

describe('readTextFile', () => {
  const root = tempDir();
  writeFiles(root, { 'ok.md': '# T\n', 'sub/x.txt': 'x' });
  test('reads a file', () => {
    expect(readTextFile(join(root, 'ok.md'))).toBe('# T\n');
  });
  test('a missing file and a folder are one-line errors naming what the user typed', () => {
    expect(errorLine(() => readTextFile(join(root, 'nope.txt'), 'nope.txt'))).toBe('nope.txt: no such file');
    expect(errorLine(() => readTextFile(join(root, 'sub'), 'sub'))).toBe('sub: is a directory, expected a file');
  });
});
