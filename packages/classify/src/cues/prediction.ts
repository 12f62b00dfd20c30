import { wordListRule } from '../cue-rule.ts';

/** The writer's forecasts: "is bound to", "will surely"… Plain "will" is left out; news uses it for schedules. */
const PREDICTIONS: readonly string[] = [
  'bound to',
  'is going to',
  'are going to',
  'will surely',
  'will certainly',
  'will inevitably',
  'inevitably',
  'sooner or later',
  'in the long run',
  'will never',
  'will soon',
  'doomed',
  'destined',
  'will end up',
  'will likely',
  'is poised to',
  'mark my words',
  'will only',
  'will be remembered',
];

/** Predictions as opinion cues. */
export const predictionRule = wordListRule('prediction', 'opinion', PREDICTIONS, 0.6);
