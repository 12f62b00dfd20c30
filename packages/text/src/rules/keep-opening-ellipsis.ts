import type { StopRule } from './rule.ts';

/** An ellipsis that opens a sentence (`...and then it rained`, `...Now comes the fun part`) leads into it. */
export const keepOpeningEllipsis: StopRule = (_text, stop) =>
  stop.kind === 'ellipsis' && stop.start === stop.sentenceStart ? false : undefined;
