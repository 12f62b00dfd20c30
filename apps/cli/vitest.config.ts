import { defineConfig } from 'vitest/config';

// CLI tests start the real `stance` process (tsx compiles on start-up), often several per test: allow for it.
export default defineConfig({ test: { testTimeout: 60_000, hookTimeout: 60_000 } });
