import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openAnnotatorLog, readAnnotatorLog } from '../src/index.ts';
import { labelEvent } from './helpers/events.ts';
import { REPO_ROOT, TSX } from './helpers/repo.ts';
import { tempCorpus } from './helpers/temp-corpus.ts';

const HELPER = join(import.meta.dirname, 'helpers/append-batch.ts');
const HAS_PRLIMIT = spawnSync('prlimit', ['--version']).status === 0;

/** Run the append helper in a child, optionally under a cap on file size (a write past it fails with EFBIG). */
function appendInChild(corpus: string, mode: 'each' | 'all', count: number, maxFileBytes?: number) {
  const argv = [HELPER, corpus, 'alice', mode, String(count)];
  const r =
    maxFileBytes === undefined
      ? spawnSync(TSX, argv, { cwd: REPO_ROOT, encoding: 'utf8' })
      : spawnSync('prlimit', [`--fsize=${maxFileBytes}`, '--', TSX, ...argv], { cwd: REPO_ROOT, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`append helper failed (${r.status}): ${r.stderr}`);
  return JSON.parse(r.stdout) as { returned: number; error: string | null };
}

/** A log of alice with `n` events; its path and bytes. */
function seeded(corpus: string, n: number) {
  const log = openAnnotatorLog(corpus, 'alice');
  for (let i = 0; i < n; i++) log.append(labelEvent(`seed:${i}`, 'quote'));
  log.close();
  return { path: log.path, bytes: readFileSync(log.path) };
}

describe.runIf(HAS_PRLIMIT)(
  'issue 11.4: a write that fails part way saves nothing (file size capped by prlimit)',
  { timeout: 120_000 },
  () => {
    it('appendAll (stance import) that runs out of room leaves the log exactly as it was, and says so', () => {
      const corpus = tempCorpus();
      const { path, bytes } = seeded(corpus, 3);
      // Room for a few more events, not for 488.
      const result = appendInChild(corpus, 'all', 488, bytes.length + 2000);
      expect(result).toEqual({
        returned: 0,
        error: `${path}: could not write the 488 events (file too large); nothing was saved`,
      });
      expect(readFileSync(path)).toEqual(bytes);
      expect(readAnnotatorLog(path).warnings).toEqual([]);
    });

    it('append one at a time: the events that returned are saved, the one that failed is not, no half line', () => {
      const corpus = tempCorpus();
      const { path, bytes } = seeded(corpus, 3);
      const result = appendInChild(corpus, 'each', 488, bytes.length + 2000);
      expect(result.error).toBe(`${path}: could not write the event (file too large); nothing was saved`);
      expect(result.returned).toBeGreaterThan(0);
      const { events, warnings } = readAnnotatorLog(path);
      expect(warnings).toEqual([]);
      expect(events).toHaveLength(3 + result.returned);
    });
  },
);

// A real full disk: a 64 KB tmpfs. Mounting needs root (CI runs as root); elsewhere this group is skipped.
const mountPoint = mkdtempSync(join(tmpdir(), 'stance-full-disk-'));
const mounted = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', mountPoint]).status === 0;
afterAll(() => {
  if (mounted) spawnSync('umount', [mountPoint]);
  rmdirSync(mountPoint);
});

describe.runIf(mounted)(
  'issue 11.4: stance import onto a full disk (skipped without permission to mount a tmpfs)',
  { timeout: 120_000 },
  () => {
    beforeAll(() => {
      mkdirSync(join(mountPoint, 'corpus'));
    });

    it('appendAll onto a full disk saves nothing and says so; the log stays readable', () => {
      const corpus = join(mountPoint, 'corpus');
      const { path, bytes } = seeded(corpus, 3);
      const result = appendInChild(corpus, 'all', 488);
      expect(result).toEqual({
        returned: 0,
        error: `${path}: could not write the 488 events (no space left on device); nothing was saved`,
      });
      expect(readFileSync(path)).toEqual(bytes);
      expect(statSync(path).size).toBe(bytes.length);
    });
  },
);
