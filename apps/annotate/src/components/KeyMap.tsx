/** @jsxRuntime automatic */
/** @jsxImportSource react */
import { Text } from 'ink';

/** Props of KeyMap. */
export interface KeyMapProps {
  width: number;
}

const WIDE =
  'f/1 fact  q/2 quote  o/3 opinion  s/4 skip  ⏎ accept  u/⌫ undo\n←→ j/k move  n note  ! flag  g go to doc  ? help & guidelines  Esc quit';
const NARROW = 'f q o s label  ⏎ accept  u undo\n←→ move  n note  ! flag  g doc  ? help  Esc quit';

/** The keys, on two lines (a shorter form for narrow terminals). */
export function KeyMap({ width }: KeyMapProps) {
  return (
    <Text color="gray" wrap="truncate-end">
      {width >= 72 ? WIDE : NARROW}
    </Text>
  );
}
