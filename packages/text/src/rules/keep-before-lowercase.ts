import { isLower, isOpener } from '../chars.ts';
import type { StopRule } from './rule.ts';

/** A sentence does not start with a lower-case word: `co. at noon`, `Yahoo! in`, `“Great.” she said`, `... well`. */
export const keepBeforeLowercase: StopRule = (text, stop) => {
  let i = stop.next;
  while (i - stop.next < 3 && isOpener(text.charCodeAt(i))) i++;
  return isLower(text.charCodeAt(i)) ? false : undefined;
};
