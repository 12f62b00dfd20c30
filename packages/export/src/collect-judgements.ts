import type { Judgement } from '@stance/metrics';
import { textHash } from '@stance/schema';
import type { CorpusSource } from './corpus-source.ts';
import type { LabelEntry, LabelIndex } from './label-index.ts';

/** A label that does not count: its sentence text changed since (`stale`) or its sentence id is gone. */
export interface StaleLabel {
  annotator: string;
  sentence: string;
  label: string;
  role: 'annotator' | 'adjudicator';
}

/** The judgements agreement is measured on, and what was left out. */
export interface CollectedJudgements {
  /** Annotators' current labels whose text hash matches the sentence (adjudications are not judgements). */
  judgements: Judgement[];
  /** Current adjudication decisions on current text: the latest per sentence. */
  adjudications: { unit: string; label: string }[];
  stale: StaleLabel[];
  /** Labels on sentence ids that are not in the corpus any more. */
  orphaned: number;
}

/**
 * Walk the corpus and collect every current judgement for agreement: labels count only when their text hash is the
 * sentence's current one (the rest are listed as stale), and adjudicators' decisions are kept apart.
 */
export function collectJudgements(source: CorpusSource, index: LabelIndex): CollectedJudgements {
  const judgements: Judgement[] = [];
  const adjudications: { unit: string; label: string }[] = [];
  const stale: StaleLabel[] = [];
  for (const docId of source.documentIds) {
    for (const sentence of source.document(docId).sentences) {
      const { judgements: js, adjudications: as } = index.labelsOf(sentence.id);
      if (!js.length && !as.length) continue;
      const hash = textHash(sentence.text);
      const keep = (e: LabelEntry, role: StaleLabel['role']) => {
        if (e.textHash === hash) return true;
        stale.push({ annotator: e.annotator, sentence: sentence.id, label: e.label, role });
        return false;
      };
      for (const j of js) {
        if (keep(j, 'annotator'))
          judgements.push({ unit: sentence.id, doc: docId, annotator: j.annotator, label: j.label });
      }
      let latest: LabelEntry | undefined;
      for (const a of as) if (keep(a, 'adjudicator') && (latest === undefined || a.at >= latest.at)) latest = a;
      if (latest !== undefined) adjudications.push({ unit: sentence.id, label: latest.label });
    }
  }
  return { judgements, adjudications, stale, orphaned: index.unseenLabels() };
}
