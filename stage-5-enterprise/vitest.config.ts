import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Makes the PGlite template once (initdb, ~20 s) before the test files copy it.
    globalSetup: ['test/global-setup.ts'],
    // Each test file opens its own databases: PGlite in a temp folder and a new PostgreSQL database.
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
