import type { Label } from '@stance/schema';
import { textHash } from '@stance/schema';
import { foldLabels, openAnnotatorLog, readAllLogs } from '@stance/store';
import { describe, expect, it } from 'vitest';
import { adjudicationEvents } from '../src/model/log-roles.ts';
import { smallCorpus } from './fixtures.ts';
import { KEYS, renderApp, tempCorpusDir } from './render.tsx';

const { sentences } = smallCorpus();

/** Write real annotator logs into a corpus folder: name → [sentence position, label, note?][]. */
function writeLogs(dir: string, labels: Record<string, [number, Label, string?][]>): void {
  for (const [name, list] of Object.entries(labels)) {
    const log = openAnnotatorLog(dir, name);
    for (const [s, label, note] of list) {
      const base = { sentence: sentences[s]!.id, textHash: textHash(sentences[s]!.text), ms: 900, guideline: '1.0' };
      log.append({ ...base, type: 'label', label, suggestion: null });
      if (note) log.append({ ...base, type: 'note', ms: 0, note });
    }
    log.close();
  }
}

/** ana and ben differ on sentences 2 and 5. */
const TWO_DISAGREEMENTS: Record<string, [number, Label][]> = {
  ana: [
    [2, 'opinion'],
    [5, 'fact'],
  ],
  ben: [
    [2, 'quote'],
    [5, 'opinion'],
  ],
};

async function adjudicate(dir: string) {
  return renderApp({ dir, annotator: 'judge', adjudicate: { logs: readAllLogs(dir) } });
}

describe('stance annotate --adjudicate, the screen', { timeout: 60_000 }, () => {
  it('walks the disagreements in document context with every annotator’s label and note', async () => {
    const dir = tempCorpusDir();
    writeLogs(dir, {
      ana: [
        [0, 'fact'],
        [2, 'opinion', 'clearly a judgement'],
        [5, 'fact'],
      ],
      ben: [
        [0, 'fact'],
        [2, 'quote'],
        [5, 'opinion', 'loaded word: critics'],
      ],
    });
    const app = await adjudicate(dir);
    expect(app.frame()).toMatchInlineSnapshot(`
      "adjudicating: 1 of 2 disagreements · doc 1/3 · sentence 3/3 · The council vote
      adjudicator judge · annotators ana, ben

             (start of document)
       ·  ff The council voted 7-2 on Tuesday to close the depot.
       ·  ·· “We had no choice,” the mayor said.
      ▶·  oq This was a shameful decision.
             (end of document)

        ana opinion “clearly a judgement”
        ben quote
      decision: none yet

      decide: f/1 fact  q/2 quote  o/3 opinion  s/4 skip  u/⌫ undo  n note  ! flag
      ←→ move  ][ undecided  }{ flagged  )( noted  / find  v doc  ? help  Esc quit
      decided [░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░] 0/2 0%
      this session: 0 labels · – s/sentence
      "
    `);
  });

  // Regression: help listed the labelling keys (Enter accepts the suggestion), which adjudication does not have.
  it('help lists the adjudication keys, not the labelling ones', async () => {
    const dir = tempCorpusDir();
    writeLogs(dir, { ana: [[2, 'opinion']], ben: [[2, 'quote']] });
    const app = await adjudicate(dir);
    await app.press('?');
    expect(app.frame()).toContain('Keys (adjudicating: your label is the gold decision for the sentence)');
    expect(app.frame()).toContain('undo the last decision');
    expect(app.frame()).not.toContain('accept the suggestion');
  });

  it('records decisions (adjudication: true) in the adjudicator’s own log before moving on; undo takes one back', async () => {
    const dir = tempCorpusDir();
    writeLogs(dir, TWO_DISAGREEMENTS);
    const app = await adjudicate(dir);
    await app.press('o');
    expect(app.log.events.map((e) => [e.type, e.sentence, e.label, e.adjudication])).toEqual([
      ['label', sentences[2]!.id, 'opinion', true],
    ]);
    expect(app.frame()).toContain('adjudicating: 2 of 2 disagreements');
    await app.press('4');
    expect(app.frame()).toContain('all 2 disagreements decided');
    expect(app.frame()).toContain('decided [');
    expect(app.frame()).toContain('2/2 100%');
    await app.press('u');
    expect(app.frame()).toContain('adjudicating: 2 of 2 disagreements');
    expect(app.frame()).toContain('decision: none yet');
    const decided = foldLabels(adjudicationEvents(app.log.events));
    expect([...decided.values()].map((c) => [c.sentence, c.label])).toEqual([[sentences[2]!.id, 'opinion']]);
    // Enter accepts nothing here: there is no suggestion, only a decision.
    await app.press(KEYS.enter);
    expect(app.frame()).toContain('adjudicating: press f, q, o or s to decide');
    expect(app.log.events.filter((e) => e.type === 'label')).toHaveLength(2);
    // The other annotators' logs are untouched.
    expect(readAllLogs(dir).get('ana')).toHaveLength(2);
  });

  it('picks up after a restart at the first undecided disagreement', async () => {
    const dir = tempCorpusDir();
    writeLogs(dir, TWO_DISAGREEMENTS);
    const first = await adjudicate(dir);
    await first.press('q');
    first.close();
    const again = await adjudicate(dir);
    expect(again.frame()).toContain('adjudicating: 2 of 2 disagreements');
    expect(again.frame()).toContain(sentences[5]!.text);
  });

  it('says clearly when there is nothing to adjudicate', async () => {
    const dir = tempCorpusDir();
    writeLogs(dir, { ana: [[0, 'fact']], ben: [[0, 'fact']] });
    const app = await adjudicate(dir);
    expect(app.frame()).toMatchInlineSnapshot(
      `"Nothing to adjudicate: no sentence where the annotators (ana, ben) differ. Press Esc to quit."`,
    );
  });
});
