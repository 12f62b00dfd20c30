/** @jsxRuntime automatic */
/** @jsxImportSource react */
import { labelDocument } from '@stance/classify';
import { openAnnotatorLog } from '@stance/store';
import { render } from 'ink';
import { afterEach, expect, it } from 'vitest';
import { FrameSink, KeySource } from '../bench/terminal-streams.ts';
import { App } from '../src/components/App.tsx';
import { INK_OPTIONS } from '../src/run-annotate.tsx';
import { createSession } from '../src/session/session.ts';
import { smallCorpus } from './fixtures.ts';
import { tempCorpusDir } from './render.tsx';

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
  const dir = tempCorpusDir();
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
  });
  await first;
  for (const key of ['j', 'j', 'k', 'j']) {
    const before = stdout.frames;
    stdin.type(key);
    await turn();
    expect(stdout.frames, `key ${key}`).toBe(before + 1);
  }
});
