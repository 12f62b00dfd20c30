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

/** One turn of the event loop: I/O callbacks and setImmediate run, a timer of a few ms does not fire first. */
const turn = () => new Promise((resolve) => setImmediate(resolve));

// Regression (issue 13, p99 key to frame): with Ink's 60 fps cap a key that came within 16.7 ms of the frame before
// (one the learning worker caused, say) was drawn only when the throttle's timer fired. Two keys in a row stand for
// it here: each must be drawn in the turn of the event loop that handled it, whatever came just before.
it('draws each key at once, also a key that comes right after another frame (no frame-rate window)', async () => {
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
    await turn();
    expect(stdout.frames, `key ${key}`).toBe(before + 1);
  }
});
