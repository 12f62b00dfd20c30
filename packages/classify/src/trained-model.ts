import { StanceError } from '@stance/schema';
import { quoteContext } from './context.ts';
import type { FeatureSettings } from './features.ts';
import { sentenceFeatures } from './features.ts';
import type { LogisticOptions, LogisticParams } from './logistic-regression.ts';
import { logisticScores } from './logistic-regression.ts';
import type { Model, ModelPrediction } from './model.ts';
import { softmaxPrediction } from './model.ts';
import type { NaiveBayesParams } from './naive-bayes.ts';
import { naiveBayesScores } from './naive-bayes.ts';
import { denseRow, toRow } from './sparse.ts';

/** Version of the saved model format. */
export const MODEL_FORMAT_VERSION = 1;

/** Where a model's training data came from. */
export interface TrainingData {
  examples: number;
  /** SHA-256 (hex) of the training data: the file's bytes when trained from a file, else of the canonical JSONL. */
  sha256: string;
  /** Examples per label. */
  counts: Record<string, number>;
}

/** Everything a trained model is, as plain data; `modelToJson` writes exactly this. */
export type TrainedModelData = {
  format: 'stance-model';
  version: number;
  name: string;
  labels: string[];
  features: FeatureSettings;
  vocabulary: string[];
  data: TrainingData;
} & (
  | { kind: 'nb'; options: { alpha: number; uniformPrior: boolean }; params: NaiveBayesParams }
  | { kind: 'logreg'; options: LogisticOptions; params: LogisticParams }
  | { kind: 'hybrid'; options: HybridOptions; params: HybridParams }
);

/** Settings of a hybrid model: the n-gram logistic regression's, and how the embedding side is fitted and mixed in. */
export interface HybridOptions extends LogisticOptions {
  /** L2 penalty of the logistic regression over sentence embeddings. */
  denseL2: number;
  /** Share of the embedding model's probabilities in the mix (the n-gram model gets the rest). */
  denseWeight: number;
  /** Id of the sentence encoder the embedding side was trained on (see SentenceEncoder). */
  encoder: string;
}

/** Weights of a hybrid model: n-gram logistic regression (`sparse`) and logistic regression over embeddings (`dense`). */
export interface HybridParams {
  sparse: LogisticParams;
  dense: LogisticParams;
}

/** A trained model: a Model that also carries its data for saving. */
export interface TrainedModel extends Model {
  kind: 'nb' | 'logreg' | 'hybrid';
  data: TrainedModelData;
}

/** Wrap trained data as a Model; predictions depend only on `data`, so a saved and reloaded model predicts the same. */
export function modelFromData(data: TrainedModelData): TrainedModel {
  const vocab = new Map(data.vocabulary.map((f, i) => [f, i]));
  const encoder = data.kind === 'hybrid' ? data.options.encoder : undefined;
  return {
    name: data.name,
    kind: data.kind,
    labels: data.labels,
    data,
    ...(encoder === undefined ? {} : { encoder }),
    predict(texts, options = {}) {
      const context = options.independent ? texts.map(() => false) : quoteContext(texts);
      const { embeddings } = options;
      if (data.kind === 'hybrid' && embeddings?.length !== texts.length)
        throw new StanceError(
          `model ${JSON.stringify(data.name)} needs a sentence embedding per text (${encoder}); use predictTexts`,
        );
      return texts.map((text, i): ModelPrediction => {
        const features = sentenceFeatures(text, context[i]!, data.features);
        if (data.kind === 'nb')
          return softmaxPrediction(data.labels, naiveBayesScores(data.params, toRow(features, vocab, false)));
        if (data.kind === 'logreg')
          return softmaxPrediction(
            data.labels,
            logisticScores(data.params, toRow(features, vocab, true, data.params.scale)),
          );
        const { sparse, dense } = data.params;
        const w = data.options.denseWeight;
        const ps = softmaxPrediction(
          data.labels,
          logisticScores(sparse, toRow(features, vocab, true, sparse.scale)),
        ).scores;
        const pd = softmaxPrediction(data.labels, logisticScores(dense, denseRow(embeddings![i]!))).scores;
        // Mixing probabilities, not logits: each side is calibrated on its own, and a mix of two calibrated models
        // stays a probability; softmax of the logs gives the same shares back.
        return softmaxPrediction(
          data.labels,
          data.labels.map((l) => Math.log(w * pd[l]! + (1 - w) * ps[l]!)),
        );
      });
    },
  };
}
