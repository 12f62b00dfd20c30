// The shipped table is a binary file of this package, read on first use: commands that never label pay nothing. Like
// natural's lexicons and the labeller's JSON weights it is part of the package, not user data, so reading it here does
// not break "only corpus/store/export touch the filesystem"; `require.resolve` finds it the way the JSON weights are
// found, in the source tree or beside the CLI's bundled chunk.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { WordVectors } from './word-vectors.ts';
import { packedWordVectorsFromBytes, wordVectorsFromData } from './word-vectors.ts';

const require = createRequire(import.meta.url);

/** Where the shipped table lives, relative to this file (also what `pnpm build:vectors` writes). */
export const WORD_VECTORS_FILE = '../../weights/word-vectors.bin';

// In the CLI's bundle this code sits in a chunk in apps/cli/dist/, and the build copies the weights to dist/weights/.
const BUNDLED_FILE = './weights/word-vectors.bin';

/** Path of the shipped table, from the source tree or from beside the bundled chunk. */
function tablePath(): string {
  try {
    return require.resolve(WORD_VECTORS_FILE);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'MODULE_NOT_FOUND') throw error;
    return require.resolve(BUNDLED_FILE);
  }
}

let cached: WordVectors | undefined;

/**
 * The shipped word-vector table: 100-number GloVe vectors (Pennington et al. 2014, 6B tokens; Public Domain
 * Dedication and License) of the most frequent words, SIF-weighted and stored as int8. Loaded once.
 */
export function wordVectors(): WordVectors {
  cached ??= wordVectorsFromData(packedWordVectorsFromBytes(readFileSync(tablePath()), 'word-vectors.bin'));
  return cached;
}
