/** @jsxRuntime automatic */
/** @jsxImportSource react */
import { Box, Text } from 'ink';

/** Props of HelpScreen. */
export interface HelpScreenProps {
  lines: readonly string[];
  scroll: number;
  /** Rows available for text (the footer takes one more). */
  height: number;
}

/** The keys and the guidelines, scrolled to `scroll`. */
export function HelpScreen({ lines, scroll, height }: HelpScreenProps) {
  const rows = Math.max(1, height);
  const shown = lines.slice(scroll, scroll + rows);
  const last = Math.min(lines.length, scroll + rows);
  return (
    <Box flexDirection="column">
      {shown.map((line, i) => (
        <Text key={scroll + i} wrap="truncate-end">
          {line === '' ? ' ' : line}
        </Text>
      ))}
      <Text dimColor>
        lines {scroll + 1}-{last} of {lines.length} · ↑/↓ j/k scroll · PgUp/PgDn · Esc or ? closes
      </Text>
    </Box>
  );
}
