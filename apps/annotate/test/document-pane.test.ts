import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { PaneInput, PaneLine } from '../src/model/document-pane.ts';
import { layoutPane, paragraphStarts } from '../src/model/document-pane.ts';
import { screenLayout } from '../src/model/screen-layout.ts';

const TEXTS = [
  'The council voted 7-2 on Tuesday to close the depot.',
  '“We had no choice,” the mayor said.',
  'This was a shameful decision.',
  'Critics argue the plan is reckless.',
  'Nobody knows what comes next.',
];

function pane(overrides: Partial<PaneInput> = {}) {
  return layoutPane({
    texts: TEXTS,
    paragraphStarts: [false, false, true, false, false],
    current: 2,
    cues: [],
    note: null,
    width: 30,
    rows: 12,
    scroll: 0,
    ...overrides,
  });
}

/** The pane as text: `>` on the current sentence's rows, `-` on neighbours', the rest as they read. */
function show(lines: readonly PaneLine[]): string[] {
  return lines.map((l) => {
    if (l.kind === 'sentence')
      return `${l.current ? '>' : '-'}${l.first ? '*' : ' '} ${l.runs.map((r) => r.text).join('')}`;
    if (l.kind === 'gap') return '';
    return `   ${l.kind === 'note' ? 'note: ' : ''}${l.text}`;
  });
}

describe('the document pane (issue 13: the document in view)', () => {
  it('shows the current sentence whole, and as much of the document around it as fits, paragraphs apart', () => {
    expect(show(pane().lines)).toMatchInlineSnapshot(`
      [
        "   (start of document)",
        "-* The council voted 7-2 on",
        "-  Tuesday to close the depot.",
        "-* “We had no choice,” the mayor",
        "-  said.",
        "",
        ">* This was a shameful decision.",
        "-* Critics argue the plan is",
        "-  reckless.",
        "-* Nobody knows what comes next.",
        "   (end of document)",
      ]
    `);
  });

  it('cuts the neighbours at the edges of a short pane: the end of the one above, the start of the one below', () => {
    expect(show(pane({ rows: 6 }).lines)).toEqual([
      '-  said.',
      '',
      '>* This was a shameful decision.',
      '-* Critics argue the plan is',
      '-  reckless.',
      '-* Nobody knows what comes next.',
    ]);
  });

  it('gives the rows a side does not need to the other side', () => {
    const first = show(pane({ current: 0, rows: 8 }).lines);
    expect(first[0]).toBe('   (start of document)');
    expect(first[1]).toMatch(/^>\* The council/);
    expect(first).toHaveLength(8);
  });

  it('keeps a sentence longer than the pane whole by scrolling it, with a row saying how', () => {
    const long = `${'clause after clause, '.repeat(20)}and the end.`;
    const texts = [...TEXTS.slice(0, 2), long, ...TEXTS.slice(3)];
    const top = pane({ texts, rows: 6, scroll: 0 });
    expect(top.maxScroll).toBeGreaterThan(0);
    expect(show(top.lines).at(-1)).toMatch(/↓ \d+ more lines · Space scrolls/);
    expect(top.lines.filter((l) => l.kind === 'sentence' && !l.current)).toHaveLength(0);
    const end = pane({ texts, rows: 6, scroll: 1000, note: '“check the figure”' });
    expect(show(end.lines).slice(-3)).toEqual([
      '>  clause, clause after clause,'.replace(/^> {2}.*/, show(end.lines).at(-3)!),
      '   note: “check the figure”',
      '   ↑ end of the sentence · Space goes back to its start',
    ]);
    // Every row of the sentence is reachable: the top window and the last one together cover all of it.
    const all = pane({ texts, rows: 100 }).lines.filter((l) => l.kind === 'sentence' && l.current);
    expect(top.maxScroll).toBe(all.length - 5);
  });

  it('never draws more rows than it has, and always draws the whole current sentence when it fits (property)', () => {
    const sentence = fc.string({ unit: fc.constantFrom('a', 'b', ' ', 'é', '東'), minLength: 1, maxLength: 120 });
    fc.assert(
      fc.property(
        fc.array(sentence, { minLength: 1, maxLength: 8 }),
        fc.nat(7),
        fc.integer({ min: 4, max: 30 }),
        fc.integer({ min: 1, max: 20 }),
        fc.nat(50),
        (texts, at, width, rows, scroll) => {
          const current = at % texts.length;
          const input = {
            texts,
            paragraphStarts: texts.map((_, i) => i % 3 === 0),
            current,
            cues: [],
            note: null,
            width,
            rows,
            scroll,
          };
          const { lines, maxScroll } = layoutPane(input);
          expect(lines.length).toBeLessThanOrEqual(rows);
          const whole = layoutPane({ ...input, rows: 1000 }).lines.filter((l) => l.kind === 'sentence' && l.current);
          if (maxScroll === 0) {
            expect(whole.length).toBeLessThanOrEqual(rows);
            expect(lines.filter((l) => l.kind === 'sentence' && l.current)).toEqual(whole);
          } else expect(whole.length).toBeGreaterThan(rows);
        },
      ),
    );
  });

  it('finds paragraphs by the blank lines between sentences', () => {
    const text = 'One. Two.\n\nThree.\nFour.';
    const spans = [
      { start: 0, end: 4 },
      { start: 5, end: 9 },
      { start: 11, end: 17 },
      { start: 18, end: 23 },
    ];
    expect(paragraphStarts(text, spans)).toEqual([false, false, true, false]);
  });
});

describe('the screen layout', () => {
  const needs = { panel: 1, why: true, assigned: false, adjudicating: false };
  it('gives the pane every row the other parts leave, at 80x24 and 120x40', () => {
    expect(screenLayout({ ...needs, rows: 24 })).toEqual({
      pane: 10,
      spacers: true,
      why: true,
      keys: 2,
      documentBar: true,
      assignedBar: false,
    });
    expect(screenLayout({ ...needs, rows: 40 }).pane).toBe(26);
  });

  it('issue 13: at 80x16 drops blank rows and the why line before squeezing the pane', () => {
    // The sentence used to shrink to `! …` at 80x16 while its neighbours stayed.
    expect(screenLayout({ ...needs, rows: 16 })).toEqual({
      pane: 6,
      spacers: false,
      why: false,
      keys: 2,
      documentBar: true,
      assignedBar: false,
    });
    expect(screenLayout({ ...needs, rows: 14 })).toMatchObject({ pane: 6, documentBar: false, keys: 1 });
  });
});
