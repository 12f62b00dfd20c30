import type { Label, Sentence, StanceDocument } from '@stance/schema';
import { LABELS, labelIndex } from '@stance/schema';
import type { LabelEntry } from './label-index.ts';
import type { ExportGoldSource } from './resolve-gold.ts';

/** A row of the `sentences` configuration (keys in SENTENCE_FEATURES order). */
export interface SentenceRow {
  id: string;
  doc: string;
  index: number;
  start: number;
  end: number;
  text: string;
  label: Label;
  label_id: number;
  gold_source: ExportGoldSource;
  agreement: number | null;
  num_annotators: number;
  adjudicated: boolean;
  annotations: { annotator: string; label: Label; ms: number | null }[];
  suggestion_label: Label | null;
  suggestion_model: string | null;
  suggestion_shown: boolean | null;
  suggestion_confidence: number | null;
}

/** A row of the `judgements` configuration (keys in JUDGEMENT_FEATURES order). */
export interface JudgementRow {
  id: string;
  doc: string;
  annotator: string;
  role: 'annotator' | 'adjudicator';
  label: Label;
  label_id: number;
  ms: number | null;
  at: string;
  gold_label: Label | null;
  suggestion_label: Label | null;
  suggestion_model: string | null;
  suggestion_shown: boolean | null;
  suggestion_confidence: number | null;
}

/** A row of the `documents` configuration: a document's commentary profile from gold. */
export interface DocumentRow {
  doc: string;
  title: string;
  sentences: number;
  gold: number;
  excluded: number;
  fact: number;
  quote: number;
  opinion: number;
  skip: number;
  fact_share: number | null;
  quote_share: number | null;
  opinion_share: number | null;
}

/** A figure rounded to 6 decimals, so files do not carry float noise that differs between equal computations. */
export function round6(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}

/** The suggestion columns of a label entry (all null without a suggestion). */
function suggestionColumns(entry: LabelEntry | undefined) {
  const s = entry?.suggestion ?? null;
  return {
    suggestion_label: s?.label ?? null,
    suggestion_model: s?.model ?? null,
    suggestion_shown: s === null ? null : s.shown,
    suggestion_confidence: s?.confidence ?? null,
  };
}

/**
 * The exported row of a sentence with a gold label. Its suggestion is the first (by annotator name) one recorded
 * with a judgement; each annotator's own suggestion is in the `judgements` configuration.
 */
export function sentenceRow(
  sentence: Sentence,
  gold: { label: Label; source: ExportGoldSource; agreement: number | null; annotators: number },
  judgements: readonly LabelEntry[],
  adjudicated: boolean,
): SentenceRow {
  return {
    id: sentence.id,
    doc: sentence.docId,
    index: sentence.index,
    start: sentence.start,
    end: sentence.end,
    text: sentence.text,
    label: gold.label,
    label_id: labelIndex(gold.label),
    gold_source: gold.source,
    agreement: gold.agreement === null ? null : round6(gold.agreement),
    num_annotators: judgements.length,
    adjudicated,
    annotations: judgements.map((j) => ({ annotator: j.annotator, label: j.label, ms: j.ms })),
    ...suggestionColumns(judgements.find((j) => j.suggestion !== null)),
  };
}

/** The `judgements` row of one current label. */
export function judgementRow(
  sentence: Sentence,
  entry: LabelEntry,
  role: JudgementRow['role'],
  gold: Label | null,
): JudgementRow {
  return {
    id: sentence.id,
    doc: sentence.docId,
    annotator: entry.annotator,
    role,
    label: entry.label,
    label_id: labelIndex(entry.label),
    ms: entry.ms,
    at: entry.at,
    gold_label: gold,
    ...suggestionColumns(entry),
  };
}

/** Counts of gold labels, in LABELS order. */
export type LabelCounts = Record<Label, number>;

/** Zero counts for every label. */
export function emptyCounts(): LabelCounts {
  return Object.fromEntries(LABELS.map((l) => [l, 0])) as LabelCounts;
}

/**
 * A document's commentary profile: gold counts of each label and the shares of fact, quote and opinion among the
 * three (skip carries no stance, so it is counted but left out of the shares).
 */
export function documentRow(
  doc: StanceDocument,
  sentences: number,
  counts: LabelCounts,
  excluded: number,
): DocumentRow {
  const stance = counts.fact + counts.quote + counts.opinion;
  const share = (n: number) => (stance === 0 ? null : round6(n / stance));
  return {
    doc: doc.id,
    title: doc.title,
    sentences,
    gold: counts.fact + counts.quote + counts.opinion + counts.skip,
    excluded,
    fact: counts.fact,
    quote: counts.quote,
    opinion: counts.opinion,
    skip: counts.skip,
    fact_share: share(counts.fact),
    quote_share: share(counts.quote),
    opinion_share: share(counts.opinion),
  };
}
