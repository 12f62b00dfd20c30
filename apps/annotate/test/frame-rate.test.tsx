/** @jsxRuntime automatic */
/** @jsxImportSource react */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { labelDocument } from '@stance/classify';
import { openAnnotatorLog } from '@stance/store';
import { afterEach, expect, it } from 'vitest';
import { FrameSink, KeySource } from '../bench/terminal-streams.ts';
import { createSession } from '../src/session/session.ts';
import { smallCorpus } from './fixtures.ts';

// Ink draws only the last frame when CI is set (it reads CI once, when first imported), and CI runs this suite with
// CI=true: Ink and what imports it are imported with CI cleared, as `pnpm bench:annotate` does. (A test file has
// a module registry of its own, so no other file's Ink is reused here.)
const ci = process.env['CI'];
delete process.env['CI'];
const { render } = await import('ink');
const { App } = await import('../src/components/App.tsx');
const { INK_OPTIONS } = await import('../src/run-annotate.tsx');
// Put back for the test files that run in this process after this one.
if (ci !== undefined) process.env['CI'] = ci;

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

// Regression (issue 13, p99 key to frame): with Ink's 60 fps cap a key that came within 16.7 ms of the frame before
// (one the learning worker caused, say) was drawn only when the throttle's timer fired. Two keys in a row stand for
// it here: each must be drawn in the turn of the event loop that handled it, whatever came just before.
// Regression (CI, a loaded machine): at React's default priority a key's commit waited for a Scheduler task queued
// behind whatever the event loop held already, and a Scheduler past its 5 ms slice yielded first. Now a key is a
// discrete event: its frame is written in the same task of the event loop as the key was read, before any other.
it('draws each key in the task that read it, also right after another frame (no frame-rate window, no Scheduler task)', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'stance-frame-rate-'));
  const log = openAnnotatorLog(dir, 'tester');
  const session = createSession({ corpus: { ...smallCorpus(), guideline: null }, log, labeler: labelDocument });
  const stdout = new FrameSink('sentence ');
  const stdin = new KeySource();
  const first = stdout.nextFrame();
  const instance = render(<App session={session} />, {
    stdout: stdout as unknown as NodeJS.WriteStream,
    stdin: stdin as unknown as NodeJS.ReadStream,
    stderr: new FrameSink('\u0000') as unknown as NodeJS.WriteStream,
    ...INK_OPTIONS,
  });
  cleanups.push(() => {
    instance.unmount();
    log.close();
    rmSync(dir, { recursive: true, force: true });
  });
  await first;
  for (const key of ['j', 'j', 'k', 'j']) {
    const before = stdout.frames;
    stdin.type(key);
    // The microtasks the key's read queued (React's commit among them) have run; no other task has.
    await Promise.resolve();
    expect(stdout.frames, `key ${key}`).toBe(before + 1);
  }
});
