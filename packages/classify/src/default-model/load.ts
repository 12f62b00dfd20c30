// The shipped weights are a JSON module of this package (read like natural's lexicons, through createRequire): loaded
// on first use, once per process, so commands that never label pay nothing.
import { createRequire } from 'node:module';
import type { DefaultLabeller } from './labeller.ts';
import { labellerFromData } from './labeller.ts';
import type { LabellerData } from './labeller-data.ts';

const require = createRequire(import.meta.url);

/** Where the shipped weights live, relative to this file (also what `pnpm build:model` writes). */
export const DEFAULT_LABELLER_FILE = '../../weights/default-labeller.json';

// In the CLI's bundle this code sits in a chunk in apps/cli/dist/, and the build copies the weights to dist/weights/.
const BUNDLED_FILE = './weights/default-labeller.json';

/** The weights, from the source tree or from beside the bundled chunk. */
function readWeights(): LabellerData {
  try {
    return require(DEFAULT_LABELLER_FILE) as LabellerData;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'MODULE_NOT_FOUND') throw error;
    return require(BUNDLED_FILE) as LabellerData;
  }
}

let cached: DefaultLabeller | undefined;

/**
 * The shipped default labeller (fact / quote / opinion / skip): word n-gram + rule-cue logistic regressions trained
 * on CheckThat subjectivity (opinion) and PolNeAR attribution (quote), combined with the rules (skip). Research and
 * non-commercial use only (the training data's licences); see docs/classify.md.
 */
export function defaultLabeller(): DefaultLabeller {
  cached ??= labellerFromData(readWeights());
  return cached;
}
