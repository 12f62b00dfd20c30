import { stripControl } from '@stance/text';

/**
 * A line of stderr as the terminal may show it. File names come from users' folders: an escape sequence in one could
 * set the clipboard (OSC 52) or clear the screen, and a newline in one would split a one-line error in two.
 */
export function terminalSafe(line: string): string {
  return stripControl(line).replaceAll('\n', '\\n').replaceAll('\t', ' ');
}
