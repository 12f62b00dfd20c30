/** @jsxRuntime automatic */
/** @jsxImportSource react */
import type { Readable, Writable } from 'node:stream';
import { render } from 'ink';
import { App } from './components/App.tsx';
import type { AnnotateSession } from './session/session.ts';

/** Streams the UI runs on; stdin must be a TTY (raw mode) for keys to work. */
export interface AnnotateStreams {
  stdin: Readable;
  stdout: Writable;
  stderr: Writable;
}

/** What a finished session did. */
export interface AnnotateResult {
  /** Events this session appended to the log. */
  appended: number;
  /** The signal that ended the session (SIGTERM, SIGHUP, SIGINT), if one did; the log was closed all the same. */
  signal?: NodeJS.Signals;
}

/** Signals that end a session as quitting does: the log closed and its lock released. */
const ENDING_SIGNALS: readonly NodeJS.Signals[] = ['SIGTERM', 'SIGHUP', 'SIGINT'];

// Bracketed paste: the terminal marks pasted text, so a paste into the note prompt stays text (line breaks and all)
// instead of acting as Enter. Shown cursor and paste mode off are what the terminal had before.
const PASTE_ON = '\u001b[?2004h';
const RESTORE_TERMINAL = '\u001b[?2004l\u001b[?25h';
/** Back from Ctrl-Z: paste mode on, the cursor hidden, the screen cleared and the cursor home for a whole frame. */
const RESUME_TERMINAL = `${PASTE_ON}\u001b[?25l\u001b[2J\u001b[H`;
/** A stop lasts until someone continues the job (`fg`); a stop the kernel discards returns at once. */
const STOPPED_MS = 50;

/** How the UI asks Ink to draw (the bench renders with the same). */
export const INK_OPTIONS = {
  // Ctrl-C is a key like Esc: the App quits cleanly so the log is closed and the lock released.
  exitOnCtrlC: false,
  patchConsole: false,
  // No frame-rate cap: a frame is drawn when React commits (its updates in one tick come as one commit). At 60 fps a
  // key that came within 16.7 ms of a frame the learning worker caused (a prediction, a retrained model) waited out
  // the throttle's window: in the 100k bench while retraining, one key in twenty took 17 ms more than it needed.
  maxFps: 0,
  // Not Ink's incrementalRendering (rewrite only the rows that changed): in the real-terminal test at 120x40 it left
  // rows of the frame before on screen (duplicated header and pane rows); every frame is written whole.
} as const;

/**
 * Run the annotation UI until the user quits or a signal ends it. The log stays open (and locked) while it runs and
 * is closed after, also when rendering fails or on SIGTERM/SIGHUP/SIGINT; the terminal's cursor and paste mode are
 * put back on every way out, and at start (a run killed with -9 before may have left them changed).
 */
export async function runAnnotate(session: AnnotateSession, streams: AnnotateStreams): Promise<AnnotateResult> {
  const before = session.log.events.length;
  const { stdout } = streams;
  const restore = () => {
    try {
      stdout.write(RESTORE_TERMINAL);
    } catch {
      // The terminal is gone (hang-up); there is nothing to restore.
    }
  };
  restore();
  stdout.write(PASTE_ON);
  const stdin = streams.stdin as NodeJS.ReadStream;
  // Ctrl-Z, which raw mode turns into a key: put the terminal back as the shell expects it and stop the job (the
  // process group, as the terminal's own Ctrl-Z would: under `pnpm start` the shell waits on pnpm, not on stance).
  // Every label is on disk already, and the log stays locked while stopped. The stop takes effect before kill
  // returns; when the job is continued, raw mode and paste mode come back and the frame is drawn whole on a cleared
  // screen (the shell wrote over it; Ink would draw only a frame that differs from the last, and on the help screen
  // none does). A process group with no shell to return to (orphaned) has the stop discarded: nothing happens.
  const suspend = (): boolean => {
    if (process.platform === 'win32' || stdin.isTTY !== true) return false;
    restore();
    stdin.setRawMode(false);
    const before = performance.now();
    try {
      process.kill(0, 'SIGTSTP');
    } catch {
      // Not stopped: the screen comes back as it was, with the message that says so.
    } finally {
      stdin.setRawMode(true);
      stdout.write(RESUME_TERMINAL);
      instance.redraw();
    }
    return performance.now() - before > STOPPED_MS;
  };
  const instance = render(<App session={session} onSuspend={suspend} />, {
    stdin,
    stdout: stdout as NodeJS.WriteStream,
    stderr: streams.stderr as NodeJS.WriteStream,
    ...INK_OPTIONS,
  });
  let signal: NodeJS.Signals | undefined;
  const onSignal = (name: NodeJS.Signals) => {
    signal ??= name;
    // Every label is on disk already; release the lock first, before anything that could fail on a dead terminal.
    session.log.close();
    // After a hang-up, writing to the terminal fails (EIO); that is no reason to crash on the way out.
    stdout.on('error', () => {});
    try {
      instance.unmount();
    } catch {
      // Unmounting draws a last frame; on a dead terminal that may throw. The lock is released already.
    }
  };
  for (const name of ENDING_SIGNALS) process.on(name, onSignal);
  process.on('exit', restore);
  try {
    await instance.waitUntilExit();
  } finally {
    for (const name of ENDING_SIGNALS) process.off(name, onSignal);
    instance.cleanup();
    session.log.close();
    restore();
    process.off('exit', restore);
  }
  return { appended: session.log.events.length - before, ...(signal === undefined ? {} : { signal }) };
}
