/** @jsxRuntime automatic */
/** @jsxImportSource react */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { labelDocument } from '@stance/classify';
import type { AnnotatorLog } from '@stance/store';
import { openAnnotatorLog } from '@stance/store';
import { render } from 'ink-testing-library';
import { afterEach } from 'vitest';
import type { AppProps } from '../src/components/App.tsx';
import { App } from '../src/components/App.tsx';
import { ColorContext } from '../src/components/color.ts';
import { LabelScreen } from '../src/components/LabelScreen.tsx';
import { planScreen } from '../src/model/plan-screen.ts';
import type { AnnotateSession, CorpusInput, SessionInput } from '../src/session/session.ts';
import { createSession } from '../src/session/session.ts';
import { currentPosition } from '../src/state/selectors.ts';
import type { AnnotateState } from '../src/state/state.ts';
import { smallCorpus } from './fixtures.ts';

const dirs: string[] = [];
const logs: AnnotatorLog[] = [];
afterEach(() => {
  for (const log of logs.splice(0)) log.close();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A fresh corpus folder (for the annotator logs) that is removed after the test. */
export function tempCorpusDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'stance-annotate-'));
  dirs.push(dir);
  return dir;
}

/** Options of renderApp. */
export interface RenderAppOptions extends Partial<Omit<SessionInput, 'corpus' | 'log'>> {
  corpus?: Partial<CorpusInput>;
  /** Reuse a corpus folder (e.g. to start again on the same log). */
  dir?: string;
  annotator?: string;
  /** Start the learning worker (default: the real one). */
  spawnWorker?: AppProps['spawnWorker'];
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const tick = () => sleep(10);

/**
 * Render the App on ink-testing-library's streams, with a real annotator log (in a temp folder) and the real rules
 * labeler. `press` writes keys one by one and waits a tick after each, as a typist would.
 */
export async function renderApp(options: RenderAppOptions = {}) {
  const dir = options.dir ?? tempCorpusDir();
  const { corpus: corpusOverride, dir: _dir, annotator, spawnWorker, ...sessionOptions } = options;
  const log = openAnnotatorLog(dir, annotator ?? 'tester');
  logs.push(log);
  let clock = 1_000_000;
  const corpus: CorpusInput = {
    ...smallCorpus(),
    guideline: { version: '1.0', text: '# Guidelines\n\nBe kind.' },
    ...corpusOverride,
  };
  const session: AnnotateSession = createSession({
    corpus,
    log,
    labeler: labelDocument,
    // A test clock: each reading is 1.5 s after the last, so ms and s/sentence are exact.
    now: () => (clock += 1500),
    ...sessionOptions,
  });
  let quit = 0;
  const instance = render(<App session={session} onQuit={() => quit++} {...(spawnWorker ? { spawnWorker } : {})} />);
  await tick();
  return {
    ...instance,
    dir,
    log,
    session,
    quits: () => quit,
    frame: () => instance.lastFrame() ?? '',
    /** Write each key, then wait for the frame it causes (up to 500 ms: some keys change nothing) and a tick. */
    async press(...keys: string[]) {
      for (const key of keys) {
        const before = instance.frames.length;
        instance.stdin.write(key);
        for (let waited = 0; instance.frames.length === before && waited < 500; waited += 5) await sleep(5);
        await tick();
      }
    },
    /** Close the log (as quitting does) so the folder can be opened again. */
    close() {
      instance.unmount();
      log.close();
    },
  };
}

/** Key sequences as a terminal sends them. */
export const KEYS = {
  enter: '\r',
  escape: '\u001b',
  backspace: '\u007f',
  up: '\u001b[A',
  down: '\u001b[B',
  right: '\u001b[C',
  left: '\u001b[D',
  ctrlC: '\u0003',
} as const;

/** The labelling screen for `state` at a size, as a frame (the App's layout, without keys or timers). */
export function screenFrame(
  session: AnnotateSession,
  state: AnnotateState,
  columns: number,
  rows: number,
  color = true,
): string {
  const p = currentPosition(state);
  const suggestion = session.adjudication || p < 0 ? null : session.suggester.at(p);
  const plan = planScreen(session, state, suggestion, columns, rows);
  const { lastFrame, unmount } = render(
    <ColorContext.Provider value={color}>
      <LabelScreen session={session} state={state} plan={plan} suggestion={suggestion} columns={columns} now={0} />
    </ColorContext.Provider>,
  );
  const frame = lastFrame() ?? '';
  unmount();
  return frame;
}
