/** @jsxRuntime automatic */
/** @jsxImportSource react */
import type { Label } from '@stance/schema';
import { Box, Text } from 'ink';
import type { AnnotatorView } from '../model/disagreement-queue.ts';
import { oneLine } from '../model/fit-text.ts';
import { useColor } from './color.ts';
import { LABEL_COLOR } from './label-colors.ts';

/** Props of AnnotatorViews. */
export interface AnnotatorViewsProps {
  views: readonly AnnotatorView[];
  /** The adjudicator's current decision on this sentence, if any. */
  decision: Label | undefined;
  width: number;
  /** Lines the list of annotators may take (at least 1); the rest are summed up as `+N more`. */
  maxLines: number;
}

/**
 * The adjudication panel: one line per annotator with their label and notes (corpus and note text cleaned by
 * `oneLine`), then the adjudicator's decision.
 */
export function AnnotatorViews({ views, decision, width, maxLines }: AnnotatorViewsProps) {
  const color = useColor();
  const nameWidth = Math.min(16, Math.max(0, ...views.map((v) => v.annotator.length)));
  const room = Math.max(1, maxLines);
  const shown = views.length > room ? views.slice(0, room - 1) : views;
  const hidden = views.length - shown.length;
  return (
    <Box flexDirection="column">
      {views.length === 0 ? <Text dimColor>no annotator labels</Text> : null}
      {shown.map((v) => {
        const name = oneLine(v.annotator, nameWidth).padEnd(nameWidth);
        const label = (v.label ?? '–').padEnd(8);
        const notes = v.notes.map((n) => `“${n}”`).join(' · ');
        const rest = Math.max(4, width - nameWidth - 11);
        return (
          <Text key={v.annotator} wrap="truncate-end">
            {'  '}
            {name} <Text {...color(v.label ? LABEL_COLOR[v.label] : 'gray')}>{label}</Text>
            {notes ? <Text dimColor>{oneLine(notes, rest)}</Text> : null}
          </Text>
        );
      })}
      {hidden > 0 ? <Text dimColor>{`  +${hidden} more`}</Text> : null}
      <Text>
        decision:{' '}
        {decision ? (
          <Text bold {...color(LABEL_COLOR[decision])}>
            {decision}
          </Text>
        ) : (
          <Text dimColor>none yet</Text>
        )}
      </Text>
    </Box>
  );
}
