import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { documentSentences } from '@stance/corpus';
import type { AnnotationEvent, Label, Sentence } from '@stance/schema';
import { textHash } from '@stance/schema';
import { describe, expect, it } from 'vitest';
import { runStance, tempDir } from './helpers/run-stance.ts';
import { labelEvent, sentencesOf, teamDocuments, writeDocuments, writeLogs } from './helpers/team-corpus.ts';

const stance = (cwd: string, args: string[]) => runStance(args, { cwd });

const LABELS: Label[] = ['fact', 'quote', 'opinion', 'skip'];
let n = 0;

function event(annotator: string, s: Sentence, label: Label, extra: Partial<AnnotationEvent> = {}): AnnotationEvent {
  n++;
  return {
    v: 1,
    id: `${annotator}-${n}`,
    type: 'label',
    sentence: s.id,
    textHash: textHash(s.text),
    annotator,
    at: `2026-11-25T10:00:${String(n % 60).padStart(2, '0')}.000Z`,
    ms: 1500,
    guideline: '1.0',
    label,
    ...extra,
  };
}

/** A corpus of four documents: ann and bob label all, bob differs on two sentences; lead adjudicates one; ann has a
 * stale label (text changed since) on a fifth sentence. */
function setup(): string {
  const dir = tempDir('stance-agree-');
  const corpus = join(dir, 'corpus');
  mkdirSync(join(corpus, 'documents'), { recursive: true });
  mkdirSync(join(corpus, 'annotations'));
  const logs: Record<string, AnnotationEvent[]> = { ann: [], bob: [], lead: [] };
  for (let d = 0; d < 4; d++) {
    const doc = { id: `p${d}`, title: `P${d}`, text: `Taxes rose ${d}%. "No," he said. It is unfair. See more.` };
    writeFileSync(join(corpus, 'documents', `${doc.id}.json`), JSON.stringify(doc));
    for (const s of documentSentences(doc)) {
      logs['ann']!.push(event('ann', s, LABELS[s.index]!));
      logs['bob']!.push(event('bob', s, d < 2 && s.index === 2 ? 'fact' : LABELS[s.index]!));
      if (d === 0 && s.index === 2) logs['lead']!.push(event('lead', s, 'opinion', { adjudication: true }));
      if (d === 3 && s.index === 3) logs['ann']!.push(event('ann', { ...s, text: 'See less.' }, 'skip'));
    }
  }
  for (const [name, events] of Object.entries(logs)) {
    writeFileSync(join(corpus, 'annotations', `${name}.jsonl`), events.map((e) => `${JSON.stringify(e)}\n`).join(''));
  }
  return dir;
}

describe('stance agree', () => {
  it('prints the agreement table; stale labels are reported on stderr and not counted', () => {
    const dir = setup();
    const r = stance(dir, ['agree', '--corpus', 'corpus', '--resamples', '200']);
    expect(r.status).toBe(0);
    expect(r.stderr.trim().split('\n')).toEqual([
      expect.stringMatching(
        /^stance: stale: ann's label skip on p3:[0-9a-f]{10} is for an earlier text of the sentence; not counted$/,
      ),
      'stance: not counted: 1 stale label, 0 labels on sentences no longer in the corpus',
    ]);
    expect(r.stdout).toMatchInlineSnapshot(`
      "31 judgements by 2 annotators on 16 sentences in 4 documents; 15 sentences have two or more labels
      95% intervals: bootstrap over documents, 200 resamples, seed 0

      overall
      measure                     value [95% CI]
      observed agreement    0.867 [0.750, 1.000]
      Fleiss' kappa         0.819 [0.652, 1.000]
      Krippendorff's alpha  0.825 [0.663, 1.000]

      per label
      label    labels          Fleiss' kappa    specific agreement
      fact         10   0.700 [0.467, 1.000]  0.800 [0.667, 1.000]
      quote         8   1.000 [1.000, 1.000]  1.000 [1.000, 1.000]
      opinion       6  0.583 [-0.143, 1.000]  0.667 [0.000, 1.000]
      skip          7   1.000 [1.000, 1.000]  1.000 [1.000, 1.000]

      pairs (Cohen's kappa)
      pair       sentences              observed         Cohen's kappa
      ann / bob         15  0.867 [0.750, 1.000]  0.821 [0.667, 1.000]

      confusion ann (rows) × bob (columns)
               fact  quote  opinion  skip
      fact        4      0        0     0
      quote       0      4        0     0
      opinion     2      0        2     0
      skip        0      0        0     3

      adjudications (not counted as judgements): 1
      "
    `);
  });

  it('prints one JSON document with --json; the adjudicator is not an annotator', () => {
    const dir = setup();
    const r = stance(dir, ['agree', '--corpus', 'corpus', '--json', '--resamples', '200']);
    expect(r.status).toBe(0);
    const report = JSON.parse(r.stdout) as {
      annotators: string[];
      counts: { judgements: number; pairableUnits: number };
      pairs: { a: string; b: string; items: number; kappa: { estimate: number } }[];
      stale: number;
      adjudications: number;
    };
    expect(report.annotators).toEqual(['ann', 'bob']);
    // 16 sentences × 2 annotators, less ann's current label on p3's last sentence: it is stale (her last label
    // replaced her earlier one, and was given for another text), so that sentence has bob's label only.
    expect(report.counts).toMatchObject({ judgements: 31, pairableUnits: 15 });
    expect(report.pairs).toHaveLength(1);
    expect(report.pairs[0]!.items).toBe(15);
    expect(report.stale).toBe(1);
    expect(report.adjudications).toBe(1);
  });

  it('says so when fewer than two annotators labelled', () => {
    const dir = tempDir('stance-agree-empty-');
    mkdirSync(join(dir, 'corpus'));
    const r = stance(dir, ['agree', '--corpus', 'corpus']);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('agreement needs labels from two or more annotators; found 0 (0 judgements)\n');
  });

  it('reads $STANCE_CORPUS when no --corpus is given (the repository corpus has three annotators)', () => {
    const dir = tempDir('stance-agree-env-');
    mkdirSync(join(dir, 'team', 'annotations'), { recursive: true });
    const r = runStance(['agree'], { cwd: dir, env: { STANCE_CORPUS: 'team' } });
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('agreement needs labels from two or more annotators; found 0 (0 judgements)\n');
    expect(runStance(['agree'], { cwd: dir, env: { STANCE_CORPUS: '' } }).stdout).toMatch(/by 3 annotators/);
  });
});

describe('stance agree with an assignment (issue 13: agreement on the overlap)', { timeout: 120_000 }, () => {
  /** Five documents of four sentences; d00 and d01 are the overlap. ana labels the overlap and d02; ben all of d00,
   * half of d01 (one label differs from ana's), and d02, where he differs from ana on three of four sentences. */
  function setupTeam(): string {
    const corpus = join(tempDir('stance-agree-team-'), 'corpus');
    const docs = teamDocuments([4, 4, 4, 4, 4]);
    writeDocuments(corpus, docs);
    writeFileSync(
      join(corpus, 'assignments.json'),
      JSON.stringify({
        version: 1,
        seed: 0,
        overlap: ['d00', 'd01'],
        annotators: { ana: ['d00', 'd01', 'd02', 'd03'], ben: ['d00', 'd01', 'd04'] },
      }),
    );
    const [d0, d1, d2] = docs.map(sentencesOf);
    const ana = [...d0!, ...d1!, ...d2!].map((s) => labelEvent('ana', s, s.index === 0 ? 'skip' : 'fact'));
    const ben = [
      ...d0!.map((s) => labelEvent('ben', s, s.index === 0 ? 'skip' : s.index === 3 ? 'opinion' : 'fact')),
      ...d1!.slice(0, 2).map((s) => labelEvent('ben', s, s.index === 0 ? 'skip' : 'fact')),
      ...d2!.map((s) => labelEvent('ben', s, 'opinion')),
    ];
    writeLogs(corpus, { ana, ben });
    return corpus;
  }

  it('reports agreement on the overlap documents, how far each annotator has got, and the all-documents kappa', () => {
    const corpus = setupTeam();
    const r = runStance(['agree', '--corpus', corpus, '--resamples', '200']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatchInlineSnapshot(`
      "overlap (assignments.json): 2 documents, 8 sentences every annotator labels
      labelled so far: ana 8/8, ben 6/8

      14 judgements by 2 annotators on 8 sentences in 2 documents; 6 sentences have two or more labels
      95% intervals: bootstrap over documents, 200 resamples, seed 0

      overall
      measure                     value [95% CI]
      observed agreement    0.833 [0.750, 1.000]
      Fleiss' kappa         0.692 [0.529, 1.000]
      Krippendorff's alpha  0.718 [0.559, 1.000]

      per label
      label    labels            Fleiss' kappa    specific agreement
      fact          9     0.657 [0.467, 1.000]  0.857 [0.800, 1.000]
      quote         0                      n/a                   n/a
      opinion       1  -0.091 [-0.143, -0.091]  0.000 [0.000, 0.000]
      skip          4     1.000 [1.000, 1.000]  1.000 [1.000, 1.000]

      pairs (Cohen's kappa)
      pair       sentences              observed         Cohen's kappa
      ana / ben          6  0.833 [0.750, 1.000]  0.700 [0.556, 1.000]

      confusion ana (rows) × ben (columns)
               fact  quote  opinion  skip
      fact        3      0        1     0
      quote       0      0        0     0
      opinion     0      0        0     0
      skip        0      0        0     2

      all documents: Fleiss' kappa 0.200 [-0.684, 1.000] on 10 sentences with two or more labels, 22 judgements by 2 annotators (\`stance agree --all\` for the full table)

      adjudications (not counted as judgements): 0
      "
    `);
  });

  it('--all gives the figures over every document, as without an assignment', () => {
    const corpus = setupTeam();
    const all = runStance(['agree', '--corpus', corpus, '--resamples', '200', '--all']);
    expect(all.status).toBe(0);
    expect(all.stdout).toMatch(/^22 judgements by 2 annotators on 12 sentences in 3 documents; 10 sentences have two/);
    expect(all.stdout).not.toContain('overlap');
  });

  it('falls back to all documents, saying so, when the assignment has no overlap', () => {
    const corpus = setupTeam();
    writeFileSync(
      join(corpus, 'assignments.json'),
      JSON.stringify({ version: 1, seed: 0, overlap: [], annotators: { ana: ['d00'], ben: ['d01'] } }),
    );
    const r = runStance(['agree', '--corpus', corpus, '--resamples', '200']);
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('stance: assignments.json has no overlap documents; agreement over all documents\n');
    expect(r.stdout).toMatch(/^22 judgements by 2 annotators on 12 sentences in 3 documents;/);
  });

  it('--json keeps the all-documents report at the top and adds the overlap', () => {
    const corpus = setupTeam();
    const r = runStance(['agree', '--corpus', corpus, '--resamples', '200', '--json']);
    expect(r.status).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.counts).toMatchObject({ judgements: 22, pairableUnits: 10 });
    expect(report.overlap).toMatchObject({
      documents: 2,
      sentences: 8,
      missingDocuments: 0,
      labelled: { ana: 8, ben: 6 },
      report: { counts: { judgements: 14, pairableUnits: 6, documents: 2 } },
    });
  });
});
