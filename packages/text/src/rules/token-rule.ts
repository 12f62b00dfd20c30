/**
 * A token rule's verdict on the token it looked at: end the sentence before the token, and/or after it (`after` is the
 * offset where the token ends, or -1).
 */
export interface TokenVerdict {
  before: boolean;
  after: number;
}

/**
 * A token rule: called where a token starts (after white space) and where an `@` sits inside one; looks at a bounded
 * window and decides, or returns `undefined`. `sentenceStart` is where the current sentence began (-1 before it has).
 */
export type TokenRule = (text: string, at: number, sentenceStart: number) => TokenVerdict | undefined;
