import { defineConfig } from 'vitest/config';

/**
 * Vitest runs two kinds of tests, in Node, without a browser:
 * tests/parser/ (the pure parser, the layouts and the exports, no build) and
 * tests/build/ (real `astro build`s of fixture notes, read back from disk) and
 * tests/package/ (the packed package, installed from its tarball in fresh
 * folders, used as a user would).
 * The browser tests in tests/e2e/ are Playwright's.
 */
export default defineConfig({
  test: {
    include: ['tests/parser/**/*.test.ts', 'tests/build/**/*.test.ts', 'tests/package/**/*.test.ts'],
    environment: 'node',
  },
});
