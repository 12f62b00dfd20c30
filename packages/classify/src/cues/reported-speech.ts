import type { Cue } from '@stance/schema';
import type { CueRule } from '../cue-rule.ts';
import { cue, matchPhrases, phraseSet } from '../cue-rule.ts';
import { SPEECH_VERBS } from './speech-verbs.ts';

// Attributed belief counts as reported speech (guidelines: "Critics argue…", "Many parents believe…" are quotes).
const BELIEF = [
  'believe',
  'believes',
  'believed',
  'think',
  'thinks',
  'expect',
  'expects',
  'fear',
  'fears',
  'concluded',
  'concludes',
  'recommended',
  'recommends',
  'contend',
  'argue',
  'insist',
  'warn',
  'say',
  'claim',
];
const VERBS = phraseSet([...SPEECH_VERBS, ...BELIEF, 'according to']);
const FIRST_PERSON = new Set(['i', 'we', 'you', "i've", "we've", "i'd", "we'd"]);

/**
 * Reported speech without quotation marks: "X said (that) …", "according to X, …". A speaker in the first person
 * ("I said that") is the writer's own voice, so it does not count.
 */
export const reportedSpeechRule: CueRule = {
  kind: 'reported-speech',
  find(view) {
    if (view.quoted.length > 0) return [];
    const out: Cue[] = [];
    const { tokens } = view;
    for (const s of matchPhrases(tokens, VERBS)) {
      const at = tokens.findIndex((t) => t.start === s.start);
      // A sentence does not open with a reporting verb; "Reports of…", "Posted by…" are a noun and a byline.
      const according = view.text.slice(s.start, s.end).toLowerCase() === 'according to';
      if (at === 0 && !according) continue;
      // "I said", "we would expect": the writer's own voice.
      if (tokens.slice(Math.max(0, at - 3), at).some((t) => FIRST_PERSON.has(t.lower))) continue;
      const after = tokens.find((t) => t.start >= s.end)?.lower;
      // "said that" is the clearest; a bare "said" early in a long clause is weaker evidence.
      const weight = according ? 1.6 : after === 'that' ? 1.8 : 1.3;
      out.push(cue(s.start, s.end, 'reported-speech', 'quote', weight));
    }
    return out;
  },
};
