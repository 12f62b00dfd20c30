import { defineConfig } from 'vitest/config';

// The one vitest configuration; each package's vitest.config.ts is this (apps/cli adds a build before its tests).
//
// Timeouts guard against hangs; they are not speed checks. `pnpm test` runs every package at once, and on a 2-core
// machine that is also doing other work a test can take many times what it takes alone, so a tight timeout fails
// for reasons that say nothing about the code. A test that is about speed belongs in a `pnpm bench:*` script.
export default defineConfig({
  test: {
    testTimeout: 600_000,
    hookTimeout: 600_000,
    teardownTimeout: 60_000,
    // One worker per package: turbo already runs packages side by side, and more workers than cores only adds
    // memory and switching (vitest's default is cores − 1, which is also 1 on the 2-core machines CI runs on).
    maxWorkers: 1,
  },
});
