/** @jsxRuntime automatic */
/** @jsxImportSource react */
import { Text } from 'ink';
import { memo } from 'react';
import stringWidth from 'string-width';
import { useColor } from './color.ts';

/** Props of KeyMap. */
export interface KeyMapProps {
  width: number;
  /** Adjudicating: the label keys decide, and there is no suggestion to accept. */
  adjudicating?: boolean;
  /** `--blind`: there is no suggestion to accept either. */
  blind?: boolean;
  /** Rows to use (1 when the terminal is short of rows). @default 2 */
  rows?: 1 | 2;
  /** The whole-document view: `v` goes back. */
  documentView?: boolean;
}

/** The key map's rows for a width and a role: the fullest form that fits `width` columns (tested). */
export function keyMapRows({ width, adjudicating, blind, rows = 2, documentView }: KeyMapProps): string[] {
  const accept = adjudicating || blind ? '' : '  ⏎ accept';
  const labels = adjudicating ? 'decide: f q o s' : 'f q o s label';
  const open = adjudicating ? 'undecided' : 'unlabelled';
  const named = `${adjudicating ? 'decide: ' : ''}f/1 fact  q/2 quote  o/3 opinion  s/4 skip`;
  const forms: string[][] = documentView
    ? [
        [`v back to the sentence  ${labels}${accept}  ←→ move  ? help  Esc quit`],
        [`v back  ${labels}  ? help  Esc quit`],
      ]
    : rows === 1
      ? [[`${labels}${accept}  u undo  ←→ move  ? help  Esc quit`], [`${labels}  u undo  ? help  Esc`]]
      : [
          [
            `${named}${accept}  u/⌫ undo  n note  ! flag  g go to doc  / search`,
            `←→ j/k move  ]/[ next/previous ${open}  }/{ flagged  )/( noted  Space scroll  v whole document  ? help  Esc quit`,
          ],
          [
            `${named}${accept}  u/⌫ undo  n note  ! flag`,
            `←→ move  ][ ${open}  }{ flagged  )( noted  / find  v doc  ? help  Esc quit`,
          ],
          [`${labels}${accept}  u undo  n note  ! flag`, `←→ move  ] ${open}  / find  v doc  ? help  Esc quit`],
          [`${labels}${accept}  u undo`, '←→ move  ] next  ? help  Esc quit'],
        ];
  return forms.find((form) => form.every((row) => stringWidth(row) <= width)) ?? forms[forms.length - 1]!;
}

/** The keys, on one or two rows, in a form that fits the width. */
export const KeyMap = memo(function KeyMap(props: KeyMapProps) {
  const color = useColor();
  return (
    <Text {...color('gray')} wrap="truncate-end">
      {keyMapRows(props).join('\n')}
    </Text>
  );
});
