import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Builds dist/ when it is older than the source: the tests that spawn the binary run it.
    globalSetup: ['test/setup/build.ts'],
    testTimeout: 60_000,
    pool: 'forks',
  },
});
