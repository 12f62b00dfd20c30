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
  /**
   * A filter on the character at the token and the one after it (ASCII codes; 127 stands for any other character),
   * tabulated once: the scanner calls `decide` only where some rule's filter holds.
   */
  opens: (c: number, next: number) => boolean;
  /** The verdict on the token at `at`. */
  decide: (text: string, at: number, sentenceStart: number) => TokenVerdict | undefined;
}
