import { useStdout } from 'ink';
import { useEffect, useState } from 'react';

/** Terminal size in columns and rows. */
export interface TerminalSize {
  columns: number;
  rows: number;
}

/** The terminal's size, updated on resize; 80x24 when the stream does not say (a pipe, a test stream). */
export function useTerminalSize(): TerminalSize {
  const { stdout } = useStdout();
  const [size, setSize] = useState<TerminalSize>(() => ({ columns: stdout.columns || 80, rows: stdout.rows || 24 }));
  useEffect(() => {
    let columns = stdout.columns || 80;
    const onResize = () => {
      const next = { columns: stdout.columns || 80, rows: stdout.rows || 24 };
      // When the width changes the terminal re-wraps the old frame into more (or fewer) lines than Ink erases, which
      // leaves pieces of it on screen; wipe the screen first. The new frame always differs (the bars take the width),
      // so Ink draws it in full.
      if (next.columns !== columns && stdout.isTTY) stdout.write('\u001b[2J\u001b[3J\u001b[H');
      columns = next.columns;
      setSize(next);
    };
    stdout.on('resize', onResize);
    return () => {
      stdout.off('resize', onResize);
    };
  }, [stdout]);
  return size;
}
