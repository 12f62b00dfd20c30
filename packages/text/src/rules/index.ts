import { decideAbbreviation } from './decide-abbreviation.ts';
import { decideInitial } from './decide-initial.ts';
import { keepAfterTitle } from './keep-after-title.ts';
import { keepBeforeLowercase } from './keep-before-lowercase.ts';
import { keepBracketedEllipsis } from './keep-bracketed-ellipsis.ts';
import { keepNumberReference } from './keep-number-reference.ts';
import { keepOpeningEllipsis } from './keep-opening-ellipsis.ts';
import type { StopRule } from './rule.ts';
import { splitAfterAddress } from './split-after-address.ts';
import { splitAfterEmoticon } from './split-after-emoticon.ts';
import { splitAfterQuestion } from './split-after-question.ts';
import { splitAfterSalutation } from './split-after-salutation.ts';
import { splitAroundSeparator } from './split-around-separator.ts';
import { splitAroundTimestamp } from './split-around-timestamp.ts';
import { splitBeforeInlineList } from './split-before-inline-list.ts';
import { splitBeforeLowercase } from './split-before-lowercase.ts';
import { splitEllipsis } from './split-ellipsis.ts';
import { splitUnspaced } from './split-unspaced.ts';
import type { TokenRule } from './token-rule.ts';

export type { StopRule } from './rule.ts';
export type { TokenRule, TokenVerdict } from './token-rule.ts';

/** The stop rules in the order they run; the first that decides wins, and a stop nobody keeps ends the sentence. */
export const STOP_RULES: readonly StopRule[] = [
  splitAfterEmoticon,
  keepBracketedEllipsis,
  keepOpeningEllipsis,
  splitUnspaced,
  splitBeforeLowercase,
  keepBeforeLowercase,
  splitEllipsis,
  splitAfterQuestion,
  keepNumberReference,
  keepAfterTitle,
  decideInitial,
  decideAbbreviation,
];

/** The token rules, run where a token starts and at a `,` or `@` inside one; every verdict is applied. */
export const TOKEN_RULES: readonly TokenRule[] = [
  splitAroundTimestamp,
  splitAfterAddress,
  splitAfterSalutation,
  splitAroundSeparator,
  splitBeforeInlineList,
];

/**
 * The token rules by the ASCII code of the character they start at (empty for most): the scanner reaches every token,
 * and most open with a character no rule looks at.
 */
export const TOKEN_RULES_BY_CHAR: readonly (readonly TokenRule[])[] = Array.from({ length: 128 }, (_, c) =>
  TOKEN_RULES.filter((rule) => Array.from({ length: 128 }, (_, next) => rule.opens(c, next)).some(Boolean)),
);

/** 1 where some token rule opens on a character pair (`128 * c + next`, ASCII; 127 for any other next character). */
export const TOKEN_RULE_PAIRS: Uint8Array = Uint8Array.from({ length: 128 * 128 }, (_, k) =>
  TOKEN_RULES.some((rule) => rule.opens(k >> 7, k & 127)) ? 1 : 0,
);
