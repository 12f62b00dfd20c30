import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, renameSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { tempPathFor } from '@stance/store';
import { afterAll, describe, expect, it } from 'vitest';
import {
  buildLabelIndex,
  corpusLogs,
  digestFolder,
  type ExportOptions,
  exportDataset,
  openCorpus,
} from '../src/index.ts';
import { fixtureCorpus } from './helpers/fixture.ts';
import { makeCorpus, tempDir } from './helpers/temp-corpus.ts';

/** A pid that has exited: a process killed with -9 leaves its temp names behind with such a pid. */
function deadPid(): number {
  return Number(
    spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' }).stdout,
  );
}

const live = spawn('sleep', ['600'], { stdio: 'ignore' });
afterAll(() => {
  live.kill('SIGKILL');
});

/** The name tempPathFor gives beside `target`, as if made by process `pid`. */
function tempOf(target: string, pid: number, kind: 'tmp' | 'old' = 'tmp'): string {
  return basename(tempPathFor(target, kind)).replace(`-${process.pid}-`, `-${pid}-`);
}

function run(corpus: string, options: Partial<ExportOptions> & { out: string }) {
  return exportDataset(openCorpus(corpus), buildLabelIndex(corpusLogs(corpus)), { resamples: 10, ...options });
}

describe('issue 11.7: an export cleans up after an interrupted one', { timeout: 60_000 }, () => {
  const corpus = fixtureCorpus(4);

  it('removes the hidden temporary folder a killed export left, keeps one a live export is writing', () => {
    const parent = tempDir();
    const out = join(parent, 'dataset');
    const stale = tempOf(out, deadPid());
    const other = tempOf(join(parent, 'other'), deadPid());
    const busy = tempOf(out, live.pid!);
    for (const name of [stale, other, busy]) {
      mkdirSync(join(parent, name, 'data'), { recursive: true });
      writeFileSync(join(parent, name, 'data', 'train.jsonl'), '{"half":');
    }
    const told: string[] = [];
    run(corpus, { out, onLeftover: (m) => told.push(m) });
    expect(readdirSync(parent).sort()).toEqual([busy, 'dataset'].sort());
    expect(told.sort()).toEqual(
      [stale, other].map((n) => `${join(parent, n)}: removed what an interrupted run left behind`).sort(),
    );
  });

  it('puts back a previous export that a killed --force run had moved aside, and then replaces it as asked', () => {
    const parent = tempDir();
    const out = join(parent, 'dataset');
    run(corpus, { out });
    const before = digestFolder(out);
    // Killed between moving the old export aside and renaming the new one in: only the old one, aside.
    const aside = tempOf(out, deadPid(), 'old');
    renameSync(out, join(parent, aside));
    const told: string[] = [];
    expect(() => run(corpus, { out, seed: 9, onLeftover: (m) => told.push(m) })).toThrow(
      /already exists; pass --force/,
    );
    expect(told).toEqual([`${out}: put back the previous export that an interrupted run had moved aside`]);
    expect(readdirSync(parent)).toEqual(['dataset']);
    expect(digestFolder(out)).toEqual(before);
    run(corpus, { out, seed: 9, force: true });
    expect(digestFolder(out)).not.toEqual(before);
  });
});

describe('issue 11.8: an export with no sentence to export is refused unless allowEmpty', { timeout: 60_000 }, () => {
  it('refuses (exit 1), writes nothing, and says why; allowEmpty writes the empty dataset', () => {
    const corpus = makeCorpus({ a: 'One sentence here. Another one there.' });
    const parent = tempDir();
    const out = join(parent, 'dataset');
    expect(() => run(corpus, { out, gold: 'logs' })).toThrow(
      expect.objectContaining({
        where: out,
        exitCode: 1,
        message:
          'nothing to export: none of the 2 sentences has a gold label (unlabelled 2); nothing was written. Label some, change --gold or --min-annotators, or pass --allow-empty',
      }),
    );
    expect(readdirSync(parent)).toEqual([]);
    const summary = run(corpus, { out, gold: 'logs', allowEmpty: true });
    expect(summary.rows).toBe(0);
    expect(existsSync(join(out, 'MANIFEST.sha256'))).toBe(true);
  });
});
