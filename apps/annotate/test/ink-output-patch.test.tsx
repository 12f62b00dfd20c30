/** @jsxRuntime automatic */
/** @jsxImportSource react */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { Box, Text } from 'ink';
import { render } from 'ink-testing-library';
import { describe, expect, it } from 'vitest';

// patches/ink@6.8.0.patch lets each frame reuse the previous frame's styled characters for lines that did not change
// (turning a line into styled characters was a sixth of the annotation UI's CPU while typing; docs/annotate.md), and
// imports throttle alone rather than es-toolkit's whole compat set (~370 ms of start-up). These
// tests fail if the patch is lost on an upgrade, or if a frame drawn after another ever differs from the same frame
// drawn afresh.
describe('Ink’s output, as patched for the annotation UI', () => {
  it('is the patched copy', () => {
    const entry = fileURLToPath(new URL('output.js', import.meta.resolve('ink')));
    expect(readFileSync(entry, 'utf8')).toContain('this.previous?.styledChars.get(line)');
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
});
