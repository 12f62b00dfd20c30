/** @jsxRuntime automatic */
/** @jsxImportSource react */
import { Text } from 'ink';
import { memo } from 'react';
import { useColor } from './color.ts';

/** Props of StatusLine. */
export interface StatusLineProps {
  message: string | null;
}

/** The last thing worth saying (saved, undone, an error); one line, blank when there is nothing. */
export const StatusLine = memo(function StatusLine({ message }: StatusLineProps) {
  const color = useColor();
  return (
    <Text {...color('cyan')} wrap="truncate-end">
      {message ?? ' '}
    </Text>
  );
});
