/** @jsxRuntime automatic */
/** @jsxImportSource react */
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { buildCorpus } from './fixtures.ts';
import { renderApp } from './render.tsx';

// The document pane's rows are memoised (drawn again only when their text, marks or gutter change) and keyed by
// sentence, and Ink reuses rows drawn lately (patches/ink@6.8.0.patch): these check that neither ever shows a stale
// row, as a relabel (same text, new mark) or a resize (same sentences, new wrapping) would if they did.
const LONG =
  'The committee, after months of hearings, approved the amended budget, which funds the depot, the library and the three new crossings.';
const corpus = buildCorpus([
  {
    id: 'one',
    title: 'One',
    sentences: ['The depot closed on Tuesday.', LONG, 'This was a shameful decision.', 'Read more on page 4.'],
  },
]);

/** The pane's row of the sentence starting with `start`: its gutter and the start of its text. */
const rowOf = (frame: string, start: string) => frame.split('\n').find((line) => line.slice(4).startsWith(start));

/** The pane's rows: from `(start of document)` to `(end of document)`, those two left out. */
const paneRows = (frame: string) => {
  const lines = frame.split('\n');
  return lines.slice(
    lines.findIndex((l) => l.includes('(start of document)')) + 1,
    lines.findIndex((l) => l.includes('(end of document)')),
  );
};

/** Each sentence's text as the pane shows it: its rows joined, gutters left out. */
const paneTexts = (frame: string) =>
  paneRows(frame).reduce<string[]>((texts, line) => {
    if (line.startsWith('    ')) texts[texts.length - 1] += ` ${line.slice(4)}`;
    else texts.push(line.slice(4));
    return texts;
  }, []);

describe('the document pane’s memoised rows', { timeout: 60_000 }, () => {
  it('a relabel redraws the label in the gutter, on the current row and as a neighbour', async () => {
    const app = await renderApp({ corpus });
    await app.press('f', 'k');
    expect(rowOf(app.frame(), 'The depot')).toMatch(/^▶f /);
    await app.press('q');
    // A relabel stays put: the same row, the same text, a new mark.
    expect(app.frame()).toContain('relabelled fact → quote');
    expect(rowOf(app.frame(), 'The depot')).toMatch(/^▶q /);
    await app.press('j');
    expect(rowOf(app.frame(), 'The depot')).toMatch(/^ q /);
    expect(rowOf(app.frame(), 'The committee')).toMatch(/^▶· /);
    await app.press('!');
    expect(rowOf(app.frame(), 'The committee')).toMatch(/^▶·! /);
    app.close();
  });

  it('a resize wraps every sentence again to the new width, and back', async () => {
    const app = await renderApp({ corpus });
    // The long sentence is a neighbour: its rows are memoised ones.
    const wide = app.frame();
    const setColumns = async (columns: number) => {
      Object.defineProperty(app.stdout, 'columns', { value: columns, configurable: true });
      app.stdout.emit('resize');
      // Wait for the frame at the new width (the bars take the whole width, so it always differs).
      for (let waited = 0; app.frame() === wide && waited < 5_000; waited += 10)
        await new Promise((r) => setTimeout(r, 10));
      await new Promise((r) => setTimeout(r, 20));
    };
    await setColumns(50);
    const narrow = app.frame();
    for (const line of narrow.split('\n')) expect(stringWidth(line)).toBeLessThanOrEqual(50);
    // Every sentence whole, in order, and the long one on more rows than before.
    expect(paneTexts(narrow)).toEqual(corpus.sentences.map((x) => x.text));
    expect(paneTexts(wide)).toEqual(corpus.sentences.map((x) => x.text));
    expect(paneRows(narrow).length).toBeGreaterThan(paneRows(wide).length);
    await setColumns(100);
    expect(app.frame()).toBe(wide);
    app.close();
  });
});
