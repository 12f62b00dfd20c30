/** @jsxRuntime automatic */
/** @jsxImportSource react */
import type { Cue, Label } from '@stance/schema';
import { Box, Text } from 'ink';
import { highlightRuns, limitRuns } from '../model/fit-text.ts';
import { LABEL_COLOR } from './label-colors.ts';

/** Props of CurrentSentence. */
export interface CurrentSentenceProps {
  text: string;
  /** Cue spans to highlight (offsets into `text`); empty when suggestions are hidden. */
  cues: readonly Cue[];
  /** The label already given, if any. */
  label: Label | undefined;
  flagged: boolean;
  width: number;
  /** Lines the sentence may take; longer sentences are cut with `…`. */
  maxLines: number;
}

/** The sentence being labelled, bold, with its cue spans underlined in the colour of the label they point to. */
export function CurrentSentence({ text, cues, label, flagged, width, maxLines }: CurrentSentenceProps) {
  const inner = Math.max(10, width - 2);
  // Word wrapping loses part of each line; leave room so the cut lands inside the box, not past it.
  const runs = limitRuns(highlightRuns(text, cues), Math.floor(inner * maxLines * 0.85));
  const chars = runs.reduce((n, run) => n + run.text.length, 0);
  // A fixed height only when the sentence may need all of it, so short sentences leave no gap.
  const lines = Math.min(Math.max(1, maxLines), Math.ceil(chars / (inner * 0.85)));
  return (
    <Box flexDirection="row" width={width}>
      <Box width={2} flexShrink={0}>
        <Text bold color={label ? LABEL_COLOR[label] : 'green'}>
          {flagged ? '!' : '▶'}
        </Text>
      </Box>
      <Box width={inner} height={lines} overflow="hidden">
        <Text bold wrap="wrap">
          {runs.map((run, i) =>
            run.cue ? (
              <Text key={i} underline color={LABEL_COLOR[run.cue.label]}>
                {run.text}
              </Text>
            ) : (
              run.text
            ),
          )}
        </Text>
      </Box>
    </Box>
  );
}
