import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import type { AnnotationEvent } from '@stance/schema';
import { STANCE_SHELL } from './run-stance.ts';

// The annotation UI in a real terminal: tmux, driven with send-keys and read with capture-pane. Each Terminal is a
// private tmux server (-L), so tests stay away from the user's sessions and one test's server being killed can not
// refuse the next one's.

/** Whether tmux is installed (the real-terminal tests are skipped without it). */
export const hasTmux = spawnSync('tmux', ['-V']).status === 0;

/** The two sizes every screen is checked at. */
export const SIZES = [
  [80, 24],
  [120, 40],
] as const;

let servers = 0;

/** Options of Terminal.start. */
export interface StartOptions {
  corpus: string;
  /** `stance annotate` flags after `--corpus`. @default '--annotator t' */
  flags?: string;
  /** XDG_CONFIG_HOME for the remembered annotator name. */
  config: string;
  /** Extra `NAME=value` environment words. */
  env?: string;
  /** Open a new window of the session instead of a new session. */
  window?: boolean;
}

/** One private tmux server; `start` runs `stance annotate` in it, printing EXIT=<code> when it ends. */
export class Terminal {
  readonly socket = `stance-test-${process.pid}-${++servers}`;

  tmux(...args: string[]): string {
    // -f /dev/null: the server ignores the user's ~/.tmux.conf (a status bar or key bindings would change the screen).
    return execFileSync('tmux', ['-f', '/dev/null', '-L', this.socket, ...args], { encoding: 'utf8' });
  }

  /**
   * `tmux new-session -d`, tried again when the new server dies before it answers ("server exited unexpectedly"): seen
   * once in a full run on a loaded 2-core machine, and the tests are about stance, not about starting tmux.
   */
  private newSession(args: string[]): void {
    for (let attempt = 1; ; attempt++) {
      try {
        this.tmux('new-session', '-d', ...args);
        return;
      } catch (error) {
        if (attempt === 3 || !/server exited unexpectedly|lost server/.test(String(error))) throw error;
        this.kill();
      }
    }
  }

  /** Start `stance annotate` (with `env -u CI`: Ink draws only the last frame under CI) in a session of this size. */
  start(session: string, size: readonly [number, number], options: StartOptions): void {
    const command = `${annotateCommand(options)}; sleep 600`;
    if (options.window) this.tmux('new-window', '-t', session, command);
    else this.newSession(['-s', session, '-x', String(size[0]), '-y', String(size[1]), command]);
  }

  /**
   * Start `stance annotate` from an interactive shell with job control (bash), as a user types it: Ctrl-Z then stops
   * the job and `fg` continues it. (A command tmux runs itself has no shell to return to.)
   */
  async startInShell(session: string, size: readonly [number, number], options: StartOptions): Promise<void> {
    this.newSession(['-s', session, '-x', String(size[0]), '-y', String(size[1]), 'bash --norc --noprofile -i']);
    this.tmux('send-keys', '-t', session, `PS1='$ '`, 'Enter');
    await this.waitFor(session, /^\$ ?$/m);
    this.tmux('send-keys', '-t', session, annotateCommand(options), 'Enter');
  }

  /** The pane's text; -J joins lines the terminal wrapped, so a long message reads as the one line it was. */
  screen(target: string): string {
    return this.tmux('capture-pane', '-p', '-J', '-t', target);
  }

  /** The pane with its colours and attributes as escape sequences. */
  screenWithEscapes(target: string): string {
    return this.tmux('capture-pane', '-p', '-e', '-t', target);
  }

  /** Whether the pane's cursor is shown. */
  cursorVisible(target: string): boolean {
    return this.tmux('display-message', '-p', '-t', target, '#{cursor_flag}').trim() === '1';
  }

  /**
   * Poll the pane until `expected` shows in a frame drawn whole (or fail with the screen as it was). A look can catch
   * a frame that tmux has only partly drawn (the header new, the rows below not yet), so a look that shows `expected`
   * counts once the next look, 50 ms on, is the same. A screen that keeps changing with `expected` on it is taken
   * after 2 s; one where `expected` showed and went again (a passing state) is taken as it was when it showed.
   */
  async waitFor(target: string, expected: string | RegExp, timeoutMs = 120_000): Promise<string> {
    const deadline = Date.now() + timeoutMs;
    const shows = (screen: string) =>
      typeof expected === 'string' ? screen.includes(expected) : expected.test(screen);
    let last = '';
    let shownSince = 0;
    while (Date.now() < deadline) {
      const now = this.screen(target);
      if (shows(now)) {
        if (shownSince > 0 && (now === last || Date.now() - shownSince > 2000)) return now;
        if (shownSince === 0) shownSince = Date.now();
      } else if (shownSince > 0) return last;
      last = now;
      await sleep(50);
    }
    throw new Error(`timed out waiting for ${String(expected)}; screen was:\n${last}`);
  }

  /** Send keys (tmux key names or text) and wait until the screen shows `expected`. */
  async press(target: string, keys: string | string[], expected: string | RegExp): Promise<string> {
    this.tmux('send-keys', '-t', target, ...(Array.isArray(keys) ? keys : [keys]));
    return this.waitFor(target, expected);
  }

  /** Write raw bytes to the pane's terminal in one write (e.g. letters and an arrow key's escape sequence together). */
  sendBytes(target: string, bytes: string): void {
    const hex = [...Buffer.from(bytes, 'utf8')].map((b) => b.toString(16).padStart(2, '0'));
    this.tmux('send-keys', '-t', target, '-H', ...hex);
  }

  /** Paste text as a terminal does, in bracketed-paste markers when the program asked for them. */
  paste(target: string, text: string): void {
    this.tmux('set-buffer', '-b', 'test-paste', text);
    this.tmux('paste-buffer', '-p', '-d', '-b', 'test-paste', '-t', target);
  }

  /** The process holding the annotator's lock: the UI itself. */
  uiPid(logPath: string): number {
    return (JSON.parse(readFileSync(`${logPath}.lock`, 'utf8')) as { pid: number }).pid;
  }

  kill(): void {
    spawnSync('tmux', ['-L', this.socket, 'kill-server']);
  }
}

/** The shell command that runs `stance annotate` and prints EXIT=<code> when it ends. */
function annotateCommand(options: StartOptions): string {
  return [
    `env -u CI XDG_CONFIG_HOME=${options.config} ${options.env ?? ''}`,
    STANCE_SHELL,
    `annotate --corpus ${options.corpus} ${options.flags ?? '--annotator t'}`,
    '; echo EXIT=$?',
  ].join(' ');
}

/** The events of an annotator log, in file order ([] when there is no log). */
export function logEvents(path: string): AnnotationEvent[] {
  let text = '';
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return [];
  }
  return text
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => JSON.parse(l) as AnnotationEvent);
}

/** Whether every line of a captured screen fits `columns` terminal columns (no line was wrapped by the terminal). */
export function fits(screen: string, columns: number): boolean {
  return screen.split('\n').every((line) => [...line].length <= columns);
}
