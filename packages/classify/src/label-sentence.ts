import type { Cue, Label, LabelScores, Prediction } from '@stance/schema';
import { LABELS } from '@stance/schema';
import { openAfter, startsQuoted } from './context.ts';
import { findCues, viewSentence } from './rules.ts';

/** What the rules know of a sentence's neighbours. */
export interface SentenceContext {
  /** A quotation opened in an earlier sentence is still open where this one starts. @default false */
  inQuote?: boolean;
}

/** The label every sentence starts from: a plain statement is a fact until cues say otherwise. */
const PRIOR: Readonly<Record<Label, number>> = { fact: 0.6, quote: 0, opinion: 0, skip: 0 };

// Evaluative words after "X said/argues/believes" are usually the reported view, not the writer's (guidelines:
// "Critics argue the plan is reckless." is a quote), so they count for less.
const REPORTED_CONTENT_FACTOR = 0.3;
const WORD_LEVEL = new Set(['evaluative', 'intensifier', 'hedge', 'modal', 'superlative', 'first-person']);

/** Sum cue weights per label on top of the prior; the label with the highest score wins (ties: LABELS order). */
export function scoreCues(cues: readonly Cue[]): Record<Label, number> {
  const scores = { ...PRIOR };
  let reportedFrom = Number.POSITIVE_INFINITY;
  for (const c of cues) if (c.kind === 'reported-speech' && c.end < reportedFrom) reportedFrom = c.end;
  for (const c of cues) {
    const factor =
      c.label === 'opinion' && WORD_LEVEL.has(c.kind) && c.start >= reportedFrom ? REPORTED_CONTENT_FACTOR : 1;
    scores[c.label] += c.weight * factor;
  }
  return scores;
}

/** Softmax of raw scores, so confidence is a share in (0, 1]. */
function softmax(raw: Record<Label, number>): LabelScores {
  const max = Math.max(...LABELS.map((l) => raw[l]));
  let sum = 0;
  const exp: Record<string, number> = {};
  for (const l of LABELS) {
    exp[l] = Math.exp(raw[l] - max);
    sum += exp[l];
  }
  const out: LabelScores = {};
  for (const l of LABELS) out[l] = Math.round((exp[l]! / sum) * 1e4) / 1e4;
  return out;
}

/** Label one sentence by the rules: label, confidence, per-label scores and the cue spans that explain it. */
export function labelSentence(text: string, context: SentenceContext = {}): Prediction {
  return predictFromView(text, context.inQuote ?? false).prediction;
}

/** Label a sentence and report whether a quotation is still open at its end. */
export function predictFromView(text: string, inQuote: boolean): { prediction: Prediction; endsInQuote: boolean } {
  const view = viewSentence(text, inQuote);
  const cues = findCues(view);
  const raw = scoreCues(cues);
  let label: Label = 'fact';
  for (const l of LABELS) if (raw[l] > raw[label]) label = l;
  const scores = softmax(raw);
  return { prediction: { label, confidence: scores[label] ?? 0, scores, cues }, endsInQuote: view.endsInQuote };
}

/**
 * Label the sentences of one document in order, carrying an open quotation from one sentence into the next
 * (`startsInQuote`: one is open where the first starts; `blockQuoted`: which sit in a quotation the layout shows, see
 * PredictOptions).
 */
export function labelDocument(
  texts: readonly string[],
  startsInQuote = false,
  blockQuoted?: readonly boolean[],
): Prediction[] {
  let open = startsInQuote;
  return texts.map((text, i) => {
    const { prediction, endsInQuote } = predictFromView(text, startsQuoted(open, blockQuoted, i));
    open = openAfter(endsInQuote, blockQuoted, i);
    return prediction;
  });
}
