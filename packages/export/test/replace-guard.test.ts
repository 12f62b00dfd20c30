import { cpSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildLabelIndex, corpusLogs, exportDataset, openCorpus, replaceProblem } from '../src/index.ts';
import { fixtureCorpus } from './helpers/fixture.ts';
import { tempDir } from './helpers/temp-corpus.ts';

/**
 * A world of folders to replace or not: a home folder holding a git checkout (with the user's working folder and a
 * corpus inside it), a previous export, an empty folder, a folder of someone's notes...
 */
function world() {
  const root = tempDir('stance-guard-');
  const home = join(root, 'home');
  const repo = join(home, 'repo');
  const cwd = join(repo, 'work');
  const corpus = join(root, 'project', 'corpus');
  cpSync(fixtureCorpus(3), corpus, { recursive: true });
  const gitRoot = join(root, 'other-checkout');
  mkdirSync(join(gitRoot, '.git'), { recursive: true });
  writeFileSync(join(gitRoot, 'README.md'), '# another project\n');
  const otherCorpus = join(repo, 'other-corpus');
  for (const dir of [join(repo, '.git'), cwd, join(otherCorpus, 'annotations'), join(root, 'empty')]) {
    mkdirSync(dir, { recursive: true });
  }
  writeFileSync(join(otherCorpus, 'GUIDELINES.md'), 'Version: 1.0\n');
  mkdirSync(join(otherCorpus, 'inner'));
  mkdirSync(join(root, 'notes'));
  writeFileSync(join(root, 'notes', 'thesis.md'), '# My thesis\n');
  const exported = join(root, 'previous');
  exportDataset(openCorpus(corpus), buildLabelIndex(corpusLogs(corpus)), { out: exported, resamples: 10 });
  const tampered = join(root, 'tampered');
  exportDataset(openCorpus(corpus), buildLabelIndex(corpusLogs(corpus)), { out: tampered, resamples: 10 });
  writeFileSync(join(tampered, 'data', 'my-notes.txt'), 'keep me\n');
  const fakeManifest = join(root, 'fake');
  mkdirSync(fakeManifest);
  writeFileSync(join(fakeManifest, 'MANIFEST.sha256'), '');
  writeFileSync(join(root, 'file.txt'), 'x');
  symlinkSync(cwd, join(root, 'link-to-cwd'));
  return { root, home, repo, cwd, corpus, gitRoot, otherCorpus, exported, tampered, fakeManifest };
}

describe('issue 11.1: which folders `export --force` may replace (replaceProblem)', { timeout: 60_000 }, () => {
  const w = world();
  const context = { cwd: w.cwd, home: w.home, corpus: w.corpus };

  it.each([
    ['an empty folder', join(w.root, 'empty'), undefined],
    ['a previous stance export', w.exported, undefined],
    ['the corpus being exported', w.corpus, 'it is the corpus being exported'],
    ['a folder holding the corpus', join(w.root, 'project'), `it holds the corpus being exported (${w.corpus})`],
    ['a folder inside the corpus', join(w.corpus, 'documents'), `it lies inside the corpus being exported`],
    ['another corpus', w.otherCorpus, 'it is a corpus (it has GUIDELINES.md)'],
    [
      'a folder inside another corpus',
      join(w.otherCorpus, 'inner'),
      `it lies inside a corpus (${w.otherCorpus} has GUIDELINES.md)`,
    ],
    ['the current folder', w.cwd, 'it is the current folder'],
    ['a folder holding the current folder', w.repo, 'it holds the current folder'],
    ['a symbolic link to the current folder', join(w.root, 'link-to-cwd'), 'it is the current folder'],
    ['the file-system root', '/', 'it holds the current folder'],
    ['a git work tree root', w.gitRoot, 'it is the root of a git work tree'],
    ['a folder of unrelated files', join(w.root, 'notes'), 'it has no MANIFEST.sha256'],
    ['an export someone added a file to', w.tampered, 'it holds a file no export wrote (data/my-notes.txt)'],
    [
      'a folder with an empty manifest',
      w.fakeManifest,
      'its MANIFEST.sha256 does not list README.md and croissant.json',
    ],
    ['a file', join(w.root, 'file.txt'), 'it is not a folder'],
  ])('%s', (_name, target, problem) => {
    const found = replaceProblem(target, context);
    if (problem === undefined) expect(found).toBeUndefined();
    else expect(found).toContain(problem);
  });

  it('the home folder, and a folder holding it', () => {
    const elsewhere = { cwd: join(w.root, 'empty'), home: w.home, corpus: w.corpus };
    expect(replaceProblem(w.home, elsewhere)).toBe('it is your home folder');
    expect(replaceProblem(w.root, elsewhere)).toBe('it holds the current folder');
    expect(replaceProblem(w.repo, elsewhere)).toBe('it is the root of a git work tree');
    expect(replaceProblem(w.root, { ...elsewhere, cwd: '/nonexistent-cwd' })).toBe('it holds your home folder');
  });
});

describe('issue 11.1: exportDataset --force refuses what it may not replace, and changes nothing', {
  timeout: 60_000,
}, () => {
  it('refuses --out corpus --force with one line naming why; the corpus is untouched', () => {
    const corpus = fixtureCorpus(3);
    const run = () =>
      exportDataset(openCorpus(corpus), buildLabelIndex(corpusLogs(corpus)), {
        out: corpus,
        force: true,
        resamples: 10,
        cwd: tempDir(),
      });
    expect(run).toThrow(
      expect.objectContaining({
        where: corpus,
        message: 'refusing to replace this folder: it is the corpus being exported',
        exitCode: 2,
      }),
    );
    expect(openCorpus(corpus).documentIds).toHaveLength(3);
  });
});
