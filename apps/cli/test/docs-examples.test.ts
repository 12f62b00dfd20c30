import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { ROOT } from './helpers/run-stance.ts';

// The examples in README.md and docs/*.md are what the built stance prints today (figures only need their stamp).
// When this fails, `pnpm docs:examples` rewrites the stale blocks; read the diff before committing it.
it('every marked example in README.md and docs/ is current', () => {
  const r = spawnSync(join(ROOT, 'node_modules/.bin/tsx'), ['scripts/docs-examples.ts', '--check'], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  expect(r.status, r.stderr).toBe(0);
  expect(r.stderr).toMatch(/docs-examples: [1-9]\d* blocks run, 0 problems/);
});
