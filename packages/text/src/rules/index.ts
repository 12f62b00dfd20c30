import { decideAbbreviation } from './decide-abbreviation.ts';
import { decideInitial } from './decide-initial.ts';
import { keepAfterTitle } from './keep-after-title.ts';
import { keepBeforeLowercase } from './keep-before-lowercase.ts';
import { keepBracketedEllipsis } from './keep-bracketed-ellipsis.ts';
import { keepNumberReference } from './keep-number-reference.ts';
import type { StopRule } from './rule.ts';
import { splitAfterQuestion } from './split-after-question.ts';
import { splitEllipsis } from './split-ellipsis.ts';
import { splitUnspaced } from './split-unspaced.ts';

export type { StopRule } from './rule.ts';

/** The stop rules in the order they run; the first that decides wins, and a stop nobody keeps ends the sentence. */
export const STOP_RULES: readonly StopRule[] = [
  keepBracketedEllipsis,
  splitUnspaced,
  keepBeforeLowercase,
  splitEllipsis,
  splitAfterQuestion,
  keepNumberReference,
  keepAfterTitle,
  decideInitial,
  decideAbbreviation,
];
