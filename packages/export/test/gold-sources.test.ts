import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildLabelIndex, corpusLogs, DATA_FILES, exportDataset, openCorpus, SPLITS } from '../src/index.ts';
import { label, makeCorpus, sentencesOf, tempDir, writeLog, writeReference } from './helpers/temp-corpus.ts';

const TEXT = 'Prices rose by four percent. "It hurts," she said. That is a disgrace. Next page.';

/** One document; its four sentences. */
function setup() {
  const dir = makeCorpus({ d1: TEXT });
  return { dir, s: sentencesOf('d1', TEXT) };
}

function rowsOf(dir: string, options: Parameters<typeof exportDataset>[2] extends infer O ? Partial<O> : never) {
  const out = join(tempDir(), 'ds');
  const summary = exportDataset(openCorpus(dir), buildLabelIndex(corpusLogs(dir)), {
    resamples: 50,
    split: [1, 0, 0],
    ...options,
    out,
  });
  const rows = SPLITS.flatMap((sp) =>
    readFileSync(join(out, DATA_FILES.sentences(sp)), 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as { index: number; label: string; gold_source: string; agreement: number | null }),
  );
  const docs = readFileSync(join(out, DATA_FILES.documents('train')), 'utf8');
  return { summary, rows: rows.map((r) => [r.index, r.label, r.gold_source, r.agreement]), docs };
}

describe('gold sources', () => {
  it('uses majority with three annotators, and the reference only where no annotator labelled (both)', () => {
    const { dir, s } = setup();
    writeLog(dir, 'a', [label('a', s[0]!, 'fact'), label('a', s[1]!, 'quote')]);
    writeLog(dir, 'b', [label('b', s[0]!, 'fact'), label('b', s[1]!, 'quote')]);
    writeLog(dir, 'c', [label('c', s[0]!, 'opinion'), label('c', s[1]!, 'quote'), label('c', s[2]!, 'opinion')]);
    writeReference(dir, [
      { sentence: s[2]!, label: 'fact' },
      { sentence: s[3]!, label: 'skip' },
    ]);
    const both = rowsOf(dir, {});
    expect(both.rows).toEqual([
      [0, 'fact', 'majority', 0.666667],
      [1, 'quote', 'unanimous', 1],
      [3, 'skip', 'reference', null],
    ]);
    // s[2] has one annotator: too few for gold, and the reference does not override an annotator.
    expect(both.summary.excluded['too-few-annotators']).toBe(1);
    expect(rowsOf(dir, { gold: 'logs' }).rows.map((r) => r[0])).toEqual([0, 1]);
    expect(rowsOf(dir, { gold: 'reference' }).rows).toEqual([
      [2, 'fact', 'reference', 0],
      [3, 'skip', 'reference', null],
    ]);
    expect(rowsOf(dir, { minAnnotators: 1 }).rows.map((r) => r.slice(0, 3))).toContainEqual([
      2,
      'opinion',
      'unanimous',
    ]);
  });

  it('does not count a label whose sentence text changed (stale), nor one on a removed sentence', () => {
    const { dir, s } = setup();
    const old = { ...s[0]!, text: 'Prices rose by five percent.' };
    writeLog(dir, 'a', [
      label('a', old, 'fact'),
      label('a', s[1]!, 'quote'),
      label('a', { ...s[1]!, id: 'd1:gone' }, 'fact'),
    ]);
    writeLog(dir, 'b', [label('b', s[0]!, 'fact'), label('b', s[1]!, 'quote')]);
    const { summary, rows } = rowsOf(dir, { gold: 'logs' });
    expect(summary.stale).toBe(1);
    expect(summary.orphaned).toBe(1);
    expect(rows).toEqual([[1, 'quote', 'unanimous', 1]]);
    expect(summary.excluded['too-few-annotators']).toBe(1);
  });

  it("writes each document's commentary profile from gold", () => {
    const { dir, s } = setup();
    for (const name of ['a', 'b']) {
      writeLog(dir, name, [
        label(name, s[0]!, 'fact'),
        label(name, s[1]!, 'quote'),
        label(name, s[2]!, 'opinion'),
        label(name, s[3]!, 'skip'),
      ]);
    }
    expect(JSON.parse(rowsOf(dir, {}).docs)).toEqual({
      doc: 'd1',
      title: 'Title of d1',
      sentences: 4,
      gold: 4,
      excluded: 0,
      fact: 1,
      quote: 1,
      opinion: 1,
      skip: 1,
      fact_share: 0.333333,
      quote_share: 0.333333,
      opinion_share: 0.333333,
    });
  });
});

describe('imported labels in the card (issue 10: honest sample annotations)', () => {
  it('does not present the agreement of imported labels as agreement between independent human annotators', () => {
    const { dir, s } = setup();
    for (const name of ['pass-a', 'pass-b'])
      writeLog(
        dir,
        name,
        s.map((x) => label(name, x, 'fact', { origin: 'import', ms: 0, suggestion: null })),
      );
    const out = join(tempDir(), 'ds');
    exportDataset(openCorpus(dir), buildLabelIndex(corpusLogs(dir)), { out, resamples: 20, split: [1, 0, 0] });
    const card = readFileSync(join(out, DATA_FILES.card), 'utf8');
    expect(card).toContain(
      '8 of 8 judgements were brought in with `stance import`, which does not record who made them or how. Until ' +
        'that is known, read these figures as agreement between the logs, not as agreement between independent human ' +
        'annotators.',
    );
    const croissant = JSON.parse(readFileSync(join(out, DATA_FILES.croissant), 'utf8'));
    expect(croissant['rai:dataAnnotationAnalysis']).toContain('not evidence of agreement between independent human');
  });

  it('says nothing of the kind when every judgement was given in the annotation UI', () => {
    const { dir, s } = setup();
    for (const name of ['a', 'b'])
      writeLog(
        dir,
        name,
        s.map((x) => label(name, x, 'fact')),
      );
    const out = join(tempDir(), 'ds');
    exportDataset(openCorpus(dir), buildLabelIndex(corpusLogs(dir)), { out, resamples: 20, split: [1, 0, 0] });
    expect(readFileSync(join(out, DATA_FILES.card), 'utf8')).not.toContain('stance import`, which does not record');
  });
});
