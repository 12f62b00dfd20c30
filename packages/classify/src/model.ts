import type { Cue } from '@stance/schema';

/** A model's answer for one sentence, over its own label set (any strings, e.g. SUBJ/OBJ). */
export interface ModelPrediction {
  label: string;
  confidence: number;
  scores: Record<string, number>;
  /** The rule cues, for models that report them. */
  cues?: Cue[];
}

/** How `predict` reads its texts. */
export interface PredictOptions {
  /** Treat every text as its own document (no quotation carried from the previous text). @default false */
  independent?: boolean;
  /**
   * A quotation opened before the first text is still open where it starts: the texts continue a document whose
   * earlier sentences were labelled in an earlier call (see `endsInQuote`). @default false
   */
  startsInQuote?: boolean;
  /**
   * Per text: the sentence sits in a quotation the layout shows, a Markdown or e-mail `>` paragraph or the paragraph
   * after a lead-in that announces someone else's text, or is that lead-in (`blockQuoted` of @stance/text finds them).
   * It is read as inside a quotation, as one carried over by quotation marks is: the rules
   * label it quote, the default labeller's quotation-first order asks its quote component first. Ignored with
   * `independent`. @default none
   */
  blockQuoted?: readonly boolean[];
  /** One sentence embedding per text, for models with an `encoder` (see predictTexts, which computes them). */
  embeddings?: readonly Float32Array[];
}

/** Anything that labels sentences: the rules, a trained model, later an external one. */
export interface Model {
  name: string;
  kind: 'rules' | 'nb' | 'logreg' | 'hybrid' | 'labeller';
  labels: readonly string[];
  /** Id of the sentence encoder the model reads (a hybrid model); predict then needs `embeddings`. */
  encoder?: string;
  /** Label `texts`, which are the sentences of one document in order unless `options.independent`. */
  predict(texts: readonly string[], options?: PredictOptions): ModelPrediction[];
}

let scratch = new Float64Array(8);

/** Softmax of logits into probabilities keyed by label; the largest (first on ties) is the label. */
export function softmaxPrediction(labels: readonly string[], logits: ArrayLike<number>): ModelPrediction {
  let max = Number.NEGATIVE_INFINITY;
  for (let k = 0; k < logits.length; k++) if (logits[k]! > max) max = logits[k]!;
  let sum = 0;
  // Into a scratch array (a trained model calls this once per sentence); the same numbers in the same order.
  if (scratch.length < logits.length) scratch = new Float64Array(logits.length);
  const exp = scratch;
  for (let k = 0; k < logits.length; k++) {
    const e = Math.exp(logits[k]! - max);
    exp[k] = e;
    sum += e;
  }
  const scores: Record<string, number> = {};
  let best = 0;
  for (let k = 0; k < labels.length; k++) {
    scores[labels[k]!] = exp[k]! / sum;
    if (exp[k]! > exp[best]!) best = k;
  }
  return { label: labels[best]!, confidence: exp[best]! / sum, scores };
}
