import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { documentSentences } from '@stance/corpus';
import type { AnnotationEvent, Label, Sentence } from '@stance/schema';
import { textHash } from '@stance/schema';
import { describe, expect, it } from 'vitest';
import { runStance, tempDir } from './helpers/run-stance.ts';

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
});
