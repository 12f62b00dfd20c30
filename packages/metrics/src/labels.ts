import { StanceError } from '@stance/schema';

/** Map each label of a fixed order to its index; duplicate labels are an input error. */
export function labelIndex(labels: readonly string[]): Map<string, number> {
  const index = new Map<string, number>();
  for (const label of labels) {
    if (index.has(label)) throw new StanceError(`label "${label}" is listed twice`, { where: 'labels' });
    index.set(label, index.size);
  }
  return index;
}

/** Labels in first-seen order, for callers that give no fixed order. */
export function labelsInOrder(...lists: readonly (readonly string[])[]): string[] {
  const seen = new Set<string>();
  for (const list of lists) for (const label of list) seen.add(label);
  return [...seen];
}

/** The index of `label`, or a StanceError naming where the unknown label came from. */
export function indexOfLabel(index: ReadonlyMap<string, number>, label: string, where: string): number {
  const i = index.get(label);
  if (i === undefined) {
    throw new StanceError(`label "${label}" is not one of ${[...index.keys()].join(', ')}`, { where });
  }
  return i;
}
