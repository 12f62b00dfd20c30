/** @jsxRuntime automatic */
/** @jsxImportSource react */
import type { Sentence } from '@stance/schema';
import { Text } from 'ink';
import { oneLine } from '../model/fit-text.ts';

/** Props of ContextLine. */
export interface ContextLineProps {
  sentence: Sentence | undefined;
  /** Shown when there is no sentence on this side, e.g. `(start of document)`. */
  edge: string;
  width: number;
}

/** A neighbouring sentence, dimmed, on one line: context for the current one. */
export function ContextLine({ sentence, edge, width }: ContextLineProps) {
  return (
    <Text dimColor wrap="truncate-end">
      {'  '}
      {sentence ? oneLine(sentence.text, Math.max(4, width - 2)) : edge}
    </Text>
  );
}
