/** @jsxRuntime automatic */
/** @jsxImportSource react */
import { Box, Text } from 'ink';
import { memo } from 'react';
import { useColor } from './color.ts';

/** Props of ProgressBar. */
export interface ProgressBarProps {
  name: string;
  done: number;
  total: number;
  width: number;
}

/** `name [█████░░░░]  done/total  pct%`, the bar filling whatever width is left. */
export const ProgressBar = memo(function ProgressBar({ name, done, total, width }: ProgressBarProps) {
  const pct = total > 0 ? Math.floor((done / total) * 100) : 0;
  const tail = ` ${done}/${total} ${pct}%`;
  const barWidth = Math.max(5, width - name.length - tail.length - 4);
  const filled = total > 0 ? Math.min(barWidth, Math.round((done / total) * barWidth)) : 0;
  const color = useColor();
  // Three texts, not one: the bar itself changes only when a cell fills, so Ink reuses its drawing while the count
  // beside it changes with every label.
  return (
    <Box>
      <Text>{name} [</Text>
      <Text>
        <Text {...color('green')}>{'█'.repeat(filled)}</Text>
        <Text dimColor>{'░'.repeat(barWidth - filled)}</Text>
      </Text>
      <Text>]{tail}</Text>
    </Box>
  );
});
