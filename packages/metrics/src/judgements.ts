import { StanceError } from '@stance/schema';

/** One annotator's label for one unit (sentence) of one document. */
export interface Judgement {
  unit: string;
  doc: string;
  annotator: string;
  label: string;
}

/** The labels one unit received, by annotator. */
export interface UnitLabels {
  unit: string;
  doc: string;
  byAnnotator: Map<string, string>;
}

/**
 * Judgements grouped by unit, in first-seen order. A unit judged twice by one annotator, or filed under two
 * documents, is an input error: judgements are the folded, final labels, one per annotator and unit.
 */
export function groupByUnit(judgements: readonly Judgement[]): Map<string, UnitLabels> {
  const units = new Map<string, UnitLabels>();
  judgements.forEach((j, i) => {
    const where = `judgement ${i + 1}`;
    let entry = units.get(j.unit);
    if (entry === undefined) {
      entry = { unit: j.unit, doc: j.doc, byAnnotator: new Map() };
      units.set(j.unit, entry);
    } else if (entry.doc !== j.doc) {
      throw new StanceError(`unit "${j.unit}" is filed under documents "${entry.doc}" and "${j.doc}"`, { where });
    }
    if (entry.byAnnotator.has(j.annotator)) {
      throw new StanceError(`annotator "${j.annotator}" judged unit "${j.unit}" twice`, { where });
    }
    entry.byAnnotator.set(j.annotator, j.label);
  });
  return units;
}
