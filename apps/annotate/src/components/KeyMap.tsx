/** @jsxRuntime automatic */
/** @jsxImportSource react */
import { Text } from 'ink';

/** Props of KeyMap. */
export interface KeyMapProps {
  width: number;
  /** Adjudicating: the label keys decide, and there is no suggestion to accept. */
  adjudicating?: boolean;
}

const WIDE =
  'f/1 fact  q/2 quote  o/3 opinion  s/4 skip  ⏎ accept  u/⌫ undo\n←→ j/k move  n note  ! flag  g go to doc  ? help & guidelines  Esc quit';
const NARROW = 'f q o s label  ⏎ accept  u undo\n←→ move  n note  ! flag  g doc  ? help  Esc quit';

const WIDE_ADJUDICATE =
  'decide: f/1 fact  q/2 quote  o/3 opinion  s/4 skip  u/⌫ undo\n←→ j/k move  n note  ! flag  g go to doc  ? help & guidelines  Esc quit';
const NARROW_ADJUDICATE = 'decide: f q o s  u undo\n←→ move  n note  ! flag  g doc  ? help  Esc quit';

/** The keys, on two lines (a shorter form for narrow terminals). */
export function KeyMap({ width, adjudicating }: KeyMapProps) {
  const wide = width >= 72;
  return (
    <Text color="gray" wrap="truncate-end">
      {adjudicating ? (wide ? WIDE_ADJUDICATE : NARROW_ADJUDICATE) : wide ? WIDE : NARROW}
    </Text>
  );
}
