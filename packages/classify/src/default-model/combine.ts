import type { Label } from '@stance/schema';

/** Label scores of the default labeller over fact / quote / opinion / skip. */
export type CombinedScores = Record<Label, number>;

/**
 * How the two component decisions become one label when both say yes (skip is decided before, by the rules):
 * `opinion-first` (the guidelines' rule 2, the author's evaluation wins over a report), `quote-first` (rule 3, a
 * report is a quote unless the author evaluates it), `confident` (the component with the higher probability), or
 * `quotation-first` (quote-first for a sentence that holds a quotation of four or more words or continues one, the
 * guidelines' "inside a quotation → quote"; opinion-first for every other sentence, whose report the models cannot
 * tell from the author's own evaluation). Which order errs less is measured on train data (build.ts) and recorded in
 * the weights.
 */
export type CombineOrder = 'opinion-first' | 'quote-first' | 'confident' | 'quotation-first';

/** The orders, in the order a tie between them is broken (the first one, the guidelines' precedence, wins). */
export const COMBINE_ORDERS: readonly CombineOrder[] = ['opinion-first', 'quote-first', 'confident', 'quotation-first'];

/**
 * Combine the two component probabilities into one label. Each component decides at 0.5, because each was trained
 * class-balanced, so 0.5 is its decision under equal priors: no threshold is tuned to one split's label share. Only
 * the order (see CombineOrder) decides between the two when both say yes. The scores factorise the same way:
 * opinion-first gives opinion = p_o, quote = (1 − p_o)·p_q, fact = (1 − p_o)·(1 − p_q); quote-first the mirror;
 * confident gives each label the probability that it alone is right (p_o·(1 − p_q), p_q·(1 − p_o),
 * (1 − p_o)·(1 − p_q)) normalised to sum to 1, whose largest is the label chosen. `quotation` says whether the
 * sentence holds or continues a quotation (only `quotation-first` reads it).
 */
export function combineComponents(
  opinion: number,
  quote: number,
  order: CombineOrder = 'opinion-first',
  quotation = false,
): { label: Label; scores: CombinedScores } {
  if (order === 'quotation-first')
    return combineComponents(opinion, quote, quotation ? 'quote-first' : 'opinion-first');
  if (order === 'quote-first') {
    const scores: CombinedScores = {
      fact: (1 - quote) * (1 - opinion),
      quote,
      opinion: (1 - quote) * opinion,
      skip: 0,
    };
    return { label: quote >= 0.5 ? 'quote' : opinion >= 0.5 ? 'opinion' : 'fact', scores };
  }
  if (order === 'confident') {
    const o = opinion * (1 - quote);
    const q = quote * (1 - opinion);
    const f = (1 - opinion) * (1 - quote);
    const z = o + q + f;
    // Both certain (p = 1 each): nothing tells them apart; split evenly, the guidelines' precedence labels it.
    const scores: CombinedScores =
      z > 0 ? { fact: f / z, quote: q / z, opinion: o / z, skip: 0 } : { fact: 0, quote: 0.5, opinion: 0.5, skip: 0 };
    const label: Label = Math.max(opinion, quote) < 0.5 ? 'fact' : opinion >= quote ? 'opinion' : 'quote';
    return { label, scores };
  }
  const scores: CombinedScores = { fact: (1 - opinion) * (1 - quote), quote: (1 - opinion) * quote, opinion, skip: 0 };
  return { label: opinion >= 0.5 ? 'opinion' : quote >= 0.5 ? 'quote' : 'fact', scores };
}
