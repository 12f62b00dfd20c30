/**
 * A token rule's verdict on the token it looked at: end the sentence before the token, and/or after it (`after` is the
 * offset where the token ends, or -1).
 */
export interface TokenVerdict {
  before: boolean;
  after: number;
}

/**
 * A token rule: runs where a token starts (after white space) and at an `@` or `,` inside one, when `opens` accepts the
 * character there; looks at a bounded window and decides, or returns `undefined`. `sentenceStart` is where the current
 * sentence began (-1 before it has).
 */
export interface TokenRule {
  /** A cheap filter on the (ASCII) character code at the token: the scanner skips the rule for any other character. */
  opens: (c: number) => boolean;
  /** The verdict on the token at `at`. */
  decide: (text: string, at: number, sentenceStart: number) => TokenVerdict | undefined;
}
