import fc from 'fast-check';
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { keyMapRows } from '../src/components/KeyMap.tsx';
import { aboutLine } from '../src/model/header-text.ts';
import { whyText } from '../src/model/why-text.ts';
import type { LearningStatus } from '../src/state/state.ts';

const rules: LearningStatus = {
  source: 'rules',
  updatedAt: null,
  score: null,
  training: false,
  ranking: false,
  note: null,
  version: 0,
};

describe('the header line (issue 13)', () => {
  it('regression: "(blind…" was cut at 80 columns; it now leaves out whole parts, never the blind one', () => {
    const about = { annotator: 'ana', order: 'uncertain', assigned: true, blind: true, learning: rules, now: 0 };
    const line = aboutLine(about, 79);
    expect(stringWidth(line)).toBeLessThanOrEqual(79);
    expect(line).toBe('annotator ana · order uncertain, assigned first · blind · suggestions: rules');
    expect(aboutLine(about, 119)).toBe(
      'annotator ana · order uncertain, assigned first · blind: suggestions hidden until labelled · suggestions: rules',
    );
  });

  it('tells the live model, its cross-validated score and its age when there is room', () => {
    const learning: LearningStatus = {
      ...rules,
      source: 'live-logreg-3',
      updatedAt: 0,
      score: { macroF1: 0.712, examples: 412, folds: 5, previous: 0.48, previousName: 'rules' },
    };
    const about = { annotator: 'ana', order: 'document', assigned: false, blind: false, learning, now: 125_000 };
    expect(aboutLine(about, 119)).toBe(
      'annotator ana · order document · suggestions: live-logreg-3 · CV F1 0.71 on 412 labels (rules 0.48) · updated 2 min ago',
    );
    expect(aboutLine(about, 79)).toBe(
      'annotator ana · order document · suggestions: live-logreg-3 · updated 2 min ago',
    );
  });
});

describe('the key map', () => {
  it('regression: --blind showed ⏎ accept, and adjudicating has nothing to accept either', () => {
    for (const width of [50, 79, 119]) {
      expect(keyMapRows({ width, blind: true }).join('\n')).not.toContain('accept');
      expect(keyMapRows({ width, adjudicating: true }).join('\n')).not.toContain('accept');
      expect(keyMapRows({ width }).join('\n')).toContain('⏎ accept');
    }
  });

  it('fits every width the screen allows, in every role (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 39, max: 200 }),
        fc.boolean(),
        fc.boolean(),
        fc.constantFrom(1 as const, 2 as const),
        (width, blind, adjudicating, rows) => {
          for (const row of keyMapRows({ width, blind, adjudicating, rows }))
            expect(stringWidth(row)).toBeLessThanOrEqual(width);
        },
      ),
    );
  });
});

describe('why the suggestion, in words (issue 13)', () => {
  it('names each kind of cue, the words it found and the label it points to, strongest first', () => {
    const text = '“We had no choice,” the mayor said on Tuesday.';
    const cue = (kind: string, words: string, label: string, weight: number) => {
      const start = text.indexOf(words);
      return { kind, label, weight, start, end: start + words.length } as never;
    };
    expect(
      whyText(text, [
        cue('date', 'on Tuesday', 'fact', 0.3),
        cue('quotation', '“We had no choice,”', 'quote', 0.9),
        cue('reported-speech', 'said', 'quote', 0.6),
      ]),
    ).toBe('quotation ““We had no choice,”” → quote, reported-speech “said” → quote, date “on Tuesday” → fact');
  });
});
