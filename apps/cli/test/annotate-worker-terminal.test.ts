import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defaultLabeller } from '@stance/classify';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { smallCorpusDir } from './annotate-fixture.ts';
import { fits, hasTmux, logEvents, SIZES, Terminal } from './helpers/tmux.ts';

// Issue 13's memory figure: the default labeller is loaded by the learning worker only (not by the UI thread too), so
// every suggestion comes from the worker. In a real terminal (tmux) at 80x24 and 120x40: keys typed at once, before
// the worker may have answered, act and land on disk; the suggestion shows once it has; what is logged is what was
// shown (no suggestion while it was pending, the default labeller's once it showed).

const config = mkdtempSync(join(tmpdir(), 'stance-annotate-config-'));
const corpora: string[] = [];
let term: Terminal;
beforeEach(() => {
  term = new Terminal();
});
afterEach(() => {
  if (hasTmux) term.kill();
});
afterAll(() => {
  for (const dir of corpora) rmSync(dir, { recursive: true, force: true });
  rmSync(config, { recursive: true, force: true });
});

const SUGGESTED = /suggestion (fact|quote|opinion|skip) (\d+)% \(default\)/;

for (const size of SIZES) {
  describe.skipIf(!hasTmux)(`stance annotate at ${size[0]}x${size[1]} (tmux)`, () => {
    it('suggestions come from the worker: keys typed at once land on disk, the suggestion shows when it answers', {
      timeout: 180_000,
    }, async () => {
      const dir = smallCorpusDir();
      corpora.push(dir);
      const log = join(dir, 'annotations', 't.jsonl');
      term.start('A', size, { corpus: dir, config });
      const first = await term.waitFor('A', 'sentence 1/4');
      // The first frame has the suggestion or says it is coming; it never shows the rules' label in its place.
      expect(first).toMatch(/suggestion … \(default\)|suggestion (fact|quote|opinion|skip) \d+% \(default\)/);
      expect(first).not.toContain('(rules)');
      // Three labels at once, without waiting for anything: each acts, in order, and is on disk.
      term.sendBytes('A', 'fqo');
      const moved = await term.waitFor('A', 'sentence 4/4');
      expect(fits(moved, size[0])).toBe(true);
      const early = logEvents(log);
      expect(early.map((e) => e.label)).toEqual(['fact', 'quote', 'opinion']);
      // Logged as seen: no suggestion where it was pending, else the default labeller's, shown.
      for (const event of early)
        if (event.suggestion !== null) expect(event.suggestion).toMatchObject({ model: 'default', shown: true });
      // The worker answers: the fourth sentence's suggestion is the default labeller's, and Enter logs it.
      const screen = await term.waitFor('A', SUGGESTED);
      const [, label, percent] = SUGGESTED.exec(screen)!;
      if (process.platform === 'linux') {
        // The worker runs at the lowest priority (nice 19) and the UI thread at the terminal's (nice 0), so a
        // keystroke's frame never waits for a core behind a ranking or a retraining. The worker has answered by now.
        const pid = term.uiPid(log);
        const nice = (task: string) =>
          Number(readFileSync(`/proc/${pid}/task/${task}/stat`, 'utf8').split(') ')[1]!.split(' ')[16]);
        const tasks = readdirSync(`/proc/${pid}/task`);
        expect(nice(String(pid))).toBe(0);
        expect(tasks.filter((t) => nice(t) === 19)).toHaveLength(1);
      }
      const texts = [
        'The council voted 7-2 on Tuesday to close the depot.',
        '“We had no choice,” the mayor said.',
        'This was a shameful decision.',
        'Critics argue the plan is reckless.',
      ];
      const expected = defaultLabeller().predict(texts)[3]!;
      expect(label).toBe(expected.label);
      expect(Number(percent)).toBe(Math.round(expected.confidence * 100));
      await term.press('A', 'Enter', 'sentence 1/3');
      const events = logEvents(log);
      expect(events).toHaveLength(4);
      expect(events[3]).toMatchObject({ label, suggestion: { label, model: 'default', shown: true } });
      term.tmux('send-keys', '-t', 'A', 'Escape');
      await term.waitFor('A', 'EXIT=0');
    });
  });
}
