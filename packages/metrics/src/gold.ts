import { StanceError } from '@stance/schema';
import { groupByUnit, type Judgement } from './judgements.ts';

/** A decision made by an adjudicator; it overrides whatever the annotators said. */
export interface Adjudication {
  unit: string;
  label: string;
}

/** Where a gold label came from. */
export type GoldSource = 'adjudicated' | 'unanimous' | 'majority';

/** A unit's gold label with its provenance. */
export interface GoldLabel {
  label: string;
  source: GoldSource;
  /** Share of the unit's annotators who chose the gold label (0 when no annotator labelled the unit). */
  agreement: number;
  annotators: number;
}

/** Why a unit has no gold label. */
export type ExclusionReason = 'too-few-annotators' | 'tie' | 'no-majority';

/** A unit left out of gold, with its reason and a sentence a person can read. */
export interface Exclusion {
  unit: string;
  reason: ExclusionReason;
  detail: string;
}

/** Gold labels by unit, and the units left out with why. */
export interface GoldResult {
  gold: Map<string, GoldLabel>;
  excluded: Exclusion[];
}

/** Options of the gold policy. */
export interface GoldOptions {
  /** Fewest annotators a unit needs for a unanimous or majority label (default 2); adjudication needs none. */
  minAnnotators?: number;
}

/**
 * The gold policy: an adjudicated label wins; otherwise, among units with at least `minAnnotators` annotators, a
 * unanimous label, else a strict majority (more than half of the annotators; so a tie for first place is never a
 * majority); otherwise the unit is left out of gold and listed in `excluded` with its reason.
 */
export function goldLabels(
  judgements: readonly Judgement[],
  adjudications: readonly Adjudication[] = [],
  options: GoldOptions = {},
): GoldResult {
  const minAnnotators = options.minAnnotators ?? 2;
  if (!Number.isInteger(minAnnotators) || minAnnotators < 1) {
    throw new StanceError(`minAnnotators must be a whole number ≥ 1, got ${minAnnotators}`, { where: 'gold policy' });
  }
  const units = groupByUnit(judgements);
  const adjudicated = new Map<string, string>();
  adjudications.forEach((a, i) => {
    const earlier = adjudicated.get(a.unit);
    if (earlier !== undefined && earlier !== a.label) {
      throw new StanceError(`unit "${a.unit}" is adjudicated as both "${earlier}" and "${a.label}"`, {
        where: `adjudication ${i + 1}`,
      });
    }
    adjudicated.set(a.unit, a.label);
  });
  const gold = new Map<string, GoldLabel>();
  const excluded: Exclusion[] = [];
  const unitIds = [...units.keys()];
  for (const unit of adjudicated.keys()) if (!units.has(unit)) unitIds.push(unit);

  for (const unit of unitIds) {
    const labels = [...(units.get(unit)?.byAnnotator.values() ?? [])];
    const n = labels.length;
    const votes = new Map<string, number>();
    for (const label of labels) votes.set(label, (votes.get(label) ?? 0) + 1);
    const share = (label: string) => (n === 0 ? 0 : (votes.get(label) ?? 0) / n);
    const decided = adjudicated.get(unit);
    if (decided !== undefined) {
      gold.set(unit, { label: decided, source: 'adjudicated', agreement: share(decided), annotators: n });
      continue;
    }
    if (n < minAnnotators) {
      excluded.push({
        unit,
        reason: 'too-few-annotators',
        detail: `${n} annotator${n === 1 ? '' : 's'}, at least ${minAnnotators} needed`,
      });
      continue;
    }
    const ranked = [...votes.entries()].sort((x, y) => y[1] - x[1]);
    const [top, topVotes] = ranked[0]!;
    if (ranked.length === 1) {
      gold.set(unit, { label: top, source: 'unanimous', agreement: 1, annotators: n });
    } else if (topVotes * 2 > n) {
      gold.set(unit, { label: top, source: 'majority', agreement: share(top), annotators: n });
    } else if (ranked[1]![1] === topVotes) {
      const tied = ranked.filter(([, v]) => v === topVotes).map(([l]) => l);
      excluded.push({ unit, reason: 'tie', detail: `tie between ${tied.join(', ')} at ${topVotes} of ${n}` });
    } else {
      excluded.push({ unit, reason: 'no-majority', detail: `${top} has ${topVotes} of ${n}, not more than half` });
    }
  }
  return { gold, excluded };
}
