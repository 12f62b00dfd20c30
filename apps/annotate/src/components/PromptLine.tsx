/** @jsxRuntime automatic */
/** @jsxImportSource react */
import { Text } from 'ink';
import { oneLine } from '../model/fit-text.ts';

/** Props of PromptLine. */
export interface PromptLineProps {
  prompt: string;
  input: string;
  hint: string;
  width: number;
}

/** A one-line text prompt (note, jump) with the typed text and a block cursor. */
export function PromptLine({ prompt, input, hint, width }: PromptLineProps) {
  const room = Math.max(4, width - prompt.length - 3);
  // Show the end of long input: that is where the typing happens.
  const chars = [...oneLine(input, Number.MAX_SAFE_INTEGER)];
  const shown = chars.length > room ? `…${chars.slice(chars.length - room + 1).join('')}` : chars.join('');
  return (
    <Text wrap="truncate-end">
      <Text bold>{prompt} </Text>
      {shown}
      <Text inverse> </Text>
      {'\n'}
      <Text dimColor>{hint}</Text>
    </Text>
  );
}
