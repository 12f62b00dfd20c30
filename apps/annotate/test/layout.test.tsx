/** @jsxRuntime automatic */
/** @jsxImportSource react */
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { initialState } from '../src/state/state.ts';
import { buildCorpus } from './fixtures.ts';
import { renderApp, screenFrame } from './render.tsx';

const LONG = `${'This sentence goes on and on, clause after clause, '.repeat(40)}and ends.`;
// Two terminal columns per character: counting characters instead of columns overflowed lines and rows.
const WIDE = `${'東京の市議会は火曜日に予算案を可決した。'.repeat(30)}終わり。`;
const EMOJI = `${'Fans cheered 🎉🎉 and the referee frowned 👩‍⚖️, '.repeat(30)}end.`;

describe('layout', { timeout: 60_000 }, () => {
  for (const [columns, rows] of [
    [80, 24],
    [60, 18],
    [120, 40],
  ] as const)
    it(`fits ${columns}x${rows} with a very long sentence and a long title`, async () => {
      const corpus = buildCorpus([
        {
          id: 'long',
          title: 'A title that is far too long to fit on one line '.repeat(4),
          sentences: [LONG, LONG, LONG],
        },
      ]);
      const app = await renderApp({ corpus });
      const state = initialState({
        index: app.session.index,
        order: app.session.order,
        base: new Map(),
        at: 0,
      });
      const frame = screenFrame(app.session, state, columns, rows);
      const lastFrame = () => frame;
      const lines = frame.split('\n');
      expect(lines.length).toBeLessThan(rows);
      for (const line of lines) expect([...line].length).toBeLessThanOrEqual(columns);
      expect(lastFrame()).toContain('…');
      expect(lastFrame()).toContain('this session: 0 labels');
    });

  it('fits 80x24 with a long note under a very long sentence, shown once the sentence is scrolled to its end', async () => {
    const corpus = buildCorpus([{ id: 'long', title: 'Notes', sentences: [LONG, LONG] }]);
    const app = await renderApp({ corpus });
    const id = app.session.index.sentences[0]!.id;
    const notes = new Map([[id, ['first', LONG]]]);
    const state = initialState({ index: app.session.index, order: app.session.order, base: new Map(), at: 0, notes });
    for (const scroll of [0, 10_000]) {
      const lines = screenFrame(app.session, { ...state, scroll }, 80, 24).split('\n');
      expect(lines.length).toBeLessThan(24);
      for (const line of lines) expect(stringWidth(line)).toBeLessThanOrEqual(80);
      const note = lines.filter((l) => l.startsWith('    note: “This sentence goes on'));
      expect(note).toHaveLength(scroll === 0 ? 0 : 1);
      expect(
        lines.some((l) => l.includes(scroll === 0 ? 'more lines · Space scrolls' : 'Space goes back to its start')),
      ).toBe(true);
      expect(lines.join('\n')).toContain('this session: 0 labels');
    }
  });

  // Regression: wide (CJK) characters and emoji were counted as one column each.
  for (const [name, text] of [
    ['CJK', WIDE],
    ['emoji', EMOJI],
  ] as const)
    it(`fits 80x24 with ${name} text in the title and the sentences`, async () => {
      const corpus = buildCorpus([{ id: 'wide', title: text.slice(0, 200), sentences: [text, text, text] }]);
      const app = await renderApp({ corpus });
      const state = initialState({ index: app.session.index, order: app.session.order, base: new Map(), at: 1 });
      const frame = screenFrame(app.session, state, 80, 24);
      const lastFrame = () => frame;
      const lines = frame.split('\n');
      expect(lines.length).toBeLessThan(24);
      for (const line of lines) expect(stringWidth(line)).toBeLessThanOrEqual(80);
      expect(lastFrame()).toContain('…');
      expect(lastFrame()).toContain('this session: 0 labels');
    });
});
