// Tests run in parallel workers; each test opens its own temporary SQLite file.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/postgres-leg.ts', 'test/build-bundle.ts'],
    testTimeout: 20_000,
    hookTimeout: 20_000,
  },
});
