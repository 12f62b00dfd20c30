import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { foldLabels, openAnnotatorLog, readAllLogs } from '../src/index.ts';
import { labelEvent, retractEvent, steppingClock } from './helpers/events.ts';
import { tempCorpus } from './helpers/temp-corpus.ts';

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, {
    cwd,
    encoding: 'utf8',
    env: {
      ...process.env,
      GIT_AUTHOR_NAME: 't',
      GIT_AUTHOR_EMAIL: 't@example.org',
      GIT_COMMITTER_NAME: 't',
      GIT_COMMITTER_EMAIL: 't@example.org',
      GIT_CONFIG_GLOBAL: '/dev/null',
      GIT_CONFIG_NOSYSTEM: '1',
    },
  });
}

function append(
  repo: string,
  annotator: string,
  clockStart: string,
  work: (log: ReturnType<typeof openAnnotatorLog>) => void,
) {
  const log = openAnnotatorLog(join(repo, 'corpus'), annotator, { now: steppingClock(clockStart) });
  work(log);
  log.close();
}

describe('logs from several machines', () => {
  it('merge in git with no conflict, and the fold of the merged logs is each annotator’s own', () => {
    const repo = tempCorpus();
    git(repo, 'init', '-q', '-b', 'main');
    // Locks are per machine; they never belong in git.
    writeFileSync(join(repo, '.gitignore'), '*.lock\n');
    append(repo, 'alice', '2026-11-20T09:00:00.000Z', (log) => {
      log.append(labelEvent('d:1', 'fact'));
    });
    git(repo, 'add', '-A');
    git(repo, 'commit', '-q', '-m', 'base');

    git(repo, 'checkout', '-q', '-b', 'laptop-alice');
    append(repo, 'alice', '2026-11-21T09:00:00.000Z', (log) => {
      const wrong = log.append(labelEvent('d:2', 'quote'));
      log.append(retractEvent(wrong.id, 'd:2'));
      log.append(labelEvent('d:2', 'opinion'));
    });
    git(repo, 'add', '-A');
    git(repo, 'commit', '-q', '-m', 'alice labels on her laptop');

    git(repo, 'checkout', '-q', 'main');
    git(repo, 'checkout', '-q', '-b', 'laptop-bob');
    append(repo, 'bob', '2026-11-21T09:30:00.000Z', (log) => {
      log.append(labelEvent('d:1', 'opinion'));
      log.append(labelEvent('d:2', 'opinion'));
    });
    git(repo, 'add', '-A');
    git(repo, 'commit', '-q', '-m', 'bob labels on his laptop');

    git(repo, 'checkout', '-q', 'main');
    git(repo, 'merge', '-q', '--no-edit', 'laptop-alice');
    git(repo, 'merge', '-q', '--no-edit', 'laptop-bob');
    expect(git(repo, 'status', '--porcelain')).toBe('');

    const warnings: string[] = [];
    const logs = readAllLogs(join(repo, 'corpus'), (w) => warnings.push(w));
    expect(warnings).toEqual([]);
    const folded = Object.fromEntries(
      [...logs].map(([who, events]) => [
        who,
        Object.fromEntries([...foldLabels(events)].map(([s, c]) => [s, c.label])),
      ]),
    );
    expect(folded).toEqual({
      alice: { 'd:1': 'fact', 'd:2': 'opinion' },
      bob: { 'd:1': 'opinion', 'd:2': 'opinion' },
    });
  });
});
