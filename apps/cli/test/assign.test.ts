import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseOverlap } from '../src/commands/assign.ts';
import { runStanceInProcess, tempDir } from './helpers/run-stance.ts';
import { teamDocuments, writeDocuments } from './helpers/team-corpus.ts';

// Ten documents of 3 to 30 sentences: balancing by documents alone would give one annotator far more sentences.
const SIZES = [30, 3, 12, 25, 4, 8, 20, 5, 16, 9];

function corpusWith(sizes: readonly number[]): string {
  const corpus = join(tempDir('stance-assign-'), 'corpus');
  writeDocuments(corpus, teamDocuments(sizes));
  return corpus;
}

const stance = (args: string[]) => runStanceInProcess(args);

describe('stance assign', { timeout: 60_000 }, () => {
  it('splits the documents, balanced by sentences, with an overlap everyone labels; writes assignments.json', async () => {
    const corpus = corpusWith(SIZES);
    const r = await stance(['assign', '--corpus', corpus, '--annotators', 'ana,ben,chloe', '--overlap', '20%']);
    expect(r.stderr).toBe(`wrote ${join(corpus, 'assignments.json')}\n`);
    expect(r.code).toBe(0);
    // Own sentences 38 / 37 / 37 although own documents are 2 / 3 / 3: the work is balanced, not the count.
    expect(r.stdout).toMatchInlineSnapshot(`
      "10 documents (132 sentences) among 3 annotators, seed 0
      overlap: 2 documents (20 sentences, 20% of documents) labelled by everyone

      annotator  documents  sentences  own documents  own sentences
      ana                4         58              2             38
      ben                5         57              3             37
      chloe              5         57              3             37
      "
    `);
    const file = JSON.parse(readFileSync(join(corpus, 'assignments.json'), 'utf8'));
    expect(Object.keys(file)).toEqual(['version', 'seed', 'overlap', 'annotators']);
    expect(file.version).toBe(1);
    expect(file.overlap).toHaveLength(2);
    for (const name of ['ana', 'ben', 'chloe'])
      expect(file.annotators[name]).toEqual(expect.arrayContaining(file.overlap));
    expect(readdirSync(corpus).sort()).toEqual(['assignments.json', 'documents']);
  });

  it('prints without writing on --dry-run; --json is one document with the plan', async () => {
    const corpus = corpusWith(SIZES);
    const r = await stance([
      'assign',
      '--corpus',
      corpus,
      '--annotators',
      'ana,ben',
      '--overlap',
      '0.3',
      '--dry-run',
      '--json',
    ]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('dry run: nothing written\n');
    expect(existsSync(join(corpus, 'assignments.json'))).toBe(false);
    const plan = JSON.parse(r.stdout);
    expect(plan).toMatchObject({ written: false, documents: 10, sentences: 132, overlap: { documents: 3 } });
    expect(plan.annotators.map((a: { name: string }) => a.name)).toEqual(['ana', 'ben']);
    expect(plan.assignments.overlap).toHaveLength(3);
  });

  it('after new documents arrive, keeps every earlier assignment and assigns only the new ones', async () => {
    const corpus = corpusWith(SIZES);
    expect((await stance(['assign', '--corpus', corpus, '--annotators', 'ana,ben,chloe', '--seed', '4'])).code).toBe(0);
    const before = JSON.parse(readFileSync(join(corpus, 'assignments.json'), 'utf8'));
    writeDocuments(corpus, teamDocuments([...SIZES, 7, 14, 6]));
    // Names, seed and overlap share come from the file.
    const r = await stance(['assign', '--corpus', corpus]);
    expect(r.code).toBe(0);
    expect(r.stderr.split('\n')[0]).toBe('kept the assignment of 10 documents; assigned 3 new documents');
    const after = JSON.parse(readFileSync(join(corpus, 'assignments.json'), 'utf8'));
    expect(after.seed).toBe(4);
    for (const name of ['ana', 'ben', 'chloe'])
      expect(after.annotators[name]).toEqual(expect.arrayContaining(before.annotators[name]));
    const all = new Set(Object.values(after.annotators as Record<string, string[]>).flat());
    for (const id of ['d10', 'd11', 'd12']) expect(all.has(id)).toBe(true);
    // Running again changes nothing.
    const again = await stance(['assign', '--corpus', corpus]);
    expect(again.stderr).toContain('assignments.json is up to date');
  });

  it.each([
    [['--annotators', 'ana,../x'], `--annotators: "../x" is not a valid annotator name`],
    [['--annotators', 'ana,ana'], 'annotator "ana" is named twice'],
    [
      ['--annotators', 'ana', '--overlap', '120%'],
      '--overlap takes a share of documents such as 20% or 0.2, got "120%"',
    ],
    [[], 'name the annotators: --annotators ana,ben,chloe'],
  ])('refuses %j with one line and exit 2', async (args, message) => {
    const corpus = corpusWith([3, 4]);
    const r = await stance(['assign', '--corpus', corpus, ...args]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(existsSync(join(corpus, 'assignments.json'))).toBe(false);
  });

  it('refuses an empty corpus', async () => {
    const corpus = join(tempDir('stance-assign-empty-'), 'c');
    mkdirSync(corpus);
    const r = await stance(['assign', '--corpus', corpus, '--annotators', 'ana']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('no documents in the corpus');
  });

  it('reads the overlap as a percentage or a share', () => {
    expect([
      parseOverlap('20%'),
      parseOverlap('0.2'),
      parseOverlap('100%'),
      parseOverlap('0'),
      parseOverlap('1'),
    ]).toEqual([0.2, 0.2, 1, 0, 1]);
    for (const bad of ['20', '-5%', 'x', '1.5', '']) expect(() => parseOverlap(bad)).toThrow('--overlap takes a share');
  });
});
