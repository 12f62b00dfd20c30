import { describe, expect, it } from 'vitest';
import { commentaryProfile } from '../src/index.ts';

describe('commentaryProfile', () => {
  it('counts the three stance labels and leaves skip out of the shares', () => {
    expect(commentaryProfile(['fact', 'opinion', 'opinion', 'quote', 'skip'])).toEqual({
      sentences: 5,
      skipped: 1,
      counts: { fact: 1, quote: 1, opinion: 2 },
      shares: { fact: 0.25, quote: 0.25, opinion: 0.5 },
    });
  });

  it('gives zero shares for an empty document', () => {
    expect(commentaryProfile([]).shares).toEqual({ fact: 0, quote: 0, opinion: 0 });
  });
});
