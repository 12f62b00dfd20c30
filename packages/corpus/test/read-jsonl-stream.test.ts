import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { parseJsonl, readJsonlFile, readTextFile } from '../src/index.ts';
import { errorLine, tempDir } from './helpers.ts';

const root = tempDir();
const any = (value: unknown) => value;
const sha = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

describe('readJsonlFile', () => {
  test('reads what parseJsonl reads from the whole text, with the SHA-256 of the text', () => {
    const line = fc.oneof(
      fc.jsonValue().map((v) => JSON.stringify(v)),
      fc.constantFrom('', '   ', '\r'),
      fc.string({ unit: 'grapheme', maxLength: 12 }).map((s) => JSON.stringify({ text: s })),
    );
    const file = fc.record({
      bom: fc.boolean(),
      lines: fc.array(line, { maxLength: 12 }),
      crlf: fc.boolean(),
      finalNewline: fc.boolean(),
    });
    let n = 0;
    fc.assert(
      fc.property(file, ({ bom, lines, crlf, finalNewline }) => {
        const text = lines.join(crlf ? '\r\n' : '\n') + (finalNewline && lines.length ? '\n' : '');
        const path = join(root, `p${n++}.jsonl`);
        writeFileSync(path, (bom ? '\ufeff' : '') + text);
        const got = readJsonlFile(path, any, 'p.jsonl');
        expect(got.items).toEqual(parseJsonl(readTextFile(path), 'p.jsonl', any));
        expect(got.sha256).toBe(sha(text));
      }),
      { numRuns: 200 },
    );
  });

  test('a line longer than its read buffer comes through whole', () => {
    const long = 'x'.repeat(3_000_000);
    const path = join(root, 'long.jsonl');
    writeFileSync(path, `{"a":1}\n${JSON.stringify({ text: long })}\n{"b":2}`);
    const { items } = readJsonlFile(path, any);
    expect(items).toEqual([{ a: 1 }, { text: long }, { b: 2 }]);
  });

  test.each([
    ['a line that is not JSON', Buffer.from('{"a":1}\n{oops\n'), 'f.jsonl:2: not a JSON line'],
    ['bytes that are not UTF-8', Buffer.from([0x7b, 0x7d, 0x0a, 0x22, 0xe9, 0x22, 0x0a]), 'f.jsonl:2: not UTF-8 text'],
    ['a NUL byte', Buffer.from('{}\n{}\n"\0"\n'), 'f.jsonl:3: binary file (NUL byte), expected UTF-8 text'],
  ])('refuses %s with one line naming the line', (_, bytes, message) => {
    const path = join(root, 'f.jsonl');
    writeFileSync(path, bytes);
    expect(errorLine(() => readJsonlFile(path, any, 'f.jsonl')).startsWith(message)).toBe(true);
  });

  test('a missing file and a folder are one-line errors naming what the user typed', () => {
    expect(errorLine(() => readJsonlFile(join(root, 'nope.jsonl'), any, 'nope.jsonl'))).toBe(
      'nope.jsonl: no such file',
    );
    expect(errorLine(() => readJsonlFile(root, any, 'dir'))).toBe('dir: is a directory, expected a file');
  });
});
