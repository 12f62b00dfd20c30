/** The label set, in display and class-index order. */
export const LABELS = ['fact', 'quote', 'opinion', 'skip'] as const;

/** One of the four sentence labels. */
export type Label = (typeof LABELS)[number];

/** The three labels that carry stance; `skip` marks fragments and boilerplate and is left out of profiles. */
export const STANCE_LABELS = ['fact', 'quote', 'opinion'] as const;

/** A label that carries stance (not `skip`). */
export type StanceLabel = (typeof STANCE_LABELS)[number];

/** True when `value` is one of the four labels. */
export function isLabel(value: unknown): value is Label {
  return typeof value === 'string' && (LABELS as readonly string[]).includes(value);
}

/** Class index of a label (its position in LABELS), as exported datasets number them. */
export function labelIndex(label: Label): number {
  return LABELS.indexOf(label);
}

/** One-letter key for each label in the annotation UI; digits 1-4 work too. */
export const LABEL_KEYS: Readonly<Record<Label, string>> = { fact: 'f', quote: 'q', opinion: 'o', skip: 's' };
