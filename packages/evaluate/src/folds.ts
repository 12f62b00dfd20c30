import { mulberry32 } from '@stance/metrics';
import { StanceError } from '@stance/schema';
import type { BenchItem } from './items.ts';
import { groupOf } from './items.ts';

/** Groups (documents, or single items without one) with their item indices, in first-seen order. */
export function groupItems(items: readonly BenchItem[]): { key: string; indices: number[] }[] {
  const byKey = new Map<string, number[]>();
  items.forEach((item, i) => {
    const key = groupOf(item);
    const list = byKey.get(key);
    if (list) list.push(i);
    else byKey.set(key, [i]);
  });
  return [...byKey].map(([key, indices]) => ({ key, indices }));
}

/** A seeded Fisher-Yates shuffle (a copy). */
export function seededShuffle<T>(values: readonly T[], seed: number): T[] {
  const next = mulberry32(seed);
  const out = [...values];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/** Standard deviation (population) of numbers; folds are compared with each other, not sampled. */
function spread(values: readonly number[]): number {
  const m = values.reduce((s, v) => s + v, 0) / values.length;
  return Math.sqrt(values.reduce((s, v) => s + (v - m) * (v - m), 0) / values.length);
}

/**
 * Assign each item to one of `k` folds, grouped (all items of a document in one fold) and stratified by label. The
 * method is scikit-learn's StratifiedGroupKFold(shuffle=True): groups are shuffled with the seed, ordered by how
 * unevenly their labels are spread (most uneven first), and each goes to the fold that keeps the folds' label shares
 * most alike (smallest mean spread across folds), ties to the fold with fewest items. Written here because no npm
 * library does grouped + stratified folds.
 */
export function groupedStratifiedFolds(items: readonly BenchItem[], k: number, seed: number): number[] {
  if (!Number.isInteger(k) || k < 2) throw new StanceError(`--cv takes a whole number ≥ 2, got ${k}`);
  const groups = groupItems(items);
  if (groups.length < k)
    throw new StanceError(`--cv ${k} needs at least ${k} documents (or items without "doc"), found ${groups.length}`);
  const labels = [...new Set(items.map((i) => i.label))].sort();
  const labelAt = new Map(labels.map((l, i) => [l, i]));
  const totals = labels.map(() => 0);
  const vectors = groups.map((g) => {
    const v = labels.map(() => 0);
    for (const i of g.indices) v[labelAt.get(items[i]!.label)!]! += 1;
    v.forEach((c, j) => {
      totals[j]! += c;
    });
    return { ...g, v };
  });
  const ordered = seededShuffle(vectors, seed)
    .map((g, order) => ({ g, order, uneven: spread(g.v) }))
    .sort((a, b) => b.uneven - a.uneven || a.order - b.order)
    .map((x) => x.g);
  const foldCounts = Array.from({ length: k }, () => labels.map(() => 0));
  const foldSizes = new Array<number>(k).fill(0);
  const foldOf = new Array<number>(items.length).fill(-1);
  for (const g of ordered) {
    let best = -1;
    let bestCost = Number.POSITIVE_INFINITY;
    for (let f = 0; f < k; f++) {
      let cost = 0;
      for (let j = 0; j < labels.length; j++) {
        const shares = foldCounts.map((counts, h) => (counts[j]! + (h === f ? g.v[j]! : 0)) / totals[j]!);
        cost += spread(shares);
      }
      cost /= labels.length;
      if (cost < bestCost - 1e-12 || (Math.abs(cost - bestCost) <= 1e-12 && foldSizes[f]! < foldSizes[best]!)) {
        best = f;
        bestCost = cost;
      }
    }
    g.v.forEach((c, j) => {
      foldCounts[best]![j]! += c;
    });
    foldSizes[best]! += g.indices.length;
    for (const i of g.indices) foldOf[i] = best;
  }
  return foldOf;
}

/**
 * A share of the training items for a learning curve, taken by whole documents in a seeded order, so the subsets are
 * nested (the 25% subset contains the 10% one) and no document is split. At least one group is always taken.
 */
export function trainingSubset(items: readonly BenchItem[], share: number, seed: number): BenchItem[] {
  if (!(share > 0 && share <= 1)) throw new StanceError(`a training share must be in (0, 1], got ${share}`);
  if (share === 1) return [...items];
  const target = share * items.length;
  const chosen: number[] = [];
  for (const g of seededShuffle(groupItems(items), seed)) {
    if (chosen.length > 0 && chosen.length + g.indices.length / 2 > target) break;
    chosen.push(...g.indices);
  }
  // Keep document order: trained models read a document's sentences in order.
  return chosen.sort((a, b) => a - b).map((i) => items[i]!);
}
