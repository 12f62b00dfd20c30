import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { STANCE_BIN } from './helpers/run-stance.ts';

/** Run the real `stance segment` in the user's folder `cwd`, with optional stdin. */
const segment = (cwd: string, args: string[], input?: string | Buffer) =>
  spawnSync(process.execPath, [STANCE_BIN, 'segment', ...args], {
    cwd,
    encoding: 'utf8',
    input,
    env: { ...process.env, NO_COLOR: '1' },
  });

const dir = mkdtempSync(join(tmpdir(), 'stance-segment-'));
const PIECE = 'Mr. Smith left at 5 p.m. He was late.\n\n“We will win,” she said. It was\nnot over\u001b[2J yet!';
writeFileSync(join(dir, 'piece.txt'), PIECE);

describe('stance segment', () => {
  it('prints one sentence per line, inner line breaks collapsed and control sequences stripped', () => {
    const r = segment(dir, ['piece.txt']);
    expect(r.stderr).not.toMatch(/at .*\.ts:\d+/);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('Mr. Smith left at 5 p.m.\nHe was late.\n“We will win,” she said.\nIt was not over yet!\n');
  });

  it('--jsonl prints offsets that slice the input', () => {
    const r = segment(dir, ['piece.txt', '--jsonl']);
    expect(r.status).toBe(0);
    const rows = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { start: number; end: number; text: string });
    expect(rows.map((x) => Object.keys(x))).toEqual(rows.map(() => ['start', 'end', 'text']));
    for (const x of rows) expect(PIECE.slice(x.start, x.end)).toBe(x.text);
    expect(rows[0]).toEqual({ start: 0, end: 24, text: 'Mr. Smith left at 5 p.m.' });
  });

  it('reads stdin for `-` and for no argument', () => {
    expect(segment(dir, ['-'], 'One. Two.').stdout).toBe('One.\nTwo.\n');
    expect(segment(dir, [], 'Is it? Yes.').stdout).toBe('Is it?\nYes.\n');
  });

  it('empty input prints nothing and succeeds', () => {
    const r = segment(dir, [], '');
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('');
  });
});

describe('stance segment, bad input: one line naming the file, exit 2, no stack trace', () => {
  mkdirSync(join(dir, 'folder'), { recursive: true });
  writeFileSync(join(dir, 'latin1.txt'), Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x2e, 0x0a]));
  writeFileSync(join(dir, 'binary.bin'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00]));
  const cases: [string, string[], RegExp, (string | Buffer)?][] = [
    ['missing file', ['nope.txt'], /^stance: nope\.txt: no such file$/],
    ['directory', ['folder'], /^stance: folder: is a directory/],
    ['bytes that are not UTF-8', ['latin1.txt'], /^stance: latin1\.txt:1: not UTF-8 text$/],
    ['binary file', ['binary.bin'], /^stance: binary\.bin:\d+: binary file/],
    ['binary stdin', ['-'], /^stance: <stdin>:1: binary file/, Buffer.from([0x61, 0x00, 0x62])],
  ];
  for (const [name, args, message, input] of cases) {
    it(name, () => {
      const r = segment(dir, args, input);
      expect(r.status).toBe(2);
      expect(r.stdout).toBe('');
      const lines = r.stderr.split('\n').filter((l) => l.startsWith('stance:'));
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(message);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    });
  }
});
