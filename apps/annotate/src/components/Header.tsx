/** @jsxRuntime automatic */
/** @jsxImportSource react */
import { Box, Text } from 'ink';
import { oneLine } from '../model/fit-text.ts';
import type { Location } from '../state/selectors.ts';

/** Props of Header. */
export interface HeaderProps {
  location: Location;
  annotator: string;
  order: string;
  /** Where suggestions come from, e.g. `rules` or `model nb-2026`. */
  source: string;
  blind: boolean;
  width: number;
}

/** Document title and position, then who is annotating, in which order, and where suggestions come from. */
export function Header({ location, annotator, order, source, blind, width }: HeaderProps) {
  const where = `doc ${location.docNumber}/${location.docCount} · sentence ${location.sentenceNumber}/${location.sentenceCount} · `;
  const title = oneLine(location.doc.title || location.doc.id, Math.max(4, width - where.length));
  const about = `annotator ${annotator} · order ${order} · suggestions: ${source}${blind ? ' (blind: hidden until labelled)' : ''}`;
  return (
    <Box flexDirection="column">
      <Text wrap="truncate-end">
        <Text bold>{where}</Text>
        <Text bold color="cyan">
          {title}
        </Text>
      </Text>
      <Text dimColor wrap="truncate-end">
        {about}
      </Text>
    </Box>
  );
}
