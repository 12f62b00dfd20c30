import type { Label } from '@stance/schema';

/** Label scores of the default labeller over fact / quote / opinion / skip. */
export type CombinedScores = Record<Label, number>;

/**
 * Combine the two component probabilities into one label, in the guidelines' precedence (skip is decided before,
 * by the rules): the author's own evaluation wins over a report, so **opinion** when the opinion model says so
 * (p ≥ 0.5), else **quote** when the quote model does, else **fact**. Each component decides at 0.5 because each was
 * trained class-balanced, so 0.5 is its decision under equal priors: no threshold is tuned to one split's label share.
 * The scores factorise the same way: opinion = p_o, quote = (1 − p_o)·p_q, fact = (1 − p_o)·(1 − p_q).
 */
export function combineComponents(opinion: number, quote: number): { label: Label; scores: CombinedScores } {
  const scores: CombinedScores = {
    fact: (1 - opinion) * (1 - quote),
    quote: (1 - opinion) * quote,
    opinion,
    skip: 0,
  };
  const label: Label = opinion >= 0.5 ? 'opinion' : quote >= 0.5 ? 'quote' : 'fact';
  return { label, scores };
}
