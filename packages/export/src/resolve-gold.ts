import { goldLabels } from '@stance/metrics';
import type { Label } from '@stance/schema';
import { isLabel } from '@stance/schema';
import type { LabelEntry } from './label-index.ts';

/** Which gold sources an export uses: the annotator logs, the team's `gold.jsonl`, or logs first then reference. */
export type GoldMode = 'logs' | 'reference' | 'both';

/** The gold sources, for option parsing. */
export const GOLD_MODES: readonly GoldMode[] = ['logs', 'reference', 'both'];

/** Where an exported gold label came from. */
export type ExportGoldSource = 'adjudicated' | 'unanimous' | 'majority' | 'reference';

/** Why a sentence has no gold label in the export. */
export type ExportExclusionReason = 'too-few-annotators' | 'tie' | 'no-majority' | 'unlabelled';

/** A sentence's gold label, or why it has none. */
export type GoldDecision =
  | { label: Label; source: ExportGoldSource; agreement: number | null; annotators: number }
  | { excluded: ExportExclusionReason; detail: string };

/** The team's reference label of a sentence, from `corpus/gold.jsonl`. */
export interface ReferenceLabel {
  label: Label;
  textHash: string;
}

/**
 * The adjudication that counts when several adjudicators decided one sentence: the latest (by `at`, then by name),
 * so a later decision overrides an earlier one as it would in one log.
 */
export function latestAdjudication(adjudications: readonly LabelEntry[]): LabelEntry | undefined {
  let best: LabelEntry | undefined;
  for (const a of adjudications) {
    if (best === undefined || a.at > best.at || (a.at === best.at && a.annotator > best.annotator)) best = a;
  }
  return best;
}

/**
 * Gold for one sentence from its current (non-stale) labels: the gold policy of @stance/metrics (adjudicated >
 * unanimous > majority with ≥ minAnnotators) over the annotators' labels; with mode `both`, a sentence no annotator
 * or adjudicator labelled takes the team reference label (source `reference`); mode `reference` uses only that.
 */
export function resolveGold(
  unit: string,
  judgements: readonly LabelEntry[],
  adjudication: LabelEntry | undefined,
  reference: ReferenceLabel | undefined,
  mode: GoldMode,
  minAnnotators: number,
): GoldDecision {
  const unlabelled = judgements.length === 0 && adjudication === undefined;
  if (mode === 'reference' || (mode === 'both' && unlabelled)) {
    if (reference !== undefined) {
      const agreeing = judgements.filter((j) => j.label === reference.label).length;
      return {
        label: reference.label,
        source: 'reference',
        agreement: judgements.length ? agreeing / judgements.length : null,
        annotators: judgements.length,
      };
    }
    return {
      excluded: 'unlabelled',
      detail: mode === 'reference' ? 'no reference label' : 'no annotator label and no reference label',
    };
  }
  if (unlabelled) return { excluded: 'unlabelled', detail: 'no annotator label' };
  const { gold, excluded } = goldLabels(
    judgements.map((j) => ({ unit, doc: '', annotator: j.annotator, label: j.label })),
    adjudication === undefined ? [] : [{ unit, label: adjudication.label }],
    { minAnnotators },
  );
  const g = gold.get(unit);
  if (g !== undefined && isLabel(g.label)) {
    return { label: g.label, source: g.source, agreement: g.annotators ? g.agreement : null, annotators: g.annotators };
  }
  const e = excluded[0]!;
  return { excluded: e.reason, detail: e.detail };
}
