import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { AnnotationEvent } from '@stance/schema';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { smallCorpusDir } from './annotate-fixture.ts';
import { STANCE_SHELL } from './helpers/run-stance.ts';

// The UI in a real terminal: tmux at 80x24, driven with send-keys and read with capture-pane. A private tmux server
// (-L) keeps the test away from the user's sessions.
const hasTmux = spawnSync('tmux', ['-V']).status === 0;
if (!hasTmux) console.warn('annotate-terminal.test.ts: tmux is not installed; the real-terminal test is skipped');

// One tmux server per test: a server being killed after one test can not refuse the next test's session.
let tests = 0;
let SOCKET = '';
const corpus = smallCorpusDir();
const config = mkdtempSync(join(tmpdir(), 'stance-annotate-config-'));
const logPath = join(corpus, 'annotations', 't.jsonl');

function tmux(...args: string[]): string {
  // -f /dev/null: the server ignores the user's ~/.tmux.conf (a status bar or key bindings would change the screen).
  return execFileSync('tmux', ['-f', '/dev/null', '-L', SOCKET, ...args], { encoding: 'utf8' });
}

/** Start `stance annotate` in a new tmux session (or window of one), printing EXIT=<code> when it ends. */
function start(session: string, window = false, flags = '--annotator t'): void {
  const command = [
    `env -u CI XDG_CONFIG_HOME=${config}`,
    STANCE_SHELL,
    `annotate --corpus ${corpus} ${flags}`,
    '; echo EXIT=$?; sleep 600',
  ].join(' ');
  if (window) tmux('new-window', '-t', session, command);
  else newSession(['-s', session, '-x', '80', '-y', '24', command]);
}

/**
 * `tmux new-session -d`, tried again when the new server dies before it answers ("server exited unexpectedly"): seen
 * once in a full run on a loaded 2-core machine, and the test is about stance, not about starting tmux.
 */
function newSession(args: string[]): void {
  for (let attempt = 1; ; attempt++) {
    try {
      tmux('new-session', '-d', ...args);
      return;
    } catch (error) {
      if (attempt === 3 || !/server exited unexpectedly|lost server/.test(String(error))) throw error;
      spawnSync('tmux', ['-L', SOCKET, 'kill-server']);
    }
  }
}

function screen(target: string): string {
  // -J joins lines the terminal wrapped, so a long message reads as the one line it was written as.
  return tmux('capture-pane', '-p', '-J', '-t', target);
}

/**
 * Poll the pane until `expected` shows (or fail with the screen as it was), for up to `timeoutMs`: generous, as a
 * loaded 2-core machine can take tens of seconds to start the UI.
 */
async function waitFor(target: string, expected: string | RegExp, timeoutMs = 120_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  let last = '';
  while (Date.now() < deadline) {
    last = screen(target);
    if (typeof expected === 'string' ? last.includes(expected) : expected.test(last)) return last;
    await sleep(50);
  }
  throw new Error(`timed out waiting for ${String(expected)}; screen was:\n${last}`);
}

/** Send one key and wait until the screen acknowledges it. */
async function press(target: string, key: string, expected: string | RegExp): Promise<string> {
  tmux('send-keys', '-t', target, key);
  return waitFor(target, expected);
}

function events(): AnnotationEvent[] {
  return readFileSync(logPath, 'utf8')
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => JSON.parse(l) as AnnotationEvent);
}

beforeEach(() => {
  SOCKET = `stance-test-${process.pid}-${++tests}`;
});

// A failed test must not leave a UI running (holding the lock) for the next one.
afterEach(() => {
  if (hasTmux) spawnSync('tmux', ['-L', SOCKET, 'kill-server']);
});

afterAll(() => {
  rmSync(corpus, { recursive: true, force: true });
  rmSync(config, { recursive: true, force: true });
});

describe.skipIf(!hasTmux)('stance annotate in a real terminal (tmux 80x24; skipped without tmux)', () => {
  it('labels five sentences, undoes one, quits, and starts again where it stopped', async () => {
    start('A');
    const first = await waitFor('A', 'doc 1/2 · sentence 1/4 · The council vote');
    expect(first).toContain('suggestion ');
    expect(first).toContain('corpus   [');
    await press('A', 'f', 'this session: 1 label ·');
    await press('A', 'q', 'this session: 2 labels');
    await press('A', 'o', 'this session: 3 labels');
    await press('A', 's', 'this session: 4 labels');
    const fifth = await press('A', '1', 'this session: 5 labels');
    expect(fifth).toContain('doc 2/2 · sentence 2/3 · Rates and you');
    const undone = await press('A', 'u', 'undone');
    expect(undone).toContain('this session: 4 labels');
    expect(undone).toContain('doc 2/2 · sentence 1/3');
    // The screen fits 80x24: no line of it was wrapped by the terminal.
    expect(undone.split('\n').every((line) => [...line].length <= 80)).toBe(true);

    // It adapts to resizes: narrower bars at 60x20, a message when too small, the full screen again at 80x24.
    tmux('resize-window', '-t', 'A', '-x', '60', '-y', '20');
    const narrow = await waitFor('A', /corpus {3}\[[█░]{20,40}\] 4\/7/);
    expect(narrow.split('\n').every((line) => [...line].length <= 60)).toBe(true);
    expect(narrow).toContain('f q o s label');
    tmux('resize-window', '-t', 'A', '-x', '30', '-y', '10');
    await waitFor('A', 'terminal too small (30x10)');
    tmux('resize-window', '-t', 'A', '-x', '80', '-y', '24');
    await waitFor('A', 'doc 2/2 · sentence 1/3 · Rates and you');

    // A second window on the same annotator is refused by the log's lock: one line, exit 2.
    start('A', true);
    const refused = await waitFor('A:1', 'EXIT=2');
    expect(refused).toMatch(/stance: .*t\.jsonl\.lock: annotator t is already open in process \d+/);
    tmux('kill-window', '-t', 'A:1');

    await press('A', 'Escape', 'EXIT=0');
    expect(screen('A')).toContain(`stance: 6 events saved to ${logPath}`);
    expect(events().map((e) => [e.type, e.label])).toEqual([
      ['label', 'fact'],
      ['label', 'quote'],
      ['label', 'opinion'],
      ['label', 'skip'],
      ['label', 'fact'],
      ['retract', undefined],
    ]);
    tmux('kill-session', '-t', 'A');

    start('B');
    const again = await waitFor('B', 'doc 2/2 · sentence 1/3 · Rates and you');
    expect(again).toContain('4/7 57%');
    expect(again).toContain('this session: 0 labels');
    await press('B', 'Escape', 'EXIT=0');
    tmux('kill-session', '-t', 'B');
  });

  it('keeps a label acknowledged on screen when the process is killed with -9', async () => {
    start('C');
    await waitFor('C', 'doc 2/2 · sentence 1/3');
    const before = events().length;
    // The process holding the lock is the UI itself.
    const { pid } = JSON.parse(readFileSync(`${logPath}.lock`, 'utf8')) as { pid: number };
    await press('C', 'o', 'this session: 1 label ·');
    process.kill(pid, 'SIGKILL');
    const after = events();
    expect(after).toHaveLength(before + 1);
    expect(after.at(-1)).toMatchObject({ type: 'label', label: 'opinion', annotator: 't', guideline: '1.0' });
    expect(after.at(-1)?.sentence).toMatch(/^rates:/);
    expect(after.at(-1)?.suggestion).toMatchObject({ model: 'rules', shown: true });
    tmux('kill-session', '-t', 'C');

    // The dead process's lock is taken over on the next start, which resumes after the killed label.
    start('D');
    await waitFor('D', 'doc 2/2 · sentence 2/3');
    await press('D', 'Escape', 'EXIT=0');
    expect(existsSync(`${logPath}.lock`)).toBe(false);
  });

  it('asks for the annotator name once, remembers it, and then takes the keyboard', async () => {
    start('E', false, '');
    await waitFor('E', 'Your annotator name');
    tmux('send-keys', '-t', 'E', '../x', 'Enter');
    await waitFor('E', '"../x" will not do as a name');
    tmux('send-keys', '-t', 'E', 'ana', 'Enter');
    await waitFor('E', 'annotator ana · order document');
    await press('E', 'f', 'this session: 1 label ·');
    await press('E', 'Escape', 'EXIT=0');
    expect(readFileSync(join(config, 'stance', 'annotator'), 'utf8')).toBe('ana\n');
    tmux('kill-session', '-t', 'E');
    start('F', false, '--blind');
    await waitFor('F', 'annotator ana · order document');
    expect(screen('F')).toContain('suggestion hidden');
  });
});
