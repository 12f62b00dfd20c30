/** @jsxRuntime automatic */
/** @jsxImportSource react */
import { Box, Text } from 'ink';
import { useColor } from './color.ts';

/** Props of ProgressBar. */
export interface ProgressBarProps {
  name: string;
  done: number;
  total: number;
  width: number;
}

/** `name [█████░░░░]  done/total  pct%`, the bar filling whatever width is left. */
export function ProgressBar({ name, done, total, width }: ProgressBarProps) {
  const pct = total > 0 ? Math.floor((done / total) * 100) : 0;
  const tail = ` ${done}/${total} ${pct}%`;
  const barWidth = Math.max(5, width - name.length - tail.length - 4);
  const filled = total > 0 ? Math.min(barWidth, Math.round((done / total) * barWidth)) : 0;
  const color = useColor();
  return (
    <Box>
      <Text>
        {name} [<Text {...color('green')}>{'█'.repeat(filled)}</Text>
        <Text dimColor>{'░'.repeat(barWidth - filled)}</Text>]{tail}
      </Text>
    </Box>
  );
}
