import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root (this file is apps/cli/src/paths.ts). */
export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

/** The bundled corpus, the default for commands that take `--corpus`. */
export const DEFAULT_CORPUS = resolve(REPO_ROOT, 'corpus');
