import { appendFileSync, chmodSync, chownSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { annotationsDir, openAnnotatorLog, tempPathFor } from '../src/index.ts';
import { labelEvent, steppingClock } from './helpers/events.ts';
import { tempCorpus } from './helpers/temp-corpus.ts';

/** A closed log of `alice` with one event and a torn last line after it, given `mode`; its path. */
function tornLog(corpus: string, mode: number): string {
  const log = openAnnotatorLog(corpus, 'alice', { now: steppingClock() });
  log.append(labelEvent('d:1', 'fact'));
  log.close();
  appendFileSync(log.path, '{"v":1,"id":"alice-half');
  chmodSync(log.path, mode);
  return log.path;
}

const modeOf = (path: string) => statSync(path).mode & 0o777;

describe('issue 11.3: repairing a log keeps its permissions', { timeout: 60_000 }, () => {
  it.each(['0600', '0640', '0664'])(
    'a %s log keeps its mode after a torn line is set aside; .rejected gets it too',
    (m) => {
      const mode = Number.parseInt(m, 8);
      const corpus = tempCorpus();
      const path = tornLog(corpus, mode);
      const log = openAnnotatorLog(corpus, 'alice');
      expect(log.warnings).toHaveLength(1);
      log.append(labelEvent('d:2', 'quote'));
      log.close();
      expect(modeOf(path)).toBe(mode);
      expect(modeOf(`${path}.rejected`)).toBe(mode);
    },
  );

  it('an existing .rejected keeps its own mode', () => {
    const corpus = tempCorpus();
    const path = tornLog(corpus, 0o600);
    writeFileSync(`${path}.rejected`, '');
    chmodSync(`${path}.rejected`, 0o400);
    openAnnotatorLog(corpus, 'alice').close();
    expect(modeOf(`${path}.rejected`)).toBe(0o400);
    expect(readFileSync(`${path}.rejected`, 'utf8')).toMatch(/torn write/);
  });

  it.runIf(process.getuid?.() === 0)('a log owned by another user keeps its owner when root repairs it', () => {
    const corpus = tempCorpus();
    const path = tornLog(corpus, 0o644);
    chownSync(path, 65534, 65534);
    openAnnotatorLog(corpus, 'alice').close();
    expect([statSync(path).uid, statSync(path).gid]).toEqual([65534, 65534]);
  });

  it.each(['0444', '0400', '0555'])(
    'refuses to open a read-only (%s) log: no repair, no append, mode and bytes kept',
    (m) => {
      const mode = Number.parseInt(m, 8);
      const corpus = tempCorpus();
      const path = tornLog(corpus, mode);
      const before = readFileSync(path);
      expect(() => openAnnotatorLog(corpus, 'alice')).toThrow(
        expect.objectContaining({
          where: path,
          message: `the log is read-only (mode ${m}); make it writable (chmod u+w) to add to it`,
          exitCode: 2,
        }),
      );
      expect(readFileSync(path)).toEqual(before);
      expect(modeOf(path)).toBe(mode);
      // Refused before the lock: nothing else appears beside the log.
      expect(() => statSync(`${path}.rejected`)).toThrow();
      expect(() => statSync(`${path}.lock`)).toThrow();
      expect(annotationsDir(corpus)).toBe(join(corpus, 'annotations'));
    },
  );
});

describe('issue 11.7: a repair killed half way leaves a temp file the next open removes', () => {
  it('removes the log’s temp files under the lock, whatever their pid, and nothing else', () => {
    const corpus = tempCorpus();
    const path = tornLog(corpus, 0o644);
    const dir = annotationsDir(corpus);
    // A repair's temp file as writeFileAtomic names it; the pid may be alive (reused) or this one: we hold the lock.
    const leftover = basename(tempPathFor(path));
    const others = basename(tempPathFor(join(dir, 'bob.jsonl')));
    writeFileSync(join(dir, leftover), '{"v":1,"half":');
    writeFileSync(join(dir, others), '{"v":1,"half":');
    // The name of versions before, `<log>.tmp-<pid>`, is removed too; a log whose name starts the same is kept.
    writeFileSync(`${path}.tmp-4242`, '{"v":1,"half":');
    const lookalike = openAnnotatorLog(corpus, 'alice.jsonl.tmp-1');
    lookalike.append(labelEvent('d:9', 'skip'));
    lookalike.close();
    openAnnotatorLog(corpus, 'alice').close();
    expect(readdirSync(dir).sort()).toEqual(
      ['alice.jsonl', 'alice.jsonl.rejected', 'alice.jsonl.tmp-1.jsonl', others].sort(),
    );
  });
});
