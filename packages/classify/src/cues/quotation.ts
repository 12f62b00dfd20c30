import type { CueRule } from '../cue-rule.ts';
import { cue } from '../cue-rule.ts';

/**
 * Quoted material as a quote cue, weighted by how much of the sentence it covers. Short quotes (three words or fewer)
 * are scare quotes or titles, not reported speech; the evaluative rule picks those up instead.
 */
export const quotationRule: CueRule = {
  kind: 'quotation',
  find(view) {
    if (view.quoted.length === 0) return [];
    const total = view.text.replace(/\s+/g, '').length || 1;
    const out = [];
    for (const q of view.quoted) {
      const inner = view.text.slice(q.start, q.end);
      const wordCount = inner.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
      const carried = view.startsInQuote && q.start === 0;
      if (wordCount <= 3 && !carried && !(view.endsInQuote && q.end === view.text.length)) continue;
      const share = inner.replace(/\s+/g, '').length / total;
      out.push(cue(q.start, q.end, 'quotation', 'quote', 0.6 + 3 * share));
    }
    return out;
  },
};
