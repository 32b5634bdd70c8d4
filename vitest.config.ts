import { defineConfig } from 'vitest/config';

/** Unit tests only: the pure note parser, run in Node without a browser. */
export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts'],
    environment: 'node',
  },
});
