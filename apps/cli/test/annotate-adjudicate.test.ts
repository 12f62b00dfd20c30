import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadCorpus } from '@stance/corpus';
import type { Label } from '@stance/schema';
import { textHash } from '@stance/schema';
import { openAnnotatorLog, readAnnotatorLog } from '@stance/store';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { ROOT, smallCorpusDir } from './annotate-fixture.ts';
import { STANCE_BIN } from './helpers/run-stance.ts';
import { hasTmux, SIZES, Terminal } from './helpers/tmux.ts';

// `stance annotate --adjudicate` end to end: two annotators' real logs, the adjudicator deciding in a real terminal
// (tmux at 80x24 and 120x40, private server), then `stance export` and `stance agree` reading what was written.
if (!hasTmux) console.warn('annotate-adjudicate.test.ts: tmux is not installed; the real-terminal test is skipped');

const term = new Terminal();
const config = mkdtempSync(join(tmpdir(), 'stance-annotate-config-'));
const dirs = [config];
afterEach(() => {
  if (hasTmux) term.kill();
});
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

function stance(...args: string[]) {
  return spawnSync(process.execPath, [STANCE_BIN, ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, XDG_CONFIG_HOME: config, NO_COLOR: '1' },
  });
}

describe.skipIf(!hasTmux)(
  'stance annotate --adjudicate, then stance export and agree (tmux; skipped without tmux)',
  () => {
    for (const size of SIZES)
      it(`decides the disagreements into the adjudicator’s log, and export takes them as gold (${size[0]}x${size[1]})`, async () => {
        const corpus = smallCorpusDir();
        const out = mkdtempSync(join(tmpdir(), 'stance-adjudicate-export-'));
        dirs.push(corpus, out);
        const { sentences } = loadCorpus(corpus);
        expect(sentences).toHaveLength(7);
        // ana and ben agree on five sentences and differ on the 3rd (opinion/quote) and the 6th (opinion/fact).
        const given: Record<string, Label[]> = {
          ana: ['fact', 'quote', 'opinion', 'opinion', 'fact', 'opinion', 'opinion'],
          ben: ['fact', 'quote', 'quote', 'opinion', 'fact', 'fact', 'opinion'],
        };
        for (const [name, labels] of Object.entries(given)) {
          const log = openAnnotatorLog(corpus, name);
          labels.forEach((label, s) => {
            const sentence = sentences[s]!;
            const base = { sentence: sentence.id, textHash: textHash(sentence.text), ms: 800, guideline: '1.0' };
            log.append({ ...base, type: 'label', label, suggestion: null });
            if (s === 5 && name === 'ben')
              log.append({ ...base, type: 'note', ms: 0, note: 'a call to act, not a fact?' });
          });
          log.close();
        }

        term.start('J', size, { corpus, config, flags: '--annotator lead --adjudicate' });
        const first = await term.waitFor('J', 'adjudicating: 1 of 2 disagreements');
        expect(first).toContain('adjudicator lead · annotators ana, ben');
        expect(first).toMatch(/ana +opinion/);
        expect(first).toMatch(/ben +quote/);
        const second = await term.press('J', 'o', 'adjudicating: 2 of 2 disagreements');
        expect(second).toContain('“a call to act, not a fact?”');
        // Decide, think again: undo, then decide otherwise.
        await term.press('J', 'q', 'all 2 disagreements decided');
        await term.press('J', 'u', 'decision: none yet');
        await term.press('J', 'o', 'all 2 disagreements decided');
        const after = await term.press('J', 'Escape', 'EXIT=0');
        expect(after).toContain(`stance: 4 events saved to ${join(corpus, 'annotations', 'lead.jsonl')}`);
        const { events } = readAnnotatorLog(join(corpus, 'annotations', 'lead.jsonl'));
        expect(events.map((e) => [e.type, e.label, e.adjudication])).toEqual([
          ['label', 'opinion', true],
          ['label', 'quote', true],
          ['retract', undefined, undefined],
          ['label', 'opinion', true],
        ]);

        const exported = stance('export', '--corpus', corpus, '--out', out, '--force', '--min-annotators', '2');
        expect(exported.status, exported.stderr).toBe(0);
        const rows = readdirSync(join(out, 'data'))
          .filter((f) => f.endsWith('.jsonl'))
          .flatMap((f) =>
            readFileSync(join(out, 'data', f), 'utf8')
              .split('\n')
              .filter(Boolean),
          )
          .map((l) => JSON.parse(l) as { id: string; label: string; gold_source: string; adjudicated: boolean });
        const row = (s: number) => rows.find((r) => r.id === sentences[s]!.id);
        expect(rows).toHaveLength(7);
        expect(row(2)).toMatchObject({ label: 'opinion', gold_source: 'adjudicated', adjudicated: true });
        expect(row(5)).toMatchObject({ label: 'opinion', gold_source: 'adjudicated', adjudicated: true });
        expect(row(0)).toMatchObject({ label: 'fact', gold_source: 'unanimous', adjudicated: false });

        // Agreement is between the annotators; the adjudicator's decisions are counted apart, not as a third annotator.
        const agreed = stance('agree', '--corpus', corpus, '--json');
        expect(agreed.status, agreed.stderr).toBe(0);
        const report = JSON.parse(agreed.stdout) as { annotators: string[]; adjudications: number };
        expect(report.annotators).toEqual(['ana', 'ben']);
        expect(report.adjudications).toBe(2);

        // Quitting released the adjudicator's lock.
        expect(existsSync(join(corpus, 'annotations', 'lead.jsonl.lock'))).toBe(false);
      });
  },
);

describe('stance annotate --adjudicate without a queue', () => {
  it('says there is nothing to adjudicate, and exits 0 without opening a log', () => {
    const empty = smallCorpusDir();
    try {
      const r = stance('annotate', '--corpus', empty, '--annotator', 'lead', '--adjudicate');
      expect(r.status).toBe(0);
      expect(r.stdout).toBe('');
      expect(r.stderr.trim().split('\n').at(-1)).toBe(
        'stance: nothing to adjudicate: no sentence where the annotators (none yet) differ',
      );
      expect(existsSync(join(empty, 'annotations'))).toBe(false);
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });
});
