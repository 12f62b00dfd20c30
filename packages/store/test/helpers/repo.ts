import { join } from 'node:path';

/** The monorepo root, where `node_modules/.bin/tsx` lives and child processes run. */
export const REPO_ROOT = join(import.meta.dirname, '../../../..');

/** The tsx binary that runs TypeScript child processes in tests. */
export const TSX = join(REPO_ROOT, 'node_modules/.bin/tsx');
