import { defineConfig, mergeConfig } from 'vitest/config';
import shared from './vitest.shared.ts';

// The repository's own tests (pnpm test:scripts): the test summary, the package READMEs. Packages have their own.
export default mergeConfig(shared, defineConfig({ test: { include: ['scripts/test/**/*.test.ts'] } }));
