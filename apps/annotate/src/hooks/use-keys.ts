import { useStdin } from 'ink';
import { useEffect } from 'react';

/**
 * Call `onInput` with every input event as Ink's input parser splits it (an escape sequence on its own, or a run of
 * plain characters), in raw mode, while `active`. Ink's `useInput` is not used: it decodes each event as one key, so
 * several keys in one read were dropped (see decodeKeys). Ink's stdin context is still what reads the terminal, so
 * raw mode, Ctrl-C handling and the pending-escape timer stay Ink's.
 */
export function useKeys(onInput: (event: string) => void, active: boolean): void {
  const { setRawMode, internal_eventEmitter: events } = useStdin();
  useEffect(() => {
    if (!active) return;
    setRawMode(true);
    return () => setRawMode(false);
  }, [active, setRawMode]);
  useEffect(() => {
    if (!active) return;
    events.on('input', onInput);
    return () => {
      events.off('input', onInput);
    };
  }, [active, events, onInput]);
}
