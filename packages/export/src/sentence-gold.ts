import type { Sentence } from '@stance/schema';
import { textHash } from '@stance/schema';
import type { LabelEntry, LabelIndex } from './label-index.ts';
import {
  type GoldDecision,
  type GoldMode,
  latestAdjudication,
  type ReferenceLabel,
  resolveGold,
} from './resolve-gold.ts';

/** One sentence's current labels (given for its present text) and its gold decision. */
export interface SentenceGold {
  /** Annotators' current labels whose text hash matches the sentence, sorted by annotator. */
  judgements: LabelEntry[];
  /** Adjudicators' current decisions on the present text. */
  adjudications: LabelEntry[];
  decision: GoldDecision;
  /** Labels left out because they were given for an earlier text of the sentence (a stale reference label counts). */
  stale: number;
}

/**
 * A sentence's gold exactly as `stance export` decides it: labels for an earlier text are dropped (stale), the
 * latest adjudication wins, then `resolveGold` (unanimous / majority with ≥ minAnnotators, the reference where the
 * mode allows). `stance train --corpus` uses it too, so a model trains on the labels an export would publish.
 */
export function sentenceGold(
  sentence: Sentence,
  index: LabelIndex,
  references: ReadonlyMap<string, ReferenceLabel>,
  mode: GoldMode,
  minAnnotators: number,
): SentenceGold {
  const hash = textHash(sentence.text);
  const { judgements: raw, adjudications: rawAdj } = index.labelsOf(sentence.id);
  let stale = 0;
  const current = (list: LabelEntry[]) => {
    const out = list.filter((e) => e.textHash === hash);
    stale += list.length - out.length;
    return out;
  };
  const judgements = current(raw);
  const adjudications = current(rawAdj);
  let reference = references.get(sentence.id);
  if (reference !== undefined && reference.textHash !== hash) {
    stale++;
    reference = undefined;
  }
  const decision = resolveGold(
    sentence.id,
    judgements,
    latestAdjudication(adjudications),
    reference,
    mode,
    minAnnotators,
  );
  return { judgements, adjudications, decision, stale };
}
