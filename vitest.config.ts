// Tests run in parallel workers; each test opens its own temporary SQLite file.
import { defineConfig } from 'vitest/config';

/** Files that test only the real PostgreSQL server: without TEST_DATABASE_URL they have no test to run (Vitest counts
 *  such a file as failed), so they are left out, and test/postgres-leg.ts says the server leg was skipped. */
const SERVER_ONLY = [
  'test/store/leader-lock.test.ts',
  'test/schedule/leader-handover.test.ts',
  'test/schedule/two-senders.test.ts',
  'test/replicas/commands.test.ts',
  'test/replicas/fan-out-kills.test.ts',
];

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    exclude: process.env.TEST_DATABASE_URL ? [] : SERVER_ONLY,
    globalSetup: ['test/postgres-leg.ts', 'test/build-bundle.ts'],
    testTimeout: 20_000,
    hookTimeout: 20_000,
  },
});
