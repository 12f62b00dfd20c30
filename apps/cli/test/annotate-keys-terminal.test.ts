import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadCorpus } from '@stance/corpus';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { numberedCorpusDir } from './annotate-fixture.ts';
import { hasTmux, logEvents, SIZES, Terminal } from './helpers/tmux.ts';

// Issue 11: keys that arrive in one read (fast typing, a paste, a slow SSH link) and the signals that end a session.
// Every test runs in a real terminal (tmux) at 80x24 and 120x40.

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

/** A fresh corpus of one 40-sentence document (plus the small one's second document). */
function corpus(): { dir: string; log: string } {
  const dir = numberedCorpusDir(40);
  corpora.push(dir);
  return { dir, log: join(dir, 'annotations', 't.jsonl') };
}

const labels = (log: string) => logEvents(log).filter((e) => e.type === 'label');

describe.skipIf(!hasTmux)('stance annotate: keys that arrive together (tmux)', () => {
  for (const size of SIZES) {
    const at = `${size[0]}x${size[1]}`;

    it(`issue 11: 30 f presses in one write record 30 labels, in order (${at})`, { timeout: 120_000 }, async () => {
      const { dir, log } = corpus();
      term.start('A', size, { corpus: dir, config });
      await term.waitFor('A', 'sentence 1/40');
      term.tmux('send-keys', '-t', 'A', 'f'.repeat(30));
      await term.waitFor('A', 'sentence 31/40');
      const given = labels(log);
      expect(given).toHaveLength(30);
      expect(given.every((e) => e.label === 'fact')).toBe(true);
      // In reading order: the n-th label is the n-th sentence.
      expect(new Set(given.map((e) => e.sentence)).size).toBe(30);
      await term.press('A', 'Escape', 'EXIT=0');
    });

    it(`issue 11: "ssffqo" in one write records six labels (${at})`, { timeout: 120_000 }, async () => {
      const { dir, log } = corpus();
      term.start('A', size, { corpus: dir, config });
      await term.waitFor('A', 'sentence 1/40');
      term.sendBytes('A', 'ssffqo');
      await term.waitFor('A', 'sentence 7/40');
      expect(labels(log).map((e) => e.label)).toEqual(['skip', 'skip', 'fact', 'fact', 'quote', 'opinion']);
      await term.press('A', 'Escape', 'EXIT=0');
    });

    it(`acts on arrow keys read together with letters, in order (${at})`, { timeout: 120_000 }, async () => {
      const { dir, log } = corpus();
      term.start('A', size, { corpus: dir, config });
      await term.waitFor('A', 'sentence 1/40');
      // f q label 1 and 2; → skips 3; o s label 4 and 5; ← ← ← back to 3; 1 labels it; ↓ ↓ (as SS3) skip 4 and 5;
      // f labels 6.
      term.sendBytes('A', 'fq\u001b[Cos\u001b[D\u001b[D\u001b[D1\u001bOB\u001bOBf');
      await term.waitFor('A', 'sentence 7/40');
      const place = new Map(loadCorpus(dir).sentences.map((s) => [s.id, s.index + 1]));
      expect(labels(log).map((e) => [place.get(e.sentence), e.label])).toEqual([
        [1, 'fact'],
        [2, 'quote'],
        [4, 'opinion'],
        [5, 'skip'],
        [3, 'fact'],
        [6, 'fact'],
      ]);
      await term.press('A', 'Escape', 'EXIT=0');
    });

    it(`keeps a paste into the note prompt as text (${at})`, { timeout: 120_000 }, async () => {
      const { dir, log } = corpus();
      term.start('A', size, { corpus: dir, config });
      await term.waitFor('A', 'sentence 1/40');
      // Letters typed together with n: the ones after it are the note's text, not labels.
      term.sendBytes('A', 'fnsee');
      await term.waitFor('A', 'note: see');
      term.paste('A', ' fqos\nand 1234\tu');
      await term.waitFor('A', 'note: see fqos and 1234 u');
      await term.press('A', 'Enter', 'note saved');
      const events = logEvents(log);
      expect(events.map((e) => e.type)).toEqual(['label', 'note']);
      expect(events[1]?.note).toBe('see fqos and 1234 u');
      await term.press('A', 'Escape', 'EXIT=0');
    });
  }
});

describe.skipIf(!hasTmux)('stance annotate: signals end a session as quitting does (tmux)', () => {
  for (const [signal, code] of [
    ['SIGTERM', 143],
    ['SIGHUP', 129],
  ] as const)
    for (const size of SIZES) {
      const at = `${size[0]}x${size[1]}`;
      it(`issue 11: ${signal} releases the lock and keeps every label (${at})`, { timeout: 120_000 }, async () => {
        const { dir, log } = corpus();
        term.start('A', size, { corpus: dir, config });
        await term.waitFor('A', 'sentence 1/40');
        await term.press('A', 'fqo', 'sentence 4/40');
        const pid = term.uiPid(log);
        process.kill(pid, signal);
        await term.waitFor('A', `EXIT=${code}`);
        expect(existsSync(`${log}.lock`)).toBe(false);
        expect(labels(log).map((e) => e.label)).toEqual(['fact', 'quote', 'opinion']);
        expect(term.cursorVisible('A')).toBe(true);
        // The next start takes the log without a word about a stale lock.
        term.tmux('kill-session', '-t', 'A');
        term.start('B', size, { corpus: dir, config });
        const again = await term.waitFor('B', 'sentence 4/40');
        expect(again).not.toContain('stale lock');
        await term.press('B', 'Escape', 'EXIT=0');
      });
    }
});

describe.skipIf(!hasTmux)('stance annotate: Ctrl-Z suspends to the shell, fg comes back (tmux)', () => {
  for (const size of SIZES) {
    const at = `${size[0]}x${size[1]}`;
    it(`stops the job with the terminal given back, and fg redraws the same place; the time away is a pause (${at})`, {
      timeout: 120_000,
    }, async () => {
      const { dir, log } = corpus();
      await term.startInShell('A', size, { corpus: dir, config });
      await term.waitFor('A', 'sentence 1/40');
      await term.press('A', 'fq', 'sentence 3/40');
      const stopped = await term.press('A', 'C-z', /Stopped/);
      expect(stopped).not.toContain('sentence 3/40');
      // The shell has the terminal as it expects it: the cursor shown, lines echoed and run. The log stays locked.
      expect(term.cursorVisible('A')).toBe(true);
      expect(existsSync(`${log}.lock`)).toBe(true);
      await term.press('A', ['echo away-$((6*7))', 'Enter'], 'away-42');
      await new Promise((resolve) => setTimeout(resolve, 1200));
      const back = await term.press('A', ['fg', 'Enter'], 'resumed after Ctrl-Z');
      expect(back).toContain('sentence 3/40');
      // Drawn whole on a cleared screen: nothing of the shell's lines is left.
      expect(back).not.toContain('away-42');
      expect(term.cursorVisible('A')).toBe(false);
      await term.press('A', 'o', 'sentence 4/40');
      const given = labels(log);
      expect(given.map((e) => e.label)).toEqual(['fact', 'quote', 'opinion']);
      expect(given[2]!.idleMs).toBeGreaterThanOrEqual(1200);
      // From the help screen too, where the frame after fg is the same as before Ctrl-Z: it is drawn all the same.
      await term.press('A', '?', 'lines 1-');
      await term.press('A', 'C-z', /Stopped/);
      await term.press('A', ['echo away-$((6*7+1))', 'Enter'], 'away-43');
      const help = await term.press('A', ['fg', 'Enter'], 'lines 1-');
      expect(help).not.toContain('away-43');
      expect(help).toContain('Ctrl-Z   suspend to the shell');
      await term.press('A', 'Escape', 'sentence 4/40');
      // (A list the shell stopped part of is not finished after fg: no EXIT= line, the quitting message is the sign.)
      await term.press('A', 'Escape', '3 events saved');
      expect(existsSync(`${log}.lock`)).toBe(false);
    });

    it(`says so where there is no shell to suspend to, and goes on (${at})`, { timeout: 120_000 }, async () => {
      const { dir, log } = corpus();
      term.start('A', size, { corpus: dir, config });
      await term.waitFor('A', 'sentence 1/40');
      await term.press('A', 'C-z', 'no job control here');
      await term.press('A', 'f', 'sentence 2/40');
      expect(labels(log).map((e) => e.label)).toEqual(['fact']);
      await term.press('A', 'Escape', 'EXIT=0');
    });
  }
});
