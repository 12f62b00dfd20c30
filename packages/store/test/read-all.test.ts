import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { annotationsDir, listAnnotatorLogs, openAnnotatorLog, readAllLogs } from '../src/index.ts';
import { labelEvent } from './helpers/events.ts';
import { tempCorpus } from './helpers/temp-corpus.ts';

describe('readAllLogs', () => {
  it('is empty for a corpus without annotations', () => {
    expect(readAllLogs(tempCorpus())).toEqual(new Map());
  });

  it('reads every <name>.jsonl, ignores locks, rejected lines and files that are not annotator logs', () => {
    const corpus = tempCorpus();
    const a = openAnnotatorLog(corpus, 'alice');
    const e = a.append(labelEvent('s', 'fact'));
    // alice stays open: reading needs no lock.
    const dir = annotationsDir(corpus);
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'alice.jsonl.rejected'), '{"torn":\n');
    writeFileSync(join(dir, 'notes.txt'), 'x');
    writeFileSync(join(dir, '.hidden.jsonl'), 'x\n');
    writeFileSync(join(dir, 'bob.jsonl'), 'oops\n');
    const warnings: string[] = [];
    const logs = readAllLogs(corpus, (w) => warnings.push(w));
    expect([...logs.keys()]).toEqual(['alice', 'bob']);
    expect(logs.get('alice')).toEqual([e]);
    expect(logs.get('bob')).toEqual([]);
    expect(warnings).toEqual([`${join(dir, 'bob.jsonl')}:1: not JSON; line skipped`]);
    a.close();
  });
});

describe('issue 11.7: a log whose name is not an annotator name is not skipped without a word', () => {
  it('warns about `x y.jsonl` (and reads the valid logs beside it)', () => {
    const corpus = tempCorpus();
    const a = openAnnotatorLog(corpus, 'alice');
    a.append(labelEvent('s', 'fact'));
    a.close();
    const dir = annotationsDir(corpus);
    writeFileSync(join(dir, 'x y.jsonl'), `${JSON.stringify({ ...labelEvent('s', 'quote'), annotator: 'x y' })}\n`);
    const warnings: string[] = [];
    expect([...readAllLogs(corpus, (w) => warnings.push(w)).keys()]).toEqual(['alice']);
    const expected = `${join(dir, 'x y.jsonl')}: not read: "x y" is not an annotator name (letters of any script, digits, '.', '_' or '-'); rename the file to count its labels`;
    expect(warnings).toEqual([expected]);
    const listed: string[] = [];
    expect(listAnnotatorLogs(corpus, (w) => listed.push(w))).toEqual([
      { annotator: 'alice', path: join(dir, 'alice.jsonl') },
    ]);
    expect(listed).toEqual([expected]);
  });
});
