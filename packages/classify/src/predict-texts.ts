import type { Model, ModelPrediction, PredictOptions } from './model.ts';
import { encoderById } from './sentence-encoder.ts';

/**
 * Predict with any model: a model that reads sentence embeddings (a hybrid) gets them from its encoder first; other
 * models answer as `model.predict` does.
 */
export async function predictTexts(
  model: Model,
  texts: readonly string[],
  options: PredictOptions = {},
): Promise<ModelPrediction[]> {
  if (model.encoder === undefined || options.embeddings) return model.predict(texts, options);
  const encoder = await encoderById(model.encoder);
  return model.predict(texts, { ...options, embeddings: await encoder.encode(texts) });
}
