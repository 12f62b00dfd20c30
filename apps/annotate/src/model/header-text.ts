import stringWidth from 'string-width';
import type { LearningStatus } from '../state/state.ts';

/** What the header's second line tells, with the parts that may be left out when the line is narrow. */
export interface AboutInput {
  annotator: string;
  order: string;
  /** Assigned documents come first. */
  assigned: boolean;
  blind: boolean;
  learning: LearningStatus;
  /** Wall-clock now (ms), for how long ago the model changed. */
  now: number;
}

/**
 * The header's second line, fitted to `width` columns by leaving out whole parts, least needed first, rather than
 * cutting the line at its end (which once cut `(blind…` off): the annotator, the order and `blind` always stay.
 */
export function aboutLine(input: AboutInput, width: number): string {
  const { learning } = input;
  const parts: { text: string; keep: number }[] = [
    { text: `annotator ${input.annotator}`, keep: 0 },
    {
      text: `order ${input.order}${input.assigned ? ', assigned first' : ''}${learning.ranking ? ' (ranking…)' : ''}`,
      keep: 0,
    },
  ];
  // Blind is said in full when there is room, else in one word; it is never left out.
  if (input.blind)
    parts.push({ text: 'blind: suggestions hidden until labelled', keep: 2 }, { text: 'blind', keep: -1 });
  parts.push({ text: `suggestions: ${learning.source}`, keep: 1 });
  if (learning.score)
    parts.push({
      text: `CV F1 ${learning.score.macroF1.toFixed(2)} on ${learning.score.examples} labels (${learning.score.previousName} ${learning.score.previous.toFixed(2)})`,
      keep: 3,
    });
  if (learning.training) parts.push({ text: 'retraining…', keep: 2 });
  else if (learning.updatedAt !== null) parts.push({ text: `updated ${ago(input.now - learning.updatedAt)}`, keep: 2 });
  for (let level = 3; level >= 0; level--) {
    const text = parts
      .filter((p) => (p.keep < 0 ? level < 2 : p.keep <= level))
      .map((p) => p.text)
      .join(' · ');
    if (stringWidth(text) <= width || level === 0) return text;
  }
  return '';
}

/** A duration as people say it: `just now`, `40 s ago`, `3 min ago`, `2 h ago`. */
export function ago(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  if (s < 5) return 'just now';
  if (s < 60) return `${s} s ago`;
  if (s < 3600) return `${Math.round(s / 60)} min ago`;
  return `${Math.round(s / 3600)} h ago`;
}
