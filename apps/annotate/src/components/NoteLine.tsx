/** @jsxRuntime automatic */
/** @jsxImportSource react */
import { Text } from 'ink';
import { oneLine } from '../model/fit-text.ts';

/** Props of NoteLine. */
export interface NoteLineProps {
  /** This annotator's notes on the current sentence, oldest first. */
  notes: readonly string[];
  width: number;
}

/** The newest note on the current sentence, on one line (and how many more there are); nothing without notes. */
export function NoteLine({ notes, width }: NoteLineProps) {
  const last = notes.at(-1);
  if (last === undefined) return null;
  const more = notes.length > 1 ? ` (+${notes.length - 1} earlier)` : '';
  const prefix = '  note: ';
  return (
    <Text color="yellow" wrap="truncate-end">
      {prefix}
      {oneLine(`“${last}”${more}`, Math.max(4, width - prefix.length))}
    </Text>
  );
}
