import type { WordVectorsData, WordVectorsRecipe, WordVectorsSource } from './word-vectors.ts';
import { wordVectorsSha256 } from './word-vectors.ts';

/** Forms the sentence tokenizer can produce (see word-tokens.ts): letters and digits, or one of these marks. */
const PRODUCIBLE = /^(?:[\p{L}\p{N}]+|[?!“”"])$/u;

/**
 * Derive the shipped table from a source vocabulary in frequency order (GloVe's): keep the first `recipe.words` forms
 * the tokenizer can produce, fold in each word's SIF weight a/(a + p) with p = (1/(rank + 10)) / H (a Zipf estimate
 * from the rank over the whole source list, H its normaliser), then store each vector as int8 with one float32 scale
 * (its largest magnitude / 127). Deterministic: the same source gives the same bytes and id.
 */
export function deriveWordVectors(
  words: readonly string[],
  vectorOf: (word: string) => ArrayLike<number> | undefined,
  dims: number,
  source: WordVectorsSource,
  recipe: WordVectorsRecipe,
): WordVectorsData {
  let harmonic = 0;
  for (let r = 0; r < words.length; r++) harmonic += 1 / (r + 10);
  const kept: string[] = [];
  const scales = new Float32Array(recipe.words);
  const values = new Int8Array(recipe.words * dims);
  const weighted = new Float64Array(dims);
  for (let rank = 0; rank < words.length && kept.length < recipe.words; rank++) {
    const word = words[rank]!;
    if (!PRODUCIBLE.test(word)) continue;
    const v = vectorOf(word);
    if (!v || v.length < dims) continue;
    const p = 1 / (rank + 10) / harmonic;
    const a = recipe.sif / (recipe.sif + p);
    let max = 0;
    for (let j = 0; j < dims; j++) {
      weighted[j] = a * v[j]!;
      max = Math.max(max, Math.abs(weighted[j]!));
    }
    const at = kept.length;
    const scale = Math.fround(max / 127);
    scales[at] = scale;
    for (let j = 0; j < dims; j++) values[at * dims + j] = scale > 0 ? Math.round(weighted[j]! / scale) : 0;
    kept.push(word);
  }
  const keptScales = scales.slice(0, kept.length);
  const keptValues = values.slice(0, kept.length * dims);
  const sha256 = wordVectorsSha256(kept, keptScales, keptValues);
  return {
    id: `glove-6b-${dims}d.sif-int8.${kept.length}.${sha256.slice(0, 12)}`,
    dims,
    source,
    recipe,
    words: kept,
    scales: keptScales,
    values: keptValues,
    sha256,
  };
}
