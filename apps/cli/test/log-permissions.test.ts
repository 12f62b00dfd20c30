import { appendFileSync, chmodSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadCorpus } from '@stance/corpus';
import { describe, expect, it } from 'vitest';
import { runStance, tempDir } from './helpers/run-stance.ts';

/** A user folder with an ingested piece, a labels file for its sentences, and ana's log holding one import. */
function setup(): { dir: string; log: string } {
  const dir = tempDir('stance-log-mode-');
  writeFileSync(join(dir, 'piece.md'), '# A piece\n\nThe council met on Monday. I think it will pass. It did.\n');
  expect(runStance(['ingest', 'piece.md', '--corpus', 'c'], { cwd: dir }).status).toBe(0);
  const ids = loadCorpus(join(dir, 'c')).sentences.map((s) => s.id);
  writeFileSync(join(dir, 'one.jsonl'), `${JSON.stringify({ id: ids[1], label: 'opinion' })}\n`);
  writeFileSync(join(dir, 'two.jsonl'), `${JSON.stringify({ id: ids[2], label: 'fact' })}\n`);
  expect(runStance(['import', 'one.jsonl', '--annotator', 'ana', '--corpus', 'c'], { cwd: dir }).status).toBe(0);
  return { dir, log: join(dir, 'c', 'annotations', 'ana.jsonl') };
}

const modeOf = (path: string) => (statSync(path).mode & 0o777).toString(8);

describe('issue 11.3: a log keeps the permissions its user gave it', { timeout: 120_000 }, () => {
  it('a private (0600) log with a torn line stays 0600 after the repair; .rejected is 0600 too', () => {
    const { dir, log } = setup();
    appendFileSync(log, '{"v":1,"id":"ana-torn');
    chmodSync(log, 0o600);
    const r = runStance(['import', 'two.jsonl', '--annotator', 'ana', '--corpus', 'c'], { cwd: dir });
    expect(r.stderr).toMatch(/torn last line/);
    expect(r.status).toBe(0);
    expect(modeOf(log)).toBe('600');
    expect(modeOf(`${log}.rejected`)).toBe('600');
  });

  it('a read-only (0444) log is refused: exit 2, one line, not repaired, not appended to, still 0444', () => {
    const { dir, log } = setup();
    appendFileSync(log, '{"v":1,"id":"ana-torn');
    chmodSync(log, 0o444);
    const before = readFileSync(log);
    const r = runStance(['import', 'two.jsonl', '--annotator', 'ana', '--corpus', 'c'], { cwd: dir });
    expect(r.stderr).toBe(
      `stance: ${log}: the log is read-only (mode 0444); make it writable (chmod u+w) to add to it\n`,
    );
    expect(r.status).toBe(2);
    expect(readFileSync(log)).toEqual(before);
    expect(modeOf(log)).toBe('444');
  });
});
