/** @jsxRuntime automatic */
/** @jsxImportSource react */
import { Text, useApp, useStdin } from 'ink';
import { useCallback, useEffect, useMemo } from 'react';
import { useAnnotation } from '../hooks/use-annotation.ts';
import { useKeys } from '../hooks/use-keys.ts';
import { useTerminalSize } from '../hooks/use-terminal-size.ts';
import { helpLines } from '../model/help-text.ts';
import type { AnnotateSession } from '../session/session.ts';
import { HelpScreen } from './HelpScreen.tsx';
import { LabelScreen } from './LabelScreen.tsx';

/** Props of App. */
export interface AppProps {
  session: AnnotateSession;
  /** Called once when the user quits, before Ink unmounts. */
  onQuit?: () => void;
}

/** Smallest terminal the screen is laid out for. */
export const MIN_SIZE = { columns: 40, rows: 16 } as const;

/** The annotation UI: the labelling screen, or help with the guidelines. */
export function App({ session, onQuit }: AppProps) {
  const { exit } = useApp();
  const quit = useCallback(() => {
    onQuit?.();
    exit();
  }, [onQuit, exit]);
  const { state, handleInput } = useAnnotation(session, quit);
  const { order, pos } = state;
  // Once the frame is out, in idle time: the suggestions of the sentences one keystroke away, so that stepping into
  // a document not seen yet does not label it while the key waits. A key that comes first cancels it.
  useEffect(() => {
    if (session.adjudication !== null) return;
    const timer = setTimeout(() => {
      for (const p of [order[pos + 1], order[pos - 1]]) if (p !== undefined) session.suggester.warm(p);
    }, 0);
    return () => clearTimeout(timer);
  }, [session, order, pos]);
  const { columns, rows } = useTerminalSize();
  const { isRawModeSupported } = useStdin();
  const adjudicating = session.adjudication !== null;
  const help = useMemo(
    () => helpLines(session.guideline, columns - 1, adjudicating),
    [session.guideline, columns, adjudicating],
  );
  const helpHeight = rows - 2;
  // Keys need raw mode; without a TTY it would throw, so they are only read where it works.
  const helpMax = help.length - helpHeight;
  const onInput = useCallback((event: string) => handleInput(event, helpMax), [handleInput, helpMax]);
  useKeys(onInput, isRawModeSupported === true);
  if (columns < MIN_SIZE.columns || rows < MIN_SIZE.rows)
    return (
      <Text>
        terminal too small ({columns}x{rows}); needs {MIN_SIZE.columns}x{MIN_SIZE.rows}. Esc quits.
      </Text>
    );
  if (state.mode === 'help') return <HelpScreen lines={help} scroll={state.helpScroll} height={helpHeight} />;
  return <LabelScreen session={session} state={state} columns={columns} rows={rows} />;
}
