import { LABELS } from '@stance/schema';
import type { BenchItem } from './items.ts';

/** Marks a prediction outside the data's label set (scored as wrong; see `mapModelLabel`). */
export const OUTSIDE = '(outside)';

/**
 * The labels a benchmark scores, in a fixed order: the stance labels in schema order when the data uses only those,
 * else every label of the data sorted, so the order (and macro-F1) never depends on which line came first.
 */
export function evaluationLabels(...lists: readonly (readonly BenchItem[])[]): string[] {
  const seen = new Set<string>();
  for (const list of lists) for (const item of list) seen.add(item.label);
  const stance = LABELS as readonly string[];
  if ([...seen].every((l) => stance.includes(l))) return stance.filter((l) => seen.has(l));
  return [...seen].sort();
}

/** The opinion class and the "rest" class of a binary opinion-vs-rest label set, or null for any other set. */
export function binaryOpinion(labels: readonly string[]): { opinion: string; rest: string } | null {
  if (labels.length !== 2) return null;
  const [a, b] = labels as [string, string];
  if (a === 'opinion') return { opinion: a, rest: b };
  if (b === 'opinion') return { opinion: b, rest: a };
  if (labels.includes('SUBJ') && labels.includes('OBJ')) return { opinion: 'SUBJ', rest: 'OBJ' };
  return null;
}

/**
 * The label that stands for "opinion" in a document's opinion share: `opinion`, else `SUBJ`; null when the data has
 * neither (then there is no document-level figure).
 */
export function opinionLabel(labels: readonly string[]): string | null {
  if (labels.includes('opinion')) return 'opinion';
  if (labels.includes('SUBJ')) return 'SUBJ';
  return null;
}

/**
 * Map a built-in model's label (the rules output fact/quote/opinion/skip; a saved model its own labels) onto the
 * data's label set. A label the data has stays. On a binary opinion-vs-rest set (`opinion` + one other label, or
 * SUBJ/OBJ), `opinion` becomes the opinion class and every other label (fact, quote, skip) the other class. Anything
 * else becomes OUTSIDE: it counts against the recall of the item's gold class and toward no class's precision, as
 * scikit-learn's `f1_score(labels=L)` treats a prediction outside L.
 */
export function mapModelLabel(label: string, labels: readonly string[]): string {
  if (labels.includes(label)) return label;
  const binary = binaryOpinion(labels);
  if (binary) return label === 'opinion' ? binary.opinion : binary.rest;
  return OUTSIDE;
}
