import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openAnnotatorLog, readAnnotatorLog } from '../src/index.ts';
import { REPO_ROOT, TSX } from './helpers/repo.ts';
import { tempCorpus } from './helpers/temp-corpus.ts';

/**
 * Run the append loop in a child, collect the ids it acknowledges, and `kill -9` it once `acknowledged` ids arrived.
 * The child is its own process group, killed as a group, because the tsx launcher runs the script in a grandchild.
 */
async function appendThenKill(corpus: string, annotator: string, acknowledged: number): Promise<string[]> {
  const child = spawn(TSX, [join(import.meta.dirname, 'helpers/append-loop.ts'), corpus, annotator], {
    cwd: REPO_ROOT,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const ids: string[] = [];
  let pending = '';
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  await new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      pending += chunk.toString();
      const lines = pending.split('\n');
      pending = lines.pop()!;
      ids.push(...lines);
      if (ids.length >= acknowledged) {
        process.kill(-child.pid!, 'SIGKILL');
        resolve();
      }
    });
    child.on('exit', (code, signal) => {
      if (signal !== 'SIGKILL') reject(new Error(`append loop ended (${code ?? signal}): ${stderr}`));
    });
  });
  await new Promise((resolve) => child.on('close', resolve));
  return ids;
}

describe('crash safety', () => {
  // Regression (zombie owner): the killed child stayed a zombie where PID 1 does not reap, and signal 0 still
  // succeeds on a zombie, so its lock was refused as live. isProcessAlive now reads the state in /proc.
  it('after kill -9 mid-append, every acknowledged event is in the log, and the dead lock is taken over', async () => {
    const corpus = tempCorpus();
    const acknowledged = await appendThenKill(corpus, 'alice', 200);
    expect(acknowledged.length).toBeGreaterThanOrEqual(200);

    const log = openAnnotatorLog(corpus, 'alice');
    const stored = new Set(log.events.map((e) => e.id));
    expect(acknowledged.filter((id) => !stored.has(id))).toEqual([]);
    // The child may have written (even fsync'd) one more event than it got to print; never fewer.
    expect(log.events.length - acknowledged.length).toBeLessThanOrEqual(1);
    expect(log.warnings.some((w) => /took over a stale lock of process \d+/.test(w))).toBe(true);
    log.close();
    expect(readAnnotatorLog(log.path).warnings).toEqual([]);
  });

  it('a second crash run appends after the first, and ids stay unique', async () => {
    const corpus = tempCorpus();
    const first = await appendThenKill(corpus, 'bob', 50);
    const second = await appendThenKill(corpus, 'bob', 50);
    const { events } = readAnnotatorLog(join(corpus, 'annotations/bob.jsonl'));
    const ids = events.map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    const stored = new Set(ids);
    expect([...first, ...second].filter((id) => !stored.has(id))).toEqual([]);
  });
});
