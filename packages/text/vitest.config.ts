import { defineConfig } from 'vitest/config';

// Property tests run thousands of cases and the accuracy test scores some 3,600 sentences; on a 2-core machine shared
// with other jobs (load average 40 and more) a 30 s bound was hit by a 100-case property test, so the bound is generous:
// it catches a hang, not slowness.
export default defineConfig({ test: { testTimeout: 120_000 } });
