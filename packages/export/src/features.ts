import { LABELS } from '@stance/schema';

/** A column's type as a Hugging Face dataset card writes it (`dataset_info.features`). */
export type FeatureType =
  | { dtype: 'string' | 'int32' | 'int64' | 'float64' | 'bool' }
  | { class_label: { names: Record<string, string> } }
  | { list: Feature[] };

/** One column: its name, type and a one-line description (for the card and croissant.json). */
export type Feature = { name: string; description: string } & FeatureType;

const str = (name: string, description: string): Feature => ({ name, description, dtype: 'string' });
const int = (name: string, description: string): Feature => ({ name, description, dtype: 'int32' });
const float = (name: string, description: string): Feature => ({ name, description, dtype: 'float64' });
const bool = (name: string, description: string): Feature => ({ name, description, dtype: 'bool' });
const classLabel = (name: string, description: string): Feature => ({
  name,
  description,
  class_label: { names: Object.fromEntries(LABELS.map((l, i) => [String(i), l])) },
});

const SUGGESTION: Feature[] = [
  str('suggestion_label', "the machine's suggested label (null when none was recorded)"),
  str('suggestion_model', 'the model that made the suggestion'),
  bool('suggestion_shown', 'whether the suggestion was visible to the annotator'),
  float('suggestion_confidence', "the model's confidence in its suggestion"),
];

/** Columns of the `sentences` configuration (one row per sentence with a gold label), in file order. */
export const SENTENCE_FEATURES: readonly Feature[] = [
  str('id', 'stable sentence id: document id, hash of the normalised text, ~n for repeats'),
  str('doc', 'document id'),
  int('index', 'position of the sentence in its document (0-based)'),
  int('start', 'start offset in the normalised document text (UTF-16 code units)'),
  int('end', 'end offset (exclusive)'),
  str('text', 'the sentence'),
  str('label', 'gold label name: fact, quote, opinion or skip'),
  classLabel('label_id', 'gold label as a class index'),
  str('gold_source', 'where the gold label came from: adjudicated, unanimous, majority or reference'),
  float('agreement', "share of the sentence's annotators who gave the gold label (null without annotators)"),
  int('num_annotators', 'annotators whose current label counts for this sentence'),
  bool('adjudicated', 'whether an adjudicator decided the label'),
  {
    name: 'annotations',
    description: "every annotator's current label and time on the sentence",
    list: [
      str('annotator', 'annotator name'),
      str('label', 'label name'),
      int('ms', 'time spent on the sentence, milliseconds; null when the label was imported untimed'),
    ],
  },
  ...SUGGESTION,
];

/** Columns of the `judgements` configuration (one row per current annotator or adjudicator label). */
export const JUDGEMENT_FEATURES: readonly Feature[] = [
  str('id', 'sentence id'),
  str('doc', 'document id'),
  str('annotator', 'annotator or adjudicator name'),
  str('role', 'annotator, or adjudicator for an adjudication decision'),
  str('label', 'label name'),
  classLabel('label_id', 'label as a class index'),
  int('ms', 'time spent on the sentence, milliseconds; null when the label was imported untimed'),
  str('at', 'when the label was given (ISO 8601, from the log)'),
  str('gold_label', 'the exported gold label of the sentence (null when it has none)'),
  ...SUGGESTION,
];

/** Columns of the `documents` configuration (one row per document: its commentary profile from gold). */
export const DOCUMENT_FEATURES: readonly Feature[] = [
  str('doc', 'document id'),
  str('title', 'document title'),
  int('sentences', 'sentences in the document'),
  int('gold', 'sentences with a gold label'),
  int('excluded', 'sentences left out of gold (see excluded.jsonl)'),
  int('fact', 'gold fact sentences'),
  int('quote', 'gold quote sentences'),
  int('opinion', 'gold opinion sentences'),
  int('skip', 'gold skip sentences'),
  float('fact_share', 'fact / (fact + quote + opinion); null when the sum is 0'),
  float('quote_share', 'quote / (fact + quote + opinion)'),
  float('opinion_share', 'opinion / (fact + quote + opinion)'),
];

/** Column names of a feature list, in order. */
export function featureNames(features: readonly Feature[]): string[] {
  return features.map((f) => f.name);
}

/** Features as the card's YAML wants them: no descriptions (the Hub's schema has none). */
export function hubFeatures(features: readonly Feature[]): unknown[] {
  return features.map((f) => {
    if ('list' in f) return { name: f.name, list: hubFeatures(f.list) };
    if ('class_label' in f) return { name: f.name, class_label: f.class_label };
    return { name: f.name, dtype: f.dtype };
  });
}
