/** @jsxRuntime automatic */
/** @jsxImportSource react */
import { Box, Text } from 'ink';
import { oneLine } from '../model/fit-text.ts';
import type { AboutInput } from '../model/header-text.ts';
import { aboutLine } from '../model/header-text.ts';
import type { Location } from '../state/selectors.ts';
import { useColor } from './color.ts';

/** Props of Header. */
export interface HeaderProps {
  location: Location;
  /** Who, in which order, and where suggestions come from (labelling); unused when adjudicating. */
  about: AboutInput;
  width: number;
  /** When adjudicating: the place in the disagreement queue (1-based), its length, and whose labels it compares. */
  adjudicating?: { at: number; of: number; annotators: readonly string[] } | undefined;
}

/** Document title and position, then who is annotating, in which order, and where suggestions come from. */
export function Header({ location, about, width, adjudicating }: HeaderProps) {
  const color = useColor();
  const queue = adjudicating
    ? `adjudicating: ${adjudicating.at} of ${adjudicating.of} ${adjudicating.of === 1 ? 'disagreement' : 'disagreements'} · `
    : '';
  const where = `${queue}doc ${location.docNumber}/${location.docCount} · sentence ${location.sentenceNumber}/${location.sentenceCount} · `;
  const title = oneLine(location.doc.title || location.doc.id, Math.max(4, width - where.length));
  const second = adjudicating
    ? `adjudicator ${about.annotator} · annotators ${adjudicating.annotators.join(', ') || '(none)'}`
    : aboutLine(about, width);
  return (
    <Box flexDirection="column">
      <Text wrap="truncate-end">
        <Text bold>{where}</Text>
        <Text bold {...color('cyan')}>
          {title}
        </Text>
      </Text>
      <Text dimColor wrap="truncate-end">
        {oneLine(second, width)}
      </Text>
    </Box>
  );
}
