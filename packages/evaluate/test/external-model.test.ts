import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { BenchItem } from '../src/index.ts';
import { runExternalModel } from '../src/index.ts';

const MODEL = resolve(import.meta.dirname, 'fixtures/model.mjs');
const dir = mkdtempSync(join(tmpdir(), 'stance-bench-ext-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const trainPath = join(dir, 'train.jsonl');
writeFileSync(
  trainPath,
  ['quote', 'quote', 'fact'].map((label, i) => JSON.stringify({ id: `t${i}`, text: 'x', label })).join('\n'),
);
const items: BenchItem[] = [
  { id: 's1', text: 'I think it is wrong.', label: 'opinion' },
  { id: 's2', text: 'The bridge opened in 1932.', label: 'fact' },
  { id: 's3', text: 'Rain fell.', label: 'fact' },
];
const labels = ['fact', 'quote', 'opinion'];

/** Run the fixture model in `mode`; resolves to its labels or rejects with the error line. */
function run(mode: string, timeoutMs = 20_000) {
  return runExternalModel({
    command: `node ${JSON.stringify(MODEL)} ${mode}`,
    name: `cmd:${mode}`,
    trainPath,
    items,
    labels,
    timeoutMs,
    cwd: dir,
    env: process.env,
  });
}

/** The one line of a rejected run. */
async function errorOf(mode: string, timeoutMs?: number): Promise<string> {
  try {
    await run(mode, timeoutMs);
  } catch (error) {
    return (error as { toLine(): string }).toLine();
  }
  throw new Error('expected the run to fail');
}

describe('runExternalModel (the classify protocol over a real process)', () => {
  it('sends {"id","text"} lines and reads labels and scores back in item order', async () => {
    const r = await run('keyword fact');
    expect(r.labels).toEqual(['opinion', 'fact', 'fact']);
    expect(r.scores[0]).toEqual({ opinion: 0.9 });
  });

  it('hands the training file to the program in STANCE_TRAIN', async () => {
    expect((await run('majority')).labels).toEqual(['quote', 'quote', 'quote']);
  });

  it('reports a crash with the exit code and what the program said on stderr', async () => {
    expect(await errorOf('crash')).toBe('cmd:crash: exited with code 3: model.mjs: out of memory (pretend)');
  });

  it('kills a program that hangs past the timeout', async () => {
    const started = Date.now();
    expect(await errorOf('hang', 800)).toBe('cmd:hang: no answer within 0.8 s (--timeout); killed');
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it('issue 11.8: takes the answers of a model that answered every id and left a process holding stdout, and says so', async () => {
    const started = Date.now();
    const r = await run('leave-child', 60_000);
    expect(r.labels).toEqual(['fact', 'fact', 'fact']);
    expect(r.note).toBe(
      'exited after answering every id, but a process it started kept its stdout open; took the answers and killed its process group',
    );
    // Not held until the timeout (60 s) nor until the leftover ends (30 s).
    expect(Date.now() - started).toBeLessThan(25_000);
  });

  it('issue 11.8: says what happened when such a model left ids unanswered, rather than "no answer"', async () => {
    expect(await errorOf('leave-child-missing', 4000)).toBe(
      'cmd:leave-child-missing: exited (code 0) after answering 2 of 3 ids, but a process it started kept its stdout open after it exited; gave up waiting for the rest after 4 s (--timeout)',
    );
  });

  it('names missing ids', async () => {
    expect(await errorOf('missing')).toBe('cmd:missing: no answer for 1 of 3 ids (first: "s3")');
  });

  it('names the stdout line of an unknown id', async () => {
    expect(await errorOf('unknown-id')).toBe(
      'cmd:unknown-id: stdout line 2: unknown id "nobody-asked" (not among the sentences sent)',
    );
  });

  it('names the stdout line of an unknown label', async () => {
    expect(await errorOf('unknown-label')).toBe(
      'cmd:unknown-label: stdout line 2: unknown label "banana" for id "s2"; expected one of fact, quote, opinion',
    );
  });

  it('names the stdout line that is not JSON', async () => {
    expect(await errorOf('not-json')).toBe('cmd:not-json: stdout line 2: not a JSON line: "this is not json"');
  });

  it('refuses an id answered twice', async () => {
    expect(await errorOf('twice')).toBe('cmd:twice: stdout line 2: id "s1" answered twice');
  });

  it('reports a program that cannot be found', async () => {
    const r = runExternalModel({
      command: 'stance-no-such-program-xyz',
      name: 'cmd:stance-no-such-program-xyz',
      trainPath,
      items,
      labels,
      timeoutMs: 20_000,
      cwd: dir,
      env: process.env,
    });
    await expect(r).rejects.toThrow(/exited with code 127/);
  });
});
