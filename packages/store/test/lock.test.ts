import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { isStanceError } from '@stance/schema';
import { afterEach, describe, expect, it } from 'vitest';
import { annotationsDir, openAnnotatorLog } from '../src/index.ts';
import { labelEvent } from './helpers/events.ts';
import { REPO_ROOT } from './helpers/repo.ts';
import { tempCorpus } from './helpers/temp-corpus.ts';

const children: ChildProcess[] = [];
afterEach(() => {
  for (const child of children.splice(0)) child.kill('SIGKILL');
});

/** A pid that surely belongs to no running process: a child that has already exited. */
function deadPid(): number {
  const result = spawnSync(process.execPath, ['-e', '']);
  return result.pid;
}

function writeLock(corpus: string, annotator: string, owner: { pid: number; host: string; started: string }) {
  mkdirSync(annotationsDir(corpus), { recursive: true });
  const path = join(annotationsDir(corpus), `${annotator}.jsonl.lock`);
  writeFileSync(path, JSON.stringify(owner));
  return path;
}

function errorOf(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    return isStanceError(error) ? error.toLine() : String(error);
  }
  return 'no error';
}

describe('lock files', () => {
  it('holds <annotator>.jsonl.lock with pid, host and start while open, and removes it on close', () => {
    const corpus = tempCorpus();
    const log = openAnnotatorLog(corpus, 'alice', { now: () => new Date('2026-11-25T10:00:00.000Z') });
    const lockPath = `${log.path}.lock`;
    expect(JSON.parse(readFileSync(lockPath, 'utf8'))).toEqual({
      pid: process.pid,
      host: hostname(),
      started: '2026-11-25T10:00:00.000Z',
    });
    log.close();
    expect(existsSync(lockPath)).toBe(false);
  });

  it('refuses a second open of the same annotator in this process', () => {
    const corpus = tempCorpus();
    const log = openAnnotatorLog(corpus, 'alice');
    expect(errorOf(() => openAnnotatorLog(corpus, 'alice'))).toBe(
      `${log.path}.lock: annotator alice is already open in process ${process.pid}`,
    );
    log.close();
    openAnnotatorLog(corpus, 'alice').close();
  });

  it('refuses when a live process holds the lock', async () => {
    const corpus = tempCorpus();
    const sleeper = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)'], { stdio: 'ignore' });
    children.push(sleeper);
    await new Promise((resolve) => sleeper.once('spawn', resolve));
    const pid = sleeper.pid!;
    const lockPath = writeLock(corpus, 'bob', { pid, host: hostname(), started: '2026-11-25T09:00:00.000Z' });
    expect(errorOf(() => openAnnotatorLog(corpus, 'bob'))).toBe(
      `${lockPath}: annotator bob is already open in process ${pid}`,
    );
    expect(JSON.parse(readFileSync(lockPath, 'utf8')).pid).toBe(pid);
  });

  it('takes over a lock whose process is gone, with a warning', () => {
    const corpus = tempCorpus();
    const pid = deadPid();
    const lockPath = writeLock(corpus, 'carol', { pid, host: hostname(), started: '2026-11-25T09:00:00.000Z' });
    const log = openAnnotatorLog(corpus, 'carol');
    expect(log.warnings).toEqual([
      `${lockPath}: took over a stale lock of process ${pid} (started 2026-11-25T09:00:00.000Z), which is no longer running`,
    ]);
    expect(JSON.parse(readFileSync(lockPath, 'utf8')).pid).toBe(process.pid);
    log.append(labelEvent('s', 'fact'));
    log.close();
    expect(existsSync(lockPath)).toBe(false);
  });

  it('refuses a lock held on another host, whose pid can not be checked from here', () => {
    const corpus = tempCorpus();
    const lockPath = writeLock(corpus, 'dan', { pid: 1, host: 'other-machine', started: '2026-11-25T09:00:00.000Z' });
    expect(errorOf(() => openAnnotatorLog(corpus, 'dan'))).toBe(
      `${lockPath}: annotator dan is already open in process 1 on host other-machine (since 2026-11-25T09:00:00.000Z); if that is not so, delete the lock file`,
    );
  });

  it('refuses a fresh unreadable lock (an owner still writing it)', () => {
    const corpus = tempCorpus();
    mkdirSync(annotationsDir(corpus), { recursive: true });
    const lockPath = join(annotationsDir(corpus), 'erin.jsonl.lock');
    writeFileSync(lockPath, '');
    expect(errorOf(() => openAnnotatorLog(corpus, 'erin'))).toMatch(/erin is being opened by another process/);
  });

  it('takes over an unreadable lock once it is old (a crash between creating and writing it)', () => {
    const corpus = tempCorpus();
    mkdirSync(annotationsDir(corpus), { recursive: true });
    const lockPath = join(annotationsDir(corpus), 'erin.jsonl.lock');
    // pid 0 would make kill(0, 0) signal our own process group and look alive: it must count as unreadable.
    writeFileSync(lockPath, '{"pid":0,"host":"x","started":"y"}');
    const old = new Date(Date.now() - 60_000);
    utimesSync(lockPath, old, old);
    const log = openAnnotatorLog(corpus, 'erin');
    expect(log.warnings).toEqual([
      `${lockPath}: took over an unreadable lock file (a crash while it was being written)`,
    ]);
    log.close();
  });

  it('lets different annotators work at the same time', () => {
    const corpus = tempCorpus();
    const a = openAnnotatorLog(corpus, 'alice');
    const b = openAnnotatorLog(corpus, 'bob');
    a.append(labelEvent('s', 'fact'));
    b.append(labelEvent('s', 'opinion'));
    expect([a.events.length, b.events.length]).toEqual([1, 1]);
    a.close();
    b.close();
  });

  it('releases the lock when the process exits without calling close', () => {
    const corpus = tempCorpus();
    const script = `import { openAnnotatorLog } from ${JSON.stringify(join(import.meta.dirname, '../src/index.ts'))};
      const log = openAnnotatorLog(${JSON.stringify(corpus)}, 'frank');
      console.log(log.path);`;
    const result = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      cwd: REPO_ROOT,
      encoding: 'utf8',
    });
    expect(result.stderr).toBe('');
    const path = result.stdout.trim();
    expect(path).toBe(join(annotationsDir(corpus), 'frank.jsonl'));
    expect(existsSync(`${path}.lock`)).toBe(false);
  });
});
