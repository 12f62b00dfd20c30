import { LABELS, StanceError } from '@stance/schema';
import { quoteContext } from '../context.ts';
import { sentenceFeatures } from '../features.ts';
import { predictFromView } from '../label-sentence.ts';
import type { Model, ModelPrediction, PredictOptions } from '../model.ts';
import { wordVectors } from '../word-vectors/load.ts';
import type { WordVectors } from '../word-vectors/word-vectors.ts';
import type { BinaryComponent } from './binary-scorer.ts';
import { pairScorer } from './binary-scorer.ts';
import { combineComponents } from './combine.ts';
import type { LabellerData } from './labeller-data.ts';

/** What the components say of one sentence, before they are combined. */
export interface ComponentOutput {
  /** Probability the sentence is the author's opinion (CheckThat SUBJ). */
  opinion: number;
  /** Probability the sentence mainly reports what someone else said or believes (PolNeAR direct or indirect). */
  quote: number;
  /** The rules call it skip (a heading, byline, fragment or boilerplate). */
  skip: boolean;
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

/** A component's probability with its word-vector side mixed in (see BinaryComponent.dense). */
function mixed(c: BinaryComponent, sparse: number, vector: Float64Array): number {
  const d = c.dense;
  if (!d || d.share === 0) return sparse;
  let z = d.bias;
  for (let j = 0; j < vector.length; j++) z += d.weight[j]! * vector[j]!;
  return (1 - d.share) * sparse + d.share / (1 + Math.exp(-z));
}

/**
 * Wrap labeller data as a Model. Per sentence: one feature extraction (n-grams + the rule cues) shared by both
 * components, and one word-vector mean when a component has a word-vector side; skip from the rules; then opinion /
 * quote / fact by `combine`. A labeller with word-vector sides reads `vectors` (default: the shipped table), which
 * must be the table it was built with.
 */
export function labellerFromData(data: LabellerData, vectors?: WordVectors): DefaultLabeller {
  const scorer = pairScorer(data.opinion, data.quote);
  let table: WordVectors | undefined;
  if (data.wordVectors !== undefined) {
    table = vectors ?? wordVectors();
    if (table.id !== data.wordVectors)
      throw new StanceError(
        `the labeller was built with word vectors ${data.wordVectors}, but this stance has ${table.id}`,
        { where: data.name },
      );
  }
  const vector = new Float64Array(table?.dims ?? 0);
  const contextOf = (texts: readonly string[], options: PredictOptions): boolean[] =>
    options.independent ? texts.map(() => false) : quoteContext(texts);
  const outputs = (texts: readonly string[], context: readonly boolean[]): ComponentOutput[] =>
    texts.map((text, i) => {
      const features = sentenceFeatures(text, context[i]!, data.features);
      let [opinion, quote] = scorer.probabilities(features);
      if (table) {
        table.sentence(text, vector);
        opinion = mixed(data.opinion, opinion, vector);
        quote = mixed(data.quote, quote, vector);
      }
      return { opinion, quote, skip: features.has(RULES_SKIP) };
    });
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
        const { label, scores } = combineComponents(c.opinion, c.quote, data.combine);
        return { label, confidence: scores[label], scores };
      });
    },
  };
}
