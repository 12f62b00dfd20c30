/** @jsxRuntime automatic */
/** @jsxImportSource react */
import type { Cue } from '@stance/schema';
import { Text } from 'ink';
import { memo } from 'react';
import { oneLine } from '../model/fit-text.ts';
import { whyText } from '../model/why-text.ts';

/** Props of WhyLine. */
export interface WhyLineProps {
  /** The current sentence's text (cue offsets index it). */
  text: string;
  cues: readonly Cue[];
  /** `--blind` before the label: the evidence is hidden with the suggestion. */
  hidden: boolean;
  /** The suggestion comes from a trained model (its weights decide; the cues are the rules' evidence). */
  trained: boolean;
  width: number;
}

/** Why the machine suggests what it does: the rules' cues in words, on one line. */
export const WhyLine = memo(function WhyLine({ text, cues, hidden, trained, width }: WhyLineProps) {
  const why = hidden
    ? 'hidden until you label (--blind)'
    : cues.length === 0
      ? trained
        ? 'no cue words; the model’s weights decide'
        : 'no cue words found, so the suggestion is a weak default'
      : whyText(text, cues);
  const prefix = trained && cues.length > 0 && !hidden ? 'why (rule cues): ' : 'why: ';
  return (
    <Text dimColor wrap="truncate-end">
      {prefix}
      {oneLine(why, Math.max(4, width - prefix.length))}
    </Text>
  );
});
