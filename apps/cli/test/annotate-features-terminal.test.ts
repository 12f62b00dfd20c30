import { existsSync, mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defaultLabeller, modelToJson, train } from '@stance/classify';
import { loadCorpus } from '@stance/corpus';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { corpusWith, numberedCorpusDir, smallCorpusDir } from './annotate-fixture.ts';
import { fits, hasTmux, logEvents, SIZES, Terminal } from './helpers/tmux.ts';

// Issue 13 in a real terminal (tmux), each feature at 80x24 and 120x40: the document in view, why the suggestion,
// navigation, the idle clock, learning while labelling, the small things, and assignments.

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

function keep(dir: string): { dir: string; log: string } {
  corpora.push(dir);
  return { dir, log: join(dir, 'annotations', 't.jsonl') };
}

// Text made up for these tests.
const LONG = `It began with a plan, ${'and the plan grew clause by clause as the committee met again, '.repeat(20)}and that is how it ended.`;
const LONG_DOC = {
  long: {
    title: 'A long sentence',
    text: `Short one opens the piece.\n\n${LONG} Short three follows it. Short four ends the first part.\n\nShort five starts a new paragraph. Short six closes the piece.`,
  },
};

// Sentences whose labels a model can learn: facts with figures, verdicts, quotes with a speaker.
const TEMPLATES: [string, (n: number) => string][] = [
  ['f', (n) => `The council spent ${n + 3} million on roads in ${2000 + n}.`],
  ['o', (n) => `This plan is a disgrace and the mayor should resign over item ${n}.`],
  ['q', (n) => `“We will fix it by spring,” the mayor said of road ${n}.`],
  ['f', (n) => `Ridership fell ${n + 10}% after fares rose in March.`],
  ['o', (n) => `Surely nobody believes scheme ${n} is worth the money.`],
];
const LEARNABLE = Object.fromEntries(
  Array.from({ length: 10 }, (_, d) => [
    `p${d}`,
    { title: `Piece ${d}`, text: TEMPLATES.map(([, make]) => make(d)).join(' ') },
  ]),
);

/** 101 documents of 100 sentences: more than the 10,000 left to label that --order uncertain ranks before the first frame. */
const LARGE = Object.fromEntries(
  Array.from({ length: 101 }, (_, d) => [
    `big${String(d).padStart(3, '0')}`,
    {
      title: `Big ${d}`,
      text: Array.from({ length: 100 }, (_, k) => TEMPLATES[k % TEMPLATES.length]![1](d * 100 + k)).join(' '),
    },
  ]),
);

/**
 * The sentence a ranked queue puts after the first one: the least confident by the default labeller, each document's
 * sentences predicted together as the worker does (the first document without its first sentence, the current one),
 * ties in document order.
 */
function leastConfidentAfterFirst(dir: string): string {
  const { sentences } = loadCorpus(dir);
  const labeller = defaultLabeller();
  let best = { confidence: Number.POSITIVE_INFINITY, text: '' };
  const docs = [...new Set(sentences.map((s) => s.docId))];
  docs.forEach((doc, d) => {
    const texts = sentences.filter((s) => s.docId === doc).map((s) => s.text);
    const pool = d === 0 ? texts.slice(1) : texts;
    labeller.predict(pool).forEach((p, k) => {
      if (p.confidence < best.confidence) best = { confidence: p.confidence, text: pool[k]! };
    });
  });
  return best.text;
}

for (const size of SIZES) {
  const at = `${size[0]}x${size[1]}`;
  describe.skipIf(!hasTmux)(`stance annotate at ${at} (tmux)`, () => {
    it('shows the document: the current sentence whole (scrolled when longer), its neighbours with their labels, the whole document with v', {
      timeout: 180_000,
    }, async () => {
      const { dir } = keep(corpusWith(LONG_DOC));
      term.start('A', size, { corpus: dir, config });
      await term.waitFor('A', 'sentence 1/6');
      const screen = await term.press('A', 'f', 'sentence 2/6');
      expect(fits(screen, size[0])).toBe(true);
      expect(screen).toContain('▶·  It began with a plan');
      if (size[0] === 80) {
        // Longer than the pane: a window of it (no room for neighbours), and Space to see the rest.
        expect(screen).toMatch(/↓ \d+ more lines · Space scrolls/);
        expect(screen).not.toContain('how it ended');
        // Each Space shows the next window: wait until the pane's first row changes, then look.
        let end = screen;
        for (let i = 0; i < 10 && !end.includes('Space goes back to its start'); i++) {
          const top = end.split('\n')[3];
          term.tmux('send-keys', '-t', 'A', 'Space');
          const deadline = Date.now() + 60_000;
          while (end.split('\n')[3] === top && Date.now() < deadline) {
            await new Promise((r) => setTimeout(r, 50));
            end = term.screen('A');
          }
        }
        expect(end).toContain('and that is how it ended.');
      } else {
        // The whole sentence, the one before with the label just given in the gutter, and the one after.
        expect(screen).toContain('and that is how it ended.');
        expect(screen).toContain(' f  Short one opens the piece.');
        expect(screen).toContain(' ·  Short three follows it.');
      }
      // The whole document, and back.
      const whole = await term.press('A', 'v', 'v back to the sentence');
      // At 80x24 the long sentence alone fills the 18 rows the whole-document view has; at 120x40 the document fits.
      expect(whole).toContain('It began with a plan');
      expect(whole).toContain('and that is how it ended.');
      if (size[0] === 120)
        for (const part of ['(start of document)', 'Short six closes the piece.', '(end of document)'])
          expect(whole).toContain(part);
      await term.press('A', 'v', 'f/1 fact');
      // Regression: at 80x16 the current sentence shrank to `! …` while its neighbours stayed.
      term.tmux('resize-window', '-t', 'A', '-x', '80', '-y', '16');
      const small = await term.waitFor('A', /^▶· {2}It began with a plan/m);
      expect(small).toMatch(/more lines · Space scrolls/);
      expect(small).toMatch(/corpus +\[/);
      expect(small.trimEnd().split('\n').length).toBeLessThanOrEqual(16);
      await term.press('A', 'Escape', 'EXIT=0');
    });

    it('says why the machine suggests what it does, in words, and draws no colour with NO_COLOR', {
      timeout: 180_000,
    }, async () => {
      const { dir } = keep(smallCorpusDir());
      term.start('A', size, { corpus: dir, config, env: 'NO_COLOR=1' });
      await term.waitFor('A', 'sentence 1/4');
      const quote = await term.press('A', 'f', 'sentence 2/4');
      // The default labeller decides; the why line names the rules' cues behind what it saw.
      expect(quote).toMatch(/why \(rule cues\): .*quotation .*→ quote/);
      const sgr = [...term.screenWithEscapes('A').matchAll(/\u001b\[([\d;]*)m/g)].map((m) => m[1]!);
      const colours = sgr.filter((params) => params.split(';').some((p) => /^(3[0-8]|9[0-7]|4[0-8]|10[0-7])$/.test(p)));
      expect(colours).toEqual([]);
      await term.press('A', 'Escape', 'EXIT=0');
      // The same screen in colour has colour codes (the check above can fail).
      term.tmux('kill-session', '-t', 'A');
      term.start('B', size, { corpus: dir, config });
      await term.waitFor('B', 'sentence 2/4');
      expect(term.screenWithEscapes('B')).toMatch(/\u001b\[[\d;]*3[0-7]m/);
      await term.press('B', 'Escape', 'EXIT=0');
    });

    it('moves to the next or previous unlabelled, flagged, noted sentence, and searches', {
      timeout: 180_000,
    }, async () => {
      const { dir } = keep(numberedCorpusDir(40));
      term.start('A', size, { corpus: dir, config });
      await term.waitFor('A', 'sentence 1/40');
      await term.press('A', 'fff', 'sentence 4/40');
      await term.press('A', '!', 'flagged for discussion');
      await term.press('A', 'jj', 'sentence 6/40');
      await term.press('A', 'n', 'note:');
      await term.press('A', ['see', 'Enter'], 'note saved');
      await term.press('A', 'jjj', 'sentence 9/40');
      await term.press('A', '{', 'sentence 4/40');
      await term.press('A', ')', 'sentence 6/40');
      await term.press('A', '[', 'sentence 5/40');
      await term.press('A', ']', 'sentence 6/40');
      await term.press('A', 'Tab', 'sentence 7/40');
      await term.press('A', 'BTab', 'sentence 6/40');
      await term.press('A', '/', 'search:');
      const found = await term.press('A', ['line 33 ', 'Enter'], 'sentence 33/40');
      expect(found).toContain('found “line 33”');
      await term.press('A', ['/', 'Enter'], 'went round to the start');
      await term.press('A', 'Escape', 'EXIT=0');
    });

    it('counts active time: no key for longer than --idle pauses the clock, and the pause is logged apart', {
      timeout: 180_000,
    }, async () => {
      const { dir, log } = keep(numberedCorpusDir(10));
      term.start('A', size, { corpus: dir, config, flags: '--annotator t --idle 1' });
      await term.waitFor('A', 'sentence 1/10');
      const started = Date.now();
      await term.waitFor('A', 'clock paused (no key for 1 s)');
      await new Promise((r) => setTimeout(r, 500));
      await term.press('A', 'f', 'sentence 2/10');
      const elapsed = Date.now() - started;
      const [event] = logEvents(log);
      expect(event?.ms).toBe(1000);
      expect(event?.idleMs).toBeGreaterThan(400);
      expect(event!.ms + event!.idleMs!).toBeLessThanOrEqual(elapsed + 5000);
      await term.press('A', 'Escape', 'EXIT=0');
    });

    it('retrains in the background, shows the model and its score, and picks up a newer model from models/', {
      timeout: 240_000,
    }, async () => {
      const { dir, log } = keep(corpusWith(LEARNABLE));
      term.start('A', size, { corpus: dir, config, flags: '--annotator t --retrain 25' });
      // One baseline: the model named at start is the one the retrained model is scored against below.
      expect(await term.waitFor('A', 'doc 1/10 · sentence 1/5')).toContain('suggestions: default');
      const keys = TEMPLATES.map(([key]) => key).join('');
      for (let d = 0; d < 5; d++) await term.press('A', keys, `doc ${d + 2}/10 · sentence 1/5`);
      const trained = await term.waitFor('A', /suggestions: live-logreg-1/, 120_000);
      expect(trained).toMatch(size[0] === 120 ? /CV F1 \d\.\d\d on 25 labels \(default \d\.\d\d\)/ : /updated/);
      // Once the live model has predicted this document, its suggestion is shown and logged by name.
      await term.waitFor('A', '(live-logreg-1) ⏎ accepts', 60_000);
      await term.press('A', 'Enter', 'sentence 2/5');
      expect(logEvents(log).at(-1)?.suggestion?.model).toBe('live-logreg-1');

      // The team trains a model into the corpus's models folder: the UI takes it within a few seconds.
      const model = train(
        'logreg',
        TEMPLATES.map(([key, make], i) => ({ text: make(i), label: { f: 'fact', o: 'opinion', q: 'quote' }[key]! })),
      );
      const data = JSON.parse(modelToJson(model)) as { name: string };
      data.name = 'team-logreg';
      mkdirSync(join(dir, 'models'), { recursive: true });
      const temp = join(dir, 'models', 'x.tmp');
      writeFileSync(temp, JSON.stringify(data));
      renameSync(temp, join(dir, 'models', 'logreg-20300101T000000.000Z.json'));
      await term.waitFor('A', 'suggestions: team-logreg', 60_000);
      await term.press('A', 'Escape', 'EXIT=0');
    });

    it('the small things: blind keys and header, relabels apart, no empty log, a name in any script, the cursor back', {
      timeout: 180_000,
    }, async () => {
      const { dir, log } = keep(smallCorpusDir());
      term.start('A', size, { corpus: dir, config, flags: '--annotator t --blind' });
      const blind = await term.waitFor('A', 'sentence 1/4');
      expect(blind).not.toContain('accept');
      expect(blind).toMatch(/annotator t · order document · blind/);
      expect(fits(blind, size[0])).toBe(true);
      // Quitting without a label leaves no log behind.
      const quit = await term.press('A', 'Escape', 'EXIT=0');
      expect(quit).toContain('stance: no events this session');
      expect(existsSync(log)).toBe(false);
      expect(term.cursorVisible('A')).toBe(true);
      term.tmux('kill-session', '-t', 'A');

      term.start('B', size, { corpus: dir, config, flags: '--annotator José' });
      await term.waitFor('B', 'annotator José');
      await term.press('B', 'f', 'sentence 2/4');
      await term.press('B', 'k', 'sentence 1/4');
      const relabelled = await term.press('B', 'o', 'relabelled fact → opinion');
      expect(relabelled).toContain('sentence 1/4');
      expect(relabelled).toMatch(/this session: 1 label · .* · 1 relabel/);
      await term.press('B', 'Escape', 'EXIT=0');
      expect(logEvents(join(dir, 'annotations', 'José.jsonl')).map((e) => e.label)).toEqual(['fact', 'opinion']);
    });

    it('--order uncertain on a large corpus: the first frame first, in document order, ranked in the background', {
      timeout: 240_000,
    }, async () => {
      const { dir } = keep(corpusWith(LARGE));
      const expected = leastConfidentAfterFirst(dir);
      term.start('A', size, { corpus: dir, config, flags: '--annotator t --order uncertain' });
      const first = await term.waitFor('A', 'order uncertain (ranking…)', 120_000);
      expect(first).toContain('doc 1/101 · sentence 1/100');
      const ranked = await term.waitFor('A', 'annotator t · order uncertain · suggestions: default', 120_000);
      expect(fits(ranked, size[0])).toBe(true);
      // The current sentence stayed; the next is the least confident of the rest, not the second of document 1.
      const next = await term.press('A', 'f', 'this session: 1 label');
      const current = next.split('\n').find((line) => line.startsWith('▶')) ?? '';
      expect(expected.startsWith(current.slice(4).trim().slice(0, 30))).toBe(true);
      expect(next).not.toContain('doc 1/101 · sentence 2/100');
      await term.press('A', 'Escape', 'EXIT=0');
    });

    it('visits the documents assigned in assignments.json first', { timeout: 180_000 }, async () => {
      const { dir } = keep(smallCorpusDir());
      writeFileSync(
        join(dir, 'assignments.json'),
        JSON.stringify({ version: 1, seed: 1, overlap: [], annotators: { t: ['rates'], u: ['council'] } }),
      );
      term.start('A', size, { corpus: dir, config });
      const first = await term.waitFor('A', 'doc 2/2 · sentence 1/3 · Rates and you');
      expect(first).toContain('assigned first');
      expect(first).toMatch(/assigned \[.*\] 0\/3 0%/);
      await term.press('A', 'fff', 'doc 1/2 · sentence 1/4');
      await term.press('A', 'Escape', 'EXIT=0');
    });
  });
}
