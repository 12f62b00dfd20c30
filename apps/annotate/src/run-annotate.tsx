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
}

/**
 * Run the annotation UI until the user quits. The log stays open (and locked) while it runs and is closed after, also
 * when rendering fails.
 */
export async function runAnnotate(session: AnnotateSession, streams: AnnotateStreams): Promise<AnnotateResult> {
  const before = session.log.events.length;
  const instance = render(<App session={session} />, {
    stdin: streams.stdin as NodeJS.ReadStream,
    stdout: streams.stdout as NodeJS.WriteStream,
    stderr: streams.stderr as NodeJS.WriteStream,
    // Ctrl-C is a key like Esc: the App quits cleanly so the log is closed and the lock released.
    exitOnCtrlC: false,
    patchConsole: false,
    // Ink draws at most maxFps frames a second (leading edge first); 60 keeps a held-down key smooth.
    maxFps: 60,
  });
  try {
    await instance.waitUntilExit();
  } finally {
    instance.cleanup();
    session.log.close();
  }
  return { appended: session.log.events.length - before };
}
