/** @jsxRuntime automatic */
/** @jsxImportSource react */
import type { Label } from '@stance/schema';
import { Box, Text } from 'ink';
import { memo } from 'react';
import type { Suggested } from '../model/suggester.ts';
import type { Reveal } from '../state/actions.ts';
import { useColor } from './color.ts';
import { LABEL_COLOR } from './label-colors.ts';

/** Props of SuggestionLine. */
export interface SuggestionLineProps {
  suggestion: Suggested;
  /** `--blind`: the suggestion stays hidden until the label is given. */
  blind: boolean;
  /** The label given to this sentence, if any. */
  label: Label | undefined;
  /** Blind mode: the previous sentence's label next to what was suggested for it. */
  reveal: Reveal | null;
}

/** The suggestion, its confidence and model (or, when blind, what it was for the sentence just labelled). */
export const SuggestionLine = memo(function SuggestionLine({ suggestion, blind, label, reveal }: SuggestionLineProps) {
  const color = useColor();
  return (
    <Box flexDirection="row" gap={2}>
      {suggestion.error !== undefined ? (
        <Text {...color('red')} wrap="truncate-end">
          no suggestion: the labeler failed ({suggestion.error})
        </Text>
      ) : suggestion.pending && !blind ? (
        <Text dimColor>suggestion … ({suggestion.model})</Text>
      ) : blind ? (
        <Text dimColor>
          suggestion hidden
          {reveal
            ? ` · last: you ${reveal.given}, ${reveal.model} ${reveal.suggested} ${percent(reveal.confidence)}${reveal.given === reveal.suggested ? ' (agree)' : ''}`
            : ''}
        </Text>
      ) : (
        <Text>
          suggestion{' '}
          <Text bold {...color(LABEL_COLOR[suggestion.label])}>
            {suggestion.label}
          </Text>{' '}
          {percent(suggestion.confidence)} <Text dimColor>({suggestion.model}) ⏎ accepts</Text>
        </Text>
      )}
      {label ? (
        <Text>
          labelled{' '}
          <Text bold {...color(LABEL_COLOR[label])}>
            {label}
          </Text>
        </Text>
      ) : (
        <Text dimColor>not labelled</Text>
      )}
    </Box>
  );
});

function percent(value: number): string {
  return `${Math.round(value * 100)}%`;
}
