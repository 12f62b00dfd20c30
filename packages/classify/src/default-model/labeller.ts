import { LABELS, StanceError } from '@stance/schema';
import { quoteContext } from '../context.ts';
import { sentenceFeatures } from '../features.ts';
import { predictFromView } from '../label-sentence.ts';
import type { Model, ModelPrediction, PredictOptions } from '../model.ts';
import { wordVectors } from '../word-vectors/load.ts';
import type { WordVectors } from '../word-vectors/word-vectors.ts';
import { pairScorer } from './binary-scorer.ts';
import { combineComponents } from './combine.ts';
import type { LabellerData } from './labeller-data.ts';
import { fastSettings, sentenceScorer } from './sentence-scorer.ts';

/** What the components say of one sentence, before they are combined. */
export interface ComponentOutput {
  /** Probability the sentence is the author's opinion (CheckThat SUBJ). */
  opinion: number;
  /** Probability the sentence mainly reports what someone else said or believes (PolNeAR direct or indirect). */
  quote: number;
  /** The rules call it skip (a heading, byline, fragment or boilerplate). */
  skip: boolean;
  /** It holds a quotation of four or more words, or continues one from the sentence before (CombineOrder reads it). */
  quotation: boolean;
}

/** The default labeller: a Model over fact / quote / opinion / skip that also shows its components. */
export interface DefaultLabeller extends Model {
  kind: 'labeller';
  data: LabellerData;
  /** Component outputs per text (same reading of `texts` and `options` as predict). */
  components(texts: readonly string[], options?: PredictOptions): ComponentOutput[];
}

// The rules' label is one of the features (`r:<label>` when cues are on), so skip costs no second pass of the rules.
const RULES_SKIP = 'r:skip';
// The quotation cue (four or more quoted words, or a quotation carried over) and the carried-over context feature.
const QUOTATION = 'k:quotation';
const IN_QUOTE = 'ctx:in-quote';

/**
 * Wrap labeller data as a Model: one feature extraction (n-grams + the rule cues) shared by both components, their
 * word-vector sides (read off the same unigram features, see pairScorer), skip from the rules, then opinion / quote /
 * fact by `combineComponents`. A labeller with word-vector sides reads `vectors` (default: the shipped table), which
 * must be the table it was built with.
 */
export function labellerFromData(data: LabellerData, vectors?: WordVectors): DefaultLabeller {
  let table: WordVectors | undefined;
  if (data.wordVectors !== undefined) {
    table = vectors ?? wordVectors();
    if (table.id !== data.wordVectors)
      throw new StanceError(
        `the labeller was built with word vectors ${data.wordVectors}, but this stance has ${table.id}`,
        { where: data.name },
      );
  }
  // The word-vector side reads the unigram features (the same tokens as the table's tokenizer; a test checks it).
  if (table && data.features.wordNgrams < 1)
    throw new StanceError('a labeller with word-vector sides needs word unigram features', { where: data.name });
  const contextOf = (texts: readonly string[], options: PredictOptions): boolean[] =>
    options.independent
      ? texts.map(() => false)
      : quoteContext(texts, undefined, options.startsInQuote, options.blockQuoted);
  // The shipped settings (word unigrams, cues, context) take the integer path; any other settings the reference one,
  // the feature strings of sentenceFeatures scored by pairScorer (same numbers: a test compares the two).
  let outputs: (texts: readonly string[], context: readonly boolean[]) => ComponentOutput[];
  if (fastSettings(data.features)) {
    const scorer = sentenceScorer(data.opinion, data.quote, data.features, table);
    outputs = (texts, context) =>
      texts.map((text, i) => {
        const { opinion, quote, skip, quotation } = scorer.score(text, context[i]!);
        return { opinion, quote, skip, quotation };
      });
  } else {
    const scorer = pairScorer(data.opinion, data.quote, table);
    outputs = (texts, context) =>
      texts.map((text, i) => {
        const features = sentenceFeatures(text, context[i]!, data.features);
        const [opinion, quote] = scorer.probabilities(features);
        return {
          opinion,
          quote,
          skip: features.has(RULES_SKIP),
          quotation: features.has(QUOTATION) || features.has(IN_QUOTE),
        };
      });
  }
  return {
    name: data.name,
    kind: 'labeller',
    labels: LABELS,
    data,
    components: (texts, options = {}) => outputs(texts, contextOf(texts, options)),
    predict(texts, options = {}) {
      const context = contextOf(texts, options);
      return outputs(texts, context).map((c, i): ModelPrediction => {
        if (c.skip) {
          // Rare (headings, bylines): the rules' own scores say how sure the skip is.
          const p = predictFromView(texts[i]!, context[i]!).prediction;
          return { label: 'skip', confidence: p.confidence, scores: { ...p.scores } };
        }
        const { label, scores } = combineComponents(c.opinion, c.quote, data.combine, c.quotation);
        return { label, confidence: scores[label], scores };
      });
    },
  };
}
