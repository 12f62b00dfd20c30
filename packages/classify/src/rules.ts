import type { Cue } from '@stance/schema';
import type { CueRule, SentenceView } from './cue-rule.ts';
import { attributionRule } from './cues/attribution.ts';
import { dateRule } from './cues/date.ts';
import { evaluativeRule } from './cues/evaluative.ts';
import { exclamationRule } from './cues/exclamation.ts';
import { firstPersonRule } from './cues/first-person.ts';
import { fragmentRule } from './cues/fragment.ts';
import { hedgeRule } from './cues/hedge.ts';
import { intensifierRule } from './cues/intensifier.ts';
import { modalRule } from './cues/modal.ts';
import { namedSourceRule } from './cues/named-source.ts';
import { numberRule } from './cues/number.ts';
import { predictionRule } from './cues/prediction.ts';
import { quotationRule } from './cues/quotation.ts';
import { recommendationRule } from './cues/recommendation.ts';
import { reportedSpeechRule } from './cues/reported-speech.ts';
import { rhetoricalQuestionRule } from './cues/rhetorical-question.ts';
import { superlativeRule } from './cues/superlative.ts';
import { scanQuotes } from './quotes.ts';
import { words } from './tokens.ts';

/** The cue families, in the order they run (and their cues are listed): quote evidence, opinion, fact, skip. */
export const CUE_RULES: readonly CueRule[] = [
  quotationRule,
  attributionRule,
  reportedSpeechRule,
  hedgeRule,
  modalRule,
  recommendationRule,
  predictionRule,
  evaluativeRule,
  intensifierRule,
  firstPersonRule,
  rhetoricalQuestionRule,
  exclamationRule,
  superlativeRule,
  dateRule,
  numberRule,
  namedSourceRule,
  fragmentRule,
];

/** Build the view of one sentence the cue rules read. */
export function viewSentence(text: string, startsInQuote = false): SentenceView {
  const scan = scanQuotes(text, startsInQuote);
  return { text, tokens: words(text), quoted: scan.quoted, startsInQuote, endsInQuote: scan.endsInQuote };
}

/** Every cue of every family in a sentence, in rule order. */
export function findCues(view: SentenceView): Cue[] {
  const out: Cue[] = [];
  for (const rule of CUE_RULES) for (const c of rule.find(view)) out.push(c);
  return out;
}
