import type { CueRule } from '../cue-rule.ts';
import { cue } from '../cue-rule.ts';
import { nonSpaceLength, wordCount } from '../text-counts.ts';

/**
 * Quoted material as a quote cue, weighted by how much of the sentence it covers. Short quotes (three words or fewer)
 * are scare quotes or titles, not reported speech; the evaluative rule picks those up instead.
 */
export const quotationRule: CueRule = {
  kind: 'quotation',
  find(view) {
    // A sentence of no words (`***` between paragraphs of a quotation) quotes nothing; the fragment rule makes it skip.
    if (view.quoted.length === 0 || view.tokens.length === 0) return [];
    const text = view.text;
    const total = nonSpaceLength(text, 0, text.length) || 1;
    const out = [];
    for (const q of view.quoted) {
      const words = wordCount(text, q.start, q.end);
      const carried = view.startsInQuote && q.start === 0;
      if (words <= 3 && !carried && !(view.endsInQuote && q.end === text.length)) continue;
      const share = nonSpaceLength(text, q.start, q.end) / total;
      out.push(cue(q.start, q.end, 'quotation', 'quote', 0.6 + 3 * share));
    }
    return out;
  },
};
