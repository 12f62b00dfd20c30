import { quoteContext } from './context.ts';
import type { FeatureSettings } from './features.ts';
import { sentenceFeatures } from './features.ts';
import type { LogisticParams } from './logistic-regression.ts';
import { logisticScores } from './logistic-regression.ts';
import type { Model } from './model.ts';
import { softmaxPrediction } from './model.ts';
import type { NaiveBayesParams } from './naive-bayes.ts';
import { naiveBayesScores } from './naive-bayes.ts';
import { toRow } from './sparse.ts';

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
  | {
      kind: 'logreg';
      options: { l2: number; balanced: boolean; maxIterations: number; nbScale: boolean };
      params: LogisticParams;
    }
);

/** A trained model: a Model that also carries its data for saving. */
export interface TrainedModel extends Model {
  kind: 'nb' | 'logreg';
  data: TrainedModelData;
}

/** Wrap trained data as a Model; predictions depend only on `data`, so a saved and reloaded model predicts the same. */
export function modelFromData(data: TrainedModelData): TrainedModel {
  const vocab = new Map(data.vocabulary.map((f, i) => [f, i]));
  const normalize = data.kind === 'logreg';
  return {
    name: data.name,
    kind: data.kind,
    labels: data.labels,
    data,
    predict(texts, options = {}) {
      const context = options.independent ? texts.map(() => false) : quoteContext(texts);
      return texts.map((text, i) => {
        const scale = data.kind === 'logreg' ? data.params.scale : undefined;
        const row = toRow(sentenceFeatures(text, context[i]!, data.features), vocab, normalize, scale);
        const logits = data.kind === 'nb' ? naiveBayesScores(data.params, row) : logisticScores(data.params, row);
        return softmaxPrediction(data.labels, logits);
      });
    },
  };
}
