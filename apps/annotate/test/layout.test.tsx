/** @jsxRuntime automatic */
/** @jsxImportSource react */
import { render } from 'ink-testing-library';
import { describe, expect, it } from 'vitest';
import { LabelScreen } from '../src/components/LabelScreen.tsx';
import { initialState } from '../src/state/state.ts';
import { buildCorpus } from './fixtures.ts';
import { renderApp } from './render.tsx';

const LONG = `${'This sentence goes on and on, clause after clause, '.repeat(40)}and ends.`;

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
});
