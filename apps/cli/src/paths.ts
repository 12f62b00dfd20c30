import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root when run from a clone (this file is apps/cli/src/paths.ts; built, apps/cli/dist/stance.js). */
export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

/**
 * The default for `--corpus`: `$STANCE_CORPUS` when set (a team's shared corpus, or the docs examples' copy), else the
 * bundled corpus when stance runs from the repository, else `corpus` in the user's folder (an installed stance has no
 * bundled corpus beside it).
 */
export const DEFAULT_CORPUS =
  process.env['STANCE_CORPUS'] ||
  (existsSync(join(REPO_ROOT, 'corpus', 'GUIDELINES.md')) ? join(REPO_ROOT, 'corpus') : 'corpus');
