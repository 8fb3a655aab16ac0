import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // The durability and concurrency tests start real server processes.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
