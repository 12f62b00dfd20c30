import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { digestFolder } from '@stance/export';
import { describe, expect, it } from 'vitest';
import { ROOT, runStance, STANCE_BIN, tempDir } from './helpers/run-stance.ts';

const stance = (cwd: string, args: string[]) => runStance(args, { cwd });

/** A user folder (a git checkout) holding a copy of the bundled sample corpus at `corpus/`. */
function checkout(): string {
  const dir = tempDir('stance-export-safety-');
  cpSync(join(ROOT, 'corpus'), join(dir, 'corpus'), { recursive: true });
  expect(spawnSync('git', ['init', '-q', dir]).status).toBe(0);
  writeFileSync(join(dir, 'notes.md'), '# my notes\n');
  return dir;
}

const lines = (stderr: string) => stderr.split('\n').filter((l) => l !== '');

describe('issue 11.1: `stance export --force` replaces only an empty folder or a previous export', {
  timeout: 180_000,
}, () => {
  const dir = checkout();
  const corpusBefore = digestFolder(join(dir, 'corpus'));

  it.each([
    ['--out corpus (the corpus)', 'corpus', 'it is the corpus being exported'],
    ['--out . (the current folder, a git checkout)', '.', 'it is the current folder'],
    [
      '--out corpus/annotations (inside the corpus)',
      'corpus/annotations',
      `it lies inside the corpus being exported (${join(dir, 'corpus')})`,
    ],
    ['--out .. (a folder holding the current one)', '..', 'it holds the current folder'],
  ])('refuses %s with one line, exit 2, and changes nothing', (_name, out, problem) => {
    const r = stance(dir, ['export', '--corpus', 'corpus', '--out', out, '--force']);
    expect(lines(r.stderr)).toEqual([`stance: ${join(dir, out)}: refusing to replace this folder: ${problem}`]);
    expect(r.status).toBe(2);
    expect(digestFolder(join(dir, 'corpus'))).toEqual(corpusBefore);
    expect(existsSync(join(dir, '.git', 'HEAD'))).toBe(true);
    expect(existsSync(join(dir, 'notes.md'))).toBe(true);
  });

  it('refuses a folder of unrelated files, and replaces an empty folder and then that export', () => {
    mkdirSync(join(dir, 'papers'));
    writeFileSync(join(dir, 'papers', 'draft.tex'), '\\documentclass{article}\n');
    const r = stance(dir, ['export', '--corpus', 'corpus', '--out', 'papers', '--force']);
    expect(lines(r.stderr)).toEqual([
      `stance: ${join(dir, 'papers')}: refusing to replace this folder: it has no MANIFEST.sha256`,
    ]);
    expect(r.status).toBe(2);
    mkdirSync(join(dir, 'ds'));
    expect(stance(dir, ['export', '--corpus', 'corpus', '--out', 'ds', '--force']).status).toBe(0);
    const again = stance(dir, ['export', '--corpus', 'corpus', '--out', 'ds', '--force', '--seed', '3']);
    expect(again.status).toBe(0);
    expect(readdirSync(join(dir, 'ds'))).toContain('MANIFEST.sha256');
    expect(digestFolder(join(dir, 'corpus'))).toEqual(corpusBefore);
  });
});

describe('issue 11.7: kill -9 during an export leaves a hidden folder the next run removes', {
  timeout: 180_000,
}, () => {
  it('an export killed while writing is cleaned up (and said so) by the next export beside it', async () => {
    const dir = tempDir('stance-export-kill-');
    cpSync(join(ROOT, 'corpus'), join(dir, 'corpus'), { recursive: true });
    // The export reads documents one at a time, in id order; a named pipe as the last one holds it mid-export, with
    // its temporary folder full of rows, until we kill it.
    const documents = join(dir, 'corpus', 'documents');
    const last = readdirSync(documents).sort().at(-1)!;
    cpSync(join(documents, last), join(dir, last));
    rmSync(join(documents, last));
    expect(spawnSync('mkfifo', [join(documents, last)]).status).toBe(0);
    const child = spawn(process.execPath, [STANCE_BIN, 'export', '--corpus', 'corpus', '--out', 'ds'], {
      cwd: dir,
      env: { ...process.env, NO_COLOR: '1' },
      detached: true,
      stdio: 'ignore',
    });
    // Wait (bounded) for the hidden folder to hold the first rows.
    const hidden = () => readdirSync(dir).filter((n) => n.startsWith('.ds.tmp-'));
    const deadline = Date.now() + 120_000;
    while (!(hidden().length === 1 && existsSync(join(dir, hidden()[0]!, 'data', 'train.jsonl')))) {
      if (Date.now() > deadline) throw new Error('the export never started writing');
      await new Promise((r) => setTimeout(r, 100));
    }
    const [leftover] = hidden();
    process.kill(-child.pid!, 'SIGKILL');
    await new Promise((r) => child.on('exit', r));
    rmSync(join(documents, last));
    cpSync(join(dir, last), join(documents, last));
    rmSync(join(dir, last));
    expect(readdirSync(dir).sort()).toEqual([leftover, 'corpus'].sort());

    const r = stance(dir, ['export', '--corpus', 'corpus', '--out', 'ds']);
    expect(r.status).toBe(0);
    expect(lines(r.stderr)).toEqual([`stance: ${join(dir, leftover!)}: removed what an interrupted run left behind`]);
    expect(readdirSync(dir).sort()).toEqual(['corpus', 'ds']);
  });
});

describe('issue 11.8 and 11.7: empty exports and unreadable log names', { timeout: 180_000 }, () => {
  it('refuses an export of 0 sentences (exit 1, nothing written) unless --allow-empty', () => {
    const dir = tempDir('stance-export-empty-');
    cpSync(join(ROOT, 'corpus'), join(dir, 'corpus'), { recursive: true });
    rmSync(join(dir, 'corpus', 'annotations'), { recursive: true, force: true });
    const r = stance(dir, ['export', '--corpus', 'corpus', '--out', 'ds', '--gold', 'logs']);
    expect(lines(r.stderr)).toEqual([
      `stance: ${join(dir, 'ds')}: nothing to export: none of the 488 sentences has a gold label (unlabelled 488); nothing was written. Label some, change --gold or --min-annotators, or pass --allow-empty`,
    ]);
    expect(r.status).toBe(1);
    expect(readdirSync(dir)).toEqual(['corpus']);
    const allowed = stance(dir, ['export', '--corpus', 'corpus', '--out', 'ds', '--gold', 'logs', '--allow-empty']);
    expect(allowed.status).toBe(0);
    expect(allowed.stdout).toMatch(/^exported 0 of 488 sentences/);
  });

  it('warns about an annotator log whose name is not an annotator name, in agree and export', () => {
    const dir = tempDir('stance-bad-log-name-');
    cpSync(join(ROOT, 'corpus'), join(dir, 'corpus'), { recursive: true });
    const annotations = join(dir, 'corpus', 'annotations');
    // Any of the bundled logs, under a name that is not an annotator name.
    const some = readdirSync(annotations).find((f) => f.endsWith('.jsonl'))!;
    const bad = join(annotations, 'x y.jsonl');
    cpSync(join(annotations, some), bad);
    const warning = `stance: warning: ${bad}: not read: "x y" is not an annotator name (letters of any script, digits, '.', '_' or '-'); rename the file to count its labels`;
    for (const args of [
      ['agree', '--resamples', '10'],
      ['export', '--out', 'ds'],
    ]) {
      const r = stance(dir, [...args, '--corpus', 'corpus']);
      expect(r.status).toBe(0);
      expect(lines(r.stderr)).toContain(warning);
    }
  });
});
