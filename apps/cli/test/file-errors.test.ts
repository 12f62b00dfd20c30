import { cpSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadCorpus } from '@stance/corpus';
import { describe, expect, it } from 'vitest';
import {
  CAN_RUN_UNPRIVILEGED,
  folderWithMode,
  runStanceConstrained,
  sharedTempDir,
  UNPRIVILEGED,
} from './helpers/run-constrained.ts';
import { runStance } from './helpers/run-stance.ts';

const ESC = '\u001b';
const BEL = '\u0007';
// OSC 52 sets the terminal's clipboard; CSI 2J clears the screen.
const CLIPBOARD = `${ESC}]52;c;aGk=${BEL}`;
const CLEAR = `${ESC}[2J`;

/** A user folder with one ingested document (`c/`) and a labels file for it, readable by the unprivileged user. */
function setup(): { dir: string; sentence: string } {
  const dir = sharedTempDir('stance-file-errors-');
  writeFileSync(join(dir, 'piece.md'), '# A piece\n\nThe council met on Monday. I think it will pass.\n');
  expect(runStance(['ingest', 'piece.md', '--corpus', 'c'], { cwd: dir }).status).toBe(0);
  const sentence = loadCorpus(join(dir, 'c')).sentences[0]!.id;
  writeFileSync(join(dir, 'labels.jsonl'), `${JSON.stringify({ id: sentence, label: 'fact' })}\n`);
  return { dir, sentence };
}

/** Every line on stderr (no blank ones). */
const lines = (stderr: string) => stderr.split('\n').filter((l) => l !== '');

describe.runIf(CAN_RUN_UNPRIVILEGED)(
  `issue 11.5: a folder the user may not write is one line naming the path, exit 2 (run as ${UNPRIVILEGED ? 'nobody' : 'this user'}; skipped without a checkout nobody can read)`,
  { timeout: 120_000 },
  () => {
    it('a corpus folder the user may not write: ingest says PATH: permission denied', () => {
      const { dir } = setup();
      mkdirSync(join(dir, 'more'));
      writeFileSync(join(dir, 'more', 'next.md'), '# Next\n\nAnother piece. It is short.\n');
      cpSync(join(dir, 'c'), join(dir, 'locked'), { recursive: true });
      folderWithMode(join(dir, 'locked', 'documents'), 0o555);
      const r = runStanceConstrained(['ingest', 'more', '--corpus', 'locked'], { cwd: dir, unprivileged: true });
      expect(lines(r.stderr)).toEqual([
        `stance: ${join(dir, 'locked', 'documents', 'next.json')}: permission denied; no document was written`,
      ]);
      expect(r.status).toBe(2);
    });

    it('an annotations folder the user may not write: import says PATH: permission denied', () => {
      const { dir } = setup();
      folderWithMode(join(dir, 'c', 'annotations'), 0o555);
      const r = runStanceConstrained(['import', 'labels.jsonl', '--annotator', 'zed', '--corpus', 'c'], {
        cwd: dir,
        unprivileged: true,
      });
      expect(r.stderr).not.toMatch(/internal error|EACCES/);
      expect(lines(r.stderr)).toEqual([
        expect.stringMatching(
          new RegExp(`^stance: ${join(dir, 'c', 'annotations')}/zed\\.jsonl\\.lock: permission denied`),
        ),
      ]);
      expect(r.status).toBe(2);
    });

    it('an --out parent the user may not write: export says PATH: permission denied', () => {
      const { dir } = setup();
      folderWithMode(join(dir, 'shelf'), 0o555);
      const r = runStanceConstrained(['export', '--corpus', 'c', '--out', 'shelf/ds'], {
        cwd: dir,
        unprivileged: true,
      });
      expect(lines(r.stderr)).toEqual([`stance: ${join(dir, 'shelf', 'ds')}: permission denied`]);
      expect(r.status).toBe(2);
    });
  },
);

describe('issue 11.5: other file-system errors get the same one line (no privileges needed)', {
  timeout: 120_000,
}, () => {
  it('an --out inside a file: export names the file, not a folder, exit 2', () => {
    const { dir } = setup();
    writeFileSync(join(dir, 'plain.txt'), 'x');
    const r = runStance(['export', '--corpus', 'c', '--out', 'plain.txt/ds'], {
      cwd: dir,
    });
    expect(lines(r.stderr)).toEqual([`stance: ${join(dir, 'plain.txt')}: not a folder`]);
    expect(r.status).toBe(2);
  });

  it('a corpus path that is a file: import says PATH: not a folder, exit 2', () => {
    const { dir, sentence } = setup();
    cpSync(join(dir, 'c'), join(dir, 'c2'), { recursive: true });
    writeFileSync(join(dir, 'c2', 'annotations'), 'not a folder');
    writeFileSync(join(dir, 'l2.jsonl'), `${JSON.stringify({ id: sentence, label: 'fact' })}\n`);
    const r = runStance(['import', 'l2.jsonl', '--annotator', 'zed', '--corpus', 'c2'], { cwd: dir });
    expect(r.stderr).not.toMatch(/internal error/);
    expect(lines(r.stderr)).toEqual([`stance: ${join(dir, 'c2', 'annotations')}: not a folder`]);
    expect(r.status).toBe(2);
  });
});

describe('issue 11.5: file names never drive the terminal', { timeout: 120_000 }, () => {
  it('strips escape sequences from an ingested file name in the error line and the per-file lines', () => {
    const dir = sharedTempDir('stance-escapes-');
    mkdirSync(join(dir, 'in'));
    writeFileSync(join(dir, 'in', `ok${CLEAR}.txt`), 'A fine piece. It has two sentences.\n');
    const good = runStance(['ingest', 'in', '--corpus', 'c'], { cwd: dir });
    expect(good.status).toBe(0);
    expect(good.stderr).toBe('in/ok.txt: added 1\n');
    writeFileSync(join(dir, 'in', `bad${CLIPBOARD}name.txt`), 'x\u0000y');
    const bad = runStance(['ingest', 'in', '--corpus', 'c'], { cwd: dir });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toBe('stance: in/badname.txt:1: binary file (NUL byte), expected UTF-8 text\n');
  });

  it('keeps a newline in a file name from splitting the one error line', () => {
    const dir = sharedTempDir('stance-newline-');
    writeFileSync(join(dir, 'two\nlines.txt'), 'x\u0000y');
    const r = runStance(['ingest', 'two\nlines.txt', '--corpus', 'c'], { cwd: dir });
    expect(r.status).toBe(2);
    expect(r.stderr).toBe('stance: two\\nlines.txt:1: binary file (NUL byte), expected UTF-8 text\n');
  });
});
