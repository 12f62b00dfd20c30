import type { Cue } from '@stance/schema';
import type { CueRule } from '../cue-rule.ts';
import { cue, inQuoted, matchPhrases, phraseSet } from '../cue-rule.ts';

/** Stance phrases in the writer's own voice: strong opinion evidence. */
const STANCE = new Set([
  'i think',
  'i believe',
  'i feel',
  'i suspect',
  'i doubt',
  'i hope',
  'i fear',
  'i wonder',
  'i guess',
  'i suppose',
  'i would argue',
  "i'd argue",
  'i argue',
  'in my view',
  'in my opinion',
  'to my mind',
  'it seems to me',
  'we think',
  'we believe',
  'i have never',
  "i've never",
  'i am convinced',
  "i'm convinced",
  'i am sure',
  "i'm sure",
  "let's",
  'let us',
  'we must',
  'we need',
  'we should',
]);
/** Bare first-person pronouns: weak evidence, since writers also report what they did and saw (a fact). */
const PRONOUNS = new Set([
  'i',
  'me',
  'my',
  'mine',
  'myself',
  'we',
  'us',
  'our',
  'ours',
  'ourselves',
  "i'm",
  "i've",
  "i'd",
  "we're",
  "we've",
  "we'd",
]);
const ALL = phraseSet([...STANCE, ...PRONOUNS]);

/** First-person stance as opinion cues; inside a quotation it is the speaker's voice, so it weighs little. */
export const firstPersonRule: CueRule = {
  kind: 'first-person',
  find(view) {
    return matchPhrases(view.tokens, ALL).map((s): Cue => {
      const phrase = view.text.slice(s.start, s.end).toLowerCase().replace(/’/g, "'");
      const weight = STANCE.has(phrase) ? 1.2 : 0.4;
      return cue(s.start, s.end, 'first-person', 'opinion', inQuoted(view, s) ? weight * 0.1 : weight);
    });
  },
};
