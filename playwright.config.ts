import { defineConfig, devices } from '@playwright/test';
import { CHROMIUM_ARGS, resolveBrowser } from './tests/e2e/support/browser.mjs';

// Written by tests/e2e/support/provision-browser.mjs (run by `npm run test:e2e`);
// null leaves Playwright to its own downloaded Chromium.
const browser = resolveBrowser();

export default defineConfig({
  testDir: 'tests/e2e',
  testMatch: '**/*.spec.ts',
  globalSetup: './tests/e2e/support/global-setup.ts',
  // Sized for 2 cores, with room for a busy machine: a page takes well under
  // a second when idle, but several when other builds share the cores.
  workers: 2,
  fullyParallel: true,
  timeout: 90_000,
  globalTimeout: 20 * 60_000,
  expect: { timeout: 15_000 },
  forbidOnly: !!process.env['CI'],
  retries: 0,
  reporter: [['list']],
  outputDir: 'test-results',
  use: {
    navigationTimeout: 30_000,
    actionTimeout: 10_000,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    locale: 'zh-CN',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        launchOptions: {
          ...(browser ? { executablePath: browser.executablePath } : {}),
          args: CHROMIUM_ARGS,
        },
      },
    },
  ],
});
