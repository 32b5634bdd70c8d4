// ESLint (flat config): JavaScript's and typescript-eslint's recommended
// rules, and eslint-plugin-astro's for .astro files. Formatting is Prettier's.
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import astro from 'eslint-plugin-astro';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default defineConfig(
  {
    ignores: [
      'dist/',
      '.astro/',
      'node_modules/',
      'tests/.sites/',
      'test-results/',
      'playwright-report/',
      'bench/.work/',
      'bench/results/',
    ],
  },
  js.configs.recommended,
  tseslint.configs.recommended,
  astro.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' },
      ],
    },
  },
  {
    // Scripts that run in the reader's browser.
    files: ['src/components/search/*.ts', 'public/**/*.js'],
    languageOptions: { globals: { ...globals.browser } },
  },
);
