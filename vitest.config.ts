import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'tests/**/*.test.ts'],
    testTimeout: 20_000,
    hookTimeout: 240_000,
    // Builds the site and its search index once for the search suites (.tmp/search-dist).
    globalSetup: ['tests/support/global-build.ts'],
  },
});
