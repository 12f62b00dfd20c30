/** @jsxRuntime automatic */
/** @jsxImportSource react */
import { render } from 'ink-testing-library';
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { LabelScreen } from '../src/components/LabelScreen.tsx';
import { initialState } from '../src/state/state.ts';
import { buildCorpus } from './fixtures.ts';
import { renderApp } from './render.tsx';

const LONG = `${'This sentence goes on and on, clause after clause, '.repeat(40)}and ends.`;
// Two terminal columns per character: counting characters instead of columns overflowed lines and rows.
const WIDE = `${'東京の市議会は火曜日に予算案を可決した。'.repeat(30)}終わり。`;
const EMOJI = `${'Fans cheered 🎉🎉 and the referee frowned 👩‍⚖️, '.repeat(30)}end.`;

describe('layout', () => {
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
      const { lastFrame } = render(<LabelScreen session={app.session} state={state} columns={columns} rows={rows} />);
      const lines = (lastFrame() ?? '').split('\n');
      expect(lines.length).toBeLessThan(rows);
      for (const line of lines) expect([...line].length).toBeLessThanOrEqual(columns);
      expect(lastFrame()).toContain('…');
      expect(lastFrame()).toContain('this session: 0 labels');
    });

  it('fits 80x24 with a long note under a very long sentence', async () => {
    const corpus = buildCorpus([{ id: 'long', title: 'Notes', sentences: [LONG, LONG] }]);
    const app = await renderApp({ corpus });
    const id = app.session.index.sentences[0]!.id;
    const notes = new Map([[id, ['first', LONG]]]);
    const state = initialState({ index: app.session.index, order: app.session.order, base: new Map(), at: 0, notes });
    const { lastFrame } = render(<LabelScreen session={app.session} state={state} columns={80} rows={24} />);
    const lines = (lastFrame() ?? '').split('\n');
    expect(lines.length).toBeLessThan(24);
    for (const line of lines) expect(stringWidth(line)).toBeLessThanOrEqual(80);
    expect(lines.filter((l) => l.startsWith('  note: “This sentence goes on'))).toHaveLength(1);
    expect(lastFrame()).toContain('this session: 0 labels');
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
      const { lastFrame } = render(<LabelScreen session={app.session} state={state} columns={80} rows={24} />);
      const lines = (lastFrame() ?? '').split('\n');
      expect(lines.length).toBeLessThan(24);
      for (const line of lines) expect(stringWidth(line)).toBeLessThanOrEqual(80);
      expect(lastFrame()).toContain('…');
      expect(lastFrame()).toContain('this session: 0 labels');
    });
});
