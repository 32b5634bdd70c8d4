import { defineConfig } from 'vitest/config';

/**
 * Vitest runs two kinds of tests, in Node, without a browser:
 * tests/parser/ (the pure parser, the layouts and the exports, no build) and
 * tests/build/ (real `astro build`s of fixture notes, read back from disk).
 * The browser tests in tests/e2e/ are Playwright's.
 */
export default defineConfig({
  test: {
    include: ['tests/parser/**/*.test.ts', 'tests/build/**/*.test.ts'],
    environment: 'node',
  },
});
