import type { Label } from '@stance/schema';
import type { Io } from './command.ts';

/** ANSI styling that turns itself off for NO_COLOR and for output that is not a terminal. */
export interface Style {
  enabled: boolean;
  paint(text: string, codes: string): string;
  label(label: Label, text?: string): string;
  dim(text: string): string;
  bold(text: string): string;
}

/** SGR codes for each label's colour. */
export const LABEL_SGR: Readonly<Record<Label, string>> = { fact: '34', quote: '35', opinion: '33', skip: '90' };

/** Styling for a stream: colour only on a TTY and only when NO_COLOR is unset (https://no-color.org). */
export function styleFor(stream: Io['stdout'], env: NodeJS.ProcessEnv): Style {
  const enabled =
    stream.isTTY === true && (env['NO_COLOR'] === undefined || env['NO_COLOR'] === '') && env['TERM'] !== 'dumb';
  const paint = (text: string, codes: string) => (enabled ? `\u001b[${codes}m${text}\u001b[0m` : text);
  return {
    enabled,
    paint,
    label: (label, text = label) => paint(text, LABEL_SGR[label]),
    dim: (text) => paint(text, '2'),
    bold: (text) => paint(text, '1'),
  };
}
