import { wordListRule } from '../cue-rule.ts';

/** Deontic modals and calls to action: what someone ought to do is a stance, not a checkable fact. */
const RECOMMENDATIONS: readonly string[] = [
  'should',
  "shouldn't",
  'should not',
  'must',
  "mustn't",
  'ought to',
  'ought',
  'need to',
  'needs to',
  'has to',
  'have to',
  'let us',
  "let's",
  'it is time',
  "it's time",
  'time to',
  'it is essential',
  'it is vital',
  'it is crucial',
  'it is important',
  'we need',
  'we must',
  'we should',
  'deserve',
  'deserves',
  'imperative',
];

/** Recommendations as opinion cues. */
export const recommendationRule = wordListRule('recommendation', 'opinion', RECOMMENDATIONS, 1.3);
