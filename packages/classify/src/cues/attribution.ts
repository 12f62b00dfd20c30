import type { Cue } from '@stance/schema';
import type { CueRule } from '../cue-rule.ts';
import { cue, inQuoted, matchPhrases, phraseSet } from '../cue-rule.ts';
import { SPEECH_VERBS } from './speech-verbs.ts';

const VERBS = phraseSet([...SPEECH_VERBS, 'according to', 'in the words of', 'quoted', 'quoting']);

/**
 * A speech verb (or "according to") outside quoted material in a sentence that also quotes someone: the
 * `“…,” he said.` and `She said: “…”` patterns, and a quote carried over from the previous sentence.
 */
export const attributionRule: CueRule = {
  kind: 'attribution',
  find(view) {
    if (view.quoted.length === 0) return [];
    const out: Cue[] = [];
    for (const s of matchPhrases(view.tokens, VERBS)) {
      if (!inQuoted(view, s)) out.push(cue(s.start, s.end, 'attribution', 'quote', 1.5));
    }
    return out;
  },
};
