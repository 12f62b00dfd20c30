/** @jsxRuntime automatic */
/** @jsxImportSource react */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { Box, Text } from 'ink';
import { render } from 'ink-testing-library';
import { describe, expect, it } from 'vitest';

// patches/ink@6.8.0.patch lets each frame reuse the previous frame's styled characters for lines that did not change
// (turning a line into styled characters was a sixth of the annotation UI's CPU while typing; docs/annotate.md) and
// the output string of any row drawn lately from the same writes (the grid of styled cells was another third), and
// imports throttle alone rather than es-toolkit's whole compat set (~370 ms of start-up). These
// tests fail if the patch is lost on an upgrade, or if a frame drawn after another ever differs from the same frame
// drawn afresh.
describe('Ink’s output, as patched for the annotation UI', () => {
  it('is the patched copy', () => {
    const entry = fileURLToPath(new URL('output.js', import.meta.resolve('ink')));
    expect(readFileSync(entry, 'utf8')).toContain('this.previous?.styledChars.get(line)');
    // And rows drawn lately reused whole.
    expect(readFileSync(entry, 'utf8')).toContain('const cached = rowCache.get(key);');
    // And throttle from its own entry point, not es-toolkit's whole compat set (~370 ms of start-up).
    const ink = fileURLToPath(new URL('ink.js', import.meta.resolve('ink')));
    expect(readFileSync(ink, 'utf8')).toContain("import throttle from 'es-toolkit/compat/throttle';");
  });

  const Screen = ({ lines }: { lines: readonly [string, boolean][] }) => (
    <Box flexDirection="column">
      {lines.map(([text, bold], i) => (
        <Text key={i} bold={bold} {...(bold ? { color: 'green' } : {})}>
          {text}
        </Text>
      ))}
    </Box>
  );

  it('draws a frame after others as it draws it afresh (property)', () => {
    const line = fc.tuple(fc.string({ unit: 'grapheme', maxLength: 30 }), fc.boolean());
    fc.assert(
      fc.property(fc.array(fc.array(line, { maxLength: 6 }), { minLength: 2, maxLength: 4 }), (frames) => {
        const running = render(<Screen lines={frames[0]!} />);
        for (const lines of frames.slice(1)) running.rerender(<Screen lines={lines} />);
        const fresh = render(<Screen lines={frames.at(-1)!} />);
        expect(running.lastFrame()).toBe(fresh.lastFrame());
        running.unmount();
        fresh.unmount();
      }),
      { numRuns: 60 },
    );
  });

  // The row cache is shared by every Ink instance in the process, so a fresh render is no oracle for it: each frame is
  // checked against the text it must show, worked out here. Rows of several texts side by side (several writes on one
  // row, at different columns), wide characters and emoji, a row that comes back after others.
  const segment = fc
    .array(fc.constantFrom('a', 'b', ' ', '東', '🎉', 'é', '·', 'x'), { minLength: 1, maxLength: 8 })
    .map((chars) => chars.join(''));
  const Rows = ({ rows }: { rows: readonly (readonly string[])[] }) => (
    <Box flexDirection="column">
      {rows.map((texts, i) => (
        <Box key={i}>
          {texts.map((text, k) => (
            <Text key={k} bold={k === 1}>
              {text}
            </Text>
          ))}
        </Box>
      ))}
    </Box>
  );
  it('draws each row from the texts on it, however often rows come back (property)', () => {
    const rows = fc.array(fc.array(segment, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 5 });
    fc.assert(
      fc.property(fc.array(rows, { minLength: 2, maxLength: 5 }), (frames) => {
        const running = render(<Rows rows={frames[0]!} />);
        for (const [n, frame] of frames.entries()) {
          if (n > 0) running.rerender(<Rows rows={frame} />);
          // A frame repeated (a step back and forth) is drawn from the cache; it must still be this frame.
          if (n > 0) running.rerender(<Rows rows={frames[n - 1]!} />);
          running.rerender(<Rows rows={frame} />);
          expect(running.lastFrame()).toBe(frame.map((texts) => texts.join('').trimEnd()).join('\n'));
        }
        running.unmount();
      }),
      { numRuns: 60 },
    );
  });

  // With styles: each text carries its own escape codes (Ink passes SGR codes through), and the frame is read back
  // as a terminal would, cell by cell, to compare what each cell shows and how. Checks the row cache and the shared
  // styles of the patch against what the texts say, not against Ink's own output.
  const styled = fc.record({
    text: segment,
    bold: fc.boolean(),
    underline: fc.boolean(),
    fg: fc.constantFrom(null, 31, 32, 34, 36),
  });
  type Styled = { text: string; bold: boolean; underline: boolean; fg: number | null };
  const encode = ({ text, bold, underline, fg }: Styled) =>
    `${bold ? '\u001b[1m' : ''}${underline ? '\u001b[4m' : ''}${fg ? `\u001b[${fg}m` : ''}${text}${fg ? '\u001b[39m' : ''}${underline ? '\u001b[24m' : ''}${bold ? '\u001b[22m' : ''}`;
  const cell = (ch: string, bold: boolean, underline: boolean, fg: number | null) =>
    `${ch}${bold ? 'B' : ''}${underline ? 'U' : ''}${fg ?? ''}`;
  /** The cells a terminal shows for one row of output: each visible character with its style. */
  const readRow = (row: string): string[] => {
    const cells: string[] = [];
    let bold = false;
    let underline = false;
    let fg: number | null = null;
    for (const part of row.split(/(\u001b\[[0-9;]*m)/)) {
      const codes = part.match(/^\u001b\[([0-9;]*)m$/);
      if (codes)
        for (const code of codes[1]!.split(';').map(Number)) {
          if (code === 0) [bold, underline, fg] = [false, false, null];
          else if (code === 1) bold = true;
          else if (code === 22) bold = false;
          else if (code === 4) underline = true;
          else if (code === 24) underline = false;
          else if (code === 39) fg = null;
          else fg = code;
        }
      else for (const ch of part) cells.push(cell(ch, bold, underline, fg));
    }
    return trimBlank(cells);
  };
  const trimBlank = (cells: string[]) => {
    let end = cells.length;
    while (end > 0 && cells[end - 1] === ' ') end--;
    return cells.slice(0, end);
  };
  const StyledRows = ({ rows }: { rows: readonly (readonly Styled[])[] }) => (
    <Box flexDirection="column">
      {rows.map((texts, i) => (
        <Box key={i}>
          {texts.map((t, k) => (
            <Text key={k}>{encode(t)}</Text>
          ))}
        </Box>
      ))}
    </Box>
  );
  it('draws each cell in the style of the text on it, however often rows come back (property)', () => {
    const rows = fc.array(fc.array(styled, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 4 });
    fc.assert(
      fc.property(fc.array(rows, { minLength: 2, maxLength: 4 }), (frames) => {
        const running = render(<StyledRows rows={frames[0]!} />);
        for (const [n, frame] of frames.entries()) {
          if (n > 0) running.rerender(<StyledRows rows={frames[n - 1]!} />);
          running.rerender(<StyledRows rows={frame} />);
          const shown = running.lastFrame()!.split('\n').map(readRow);
          const expected = frame.map((texts) =>
            trimBlank(texts.flatMap((t) => [...t.text].map((ch) => cell(ch, t.bold, t.underline, t.fg)))),
          );
          expect(shown).toEqual(expected);
        }
        running.unmount();
      }),
      { numRuns: 60 },
    );
  });

  // A row whose texts are all one-column characters, side by side, is built from runs of characters that share their
  // styles rather than from a grid of cells (tokenizing a line cost one token object per character). It must be the
  // very bytes the grid gives, for any styles, gaps and widths; rows that overlap, overflow or hold a wide character,
  // a zero-width one or a stray escape take the grid's path.
  it('draws a row from runs of characters byte for byte as from cells (property)', async () => {
    type Row = { drawRowByRuns(writes: unknown[]): string | null; drawRowByCells(writes: unknown[]): string };
    const { default: Output } = (await import(new URL('output.js', import.meta.resolve('ink')).href)) as {
      default: new (options: { width: number; height: number }) => Row;
    };
    const codes = [
      '1',
      '22',
      '2',
      '3',
      '23',
      '4',
      '24',
      '7',
      '27',
      '31',
      '39',
      '42',
      '49',
      '0',
      '1;31',
      '38;5;12',
      '38;2;1;2;3',
      '',
    ];
    const piece = fc.oneof(
      { weight: 3, arbitrary: fc.constantFrom('a', 'B', ' ', '.', '·', 'é', '—', '“', '…', '→', '█', '░', '⏎', '▶') },
      { weight: 2, arbitrary: fc.constantFrom(...codes).map((code) => `\u001b[${code}m`) },
      { weight: 1, arbitrary: fc.constantFrom('東', '🎉', 'e\u0301', '\u00ad', '\u001b', '\u001b[5', '\t') },
    );
    const line = fc.array(piece, { maxLength: 12 }).map((pieces) => pieces.join(''));
    const writes = fc.array(fc.tuple(fc.nat({ max: 30 }), line), { maxLength: 4 });
    let byRuns = 0;
    /** Where a row is drawn from runs, it is the row drawn from cells. */
    const sameRow = (width: number, flat: unknown[]) => {
      const output = new Output({ width, height: 1 });
      const runs = output.drawRowByRuns(flat);
      if (runs === null) return;
      byRuns++;
      expect(runs).toBe(output.drawRowByCells(flat));
    };
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 40 }), writes, (width, list) => {
        // Texts anywhere: over one another, past the width, out of order.
        sameRow(width, list.flat());
      }),
      { numRuns: 400 },
    );
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 60 }),
        fc.array(fc.tuple(fc.nat({ max: 3 }), line), { maxLength: 4 }),
        (width, list) => {
          // Texts side by side, left to right, as Ink lays out the texts of a row.
          let x = 0;
          const flat: unknown[] = [];
          for (const [gap, text] of list) {
            flat.push(x + gap, text);
            x += gap + text.replace(/\u001b\[[0-9;]*m/g, '').length;
          }
          sameRow(width, flat);
        },
      ),
      { numRuns: 400 },
    );
    // The runs' path is taken often enough for the comparison to mean something, and on a row like the UI's.
    expect(byRuns).toBeGreaterThan(150);
    const ui = [
      '\u001b[1m\u001b[36m▶ \u001b[39m\u001b[22m',
      'The council “approved” it — at last…',
      '\u001b[2m[fact]\u001b[22m',
    ];
    expect(new Output({ width: 80, height: 1 }).drawRowByRuns([0, ui[0], 2, ui[1], 40, ui[2]])).not.toBeNull();
  });
});
