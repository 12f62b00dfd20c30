import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { smallCorpusDir } from './annotate-fixture.ts';
import { fits, hasTmux, logEvents, Terminal } from './helpers/tmux.ts';

if (!hasTmux) console.warn('annotate-terminal.test.ts: tmux is not installed; the real-terminal test is skipped');

const corpus = smallCorpusDir();
const config = mkdtempSync(join(tmpdir(), 'stance-annotate-config-'));
const logPath = join(corpus, 'annotations', 't.jsonl');
const SIZE = [80, 24] as const;

// One tmux server per test: a server being killed after one test can not refuse the next test's session.
let term: Terminal;
beforeEach(() => {
  term = new Terminal();
});
// A failed test must not leave a UI running (holding the lock) for the next one.
afterEach(() => {
  if (hasTmux) term.kill();
});

afterAll(() => {
  rmSync(corpus, { recursive: true, force: true });
  rmSync(config, { recursive: true, force: true });
});

const tmux = (...args: string[]) => term.tmux(...args);
const start = (session: string, window = false, flags = '--annotator t') =>
  term.start(session, SIZE, { corpus, config, flags, window });
const screen = (target: string) => term.screen(target);
const waitFor = (target: string, expected: string | RegExp) => term.waitFor(target, expected);
const press = (target: string, key: string, expected: string | RegExp) => term.press(target, key, expected);
const events = () => logEvents(logPath);

describe.skipIf(!hasTmux)('stance annotate in a real terminal (tmux 80x24; skipped without tmux)', () => {
  it('labels five sentences, undoes one, quits, and starts again where it stopped', async () => {
    start('A');
    await waitFor('A', 'doc 1/2 · sentence 1/4 · The council vote');
    // The corpus has no trained model: suggestions start from the shipped default labeller, named in the header and
    // on the suggestion line (once the learning worker, which holds it, has answered), explained by the rules' cues.
    const first = await waitFor('A', /suggestion (fact|quote|opinion|skip) +\d+% \(default\) ⏎ accepts/);
    expect(first).toContain('doc 1/2 · sentence 1/4 · The council vote');
    expect(first).toContain('annotator t · order document · suggestions: default');
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
    expect(fits(undone, 80)).toBe(true);

    // It adapts to resizes: narrower bars at 60x20, a message when too small, the full screen again at 80x24.
    tmux('resize-window', '-t', 'A', '-x', '60', '-y', '20');
    const narrow = await waitFor('A', /corpus {3}\[[█░]{20,40}\] 4\/7/);
    expect(fits(narrow, 60)).toBe(true);
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

    // The session started by segmenting the corpus (no cache yet) and cached its sentences when it ended.
    expect(existsSync(join(corpus, '.cache', 'sentences.json'))).toBe(false);
    await press('A', 'Escape', 'EXIT=0');
    expect(screen('A')).toContain(`stance: 6 events saved to ${logPath}`);
    expect(existsSync(join(corpus, '.cache', 'sentences.json'))).toBe(true);
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
    // The label below is logged with the suggestion it was given under: wait for the worker's to show.
    await waitFor('C', /suggestion (fact|quote|opinion|skip) +\d+% \(default\)/);
    const before = events().length;
    // The process holding the lock is the UI itself .
    const pid = term.uiPid(logPath);
    await press('C', 'o', 'this session: 1 label ·');
    process.kill(pid, 'SIGKILL');
    const after = events();
    expect(after).toHaveLength(before + 1);
    expect(after.at(-1)).toMatchObject({ type: 'label', label: 'opinion', annotator: 't', guideline: '1.0' });
    expect(after.at(-1)?.sentence).toMatch(/^rates:/);
    expect(after.at(-1)?.suggestion).toMatchObject({ model: 'default', shown: true });
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
