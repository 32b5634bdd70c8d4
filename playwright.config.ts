import { defineConfig, devices } from '@playwright/test';
import { CHROMIUM_ARGS, resolveBrowser } from './tests/e2e/browser.mjs';

// Written by tests/e2e/provision-browser.mjs (run by `npm run test:e2e`);
// null leaves Playwright to its own downloaded Chromium.
const browser = resolveBrowser();

export default defineConfig({
  testDir: 'tests/e2e',
  testMatch: '**/*.spec.ts',
  globalSetup: './tests/e2e/global-setup.ts',
  // Sized for 2 cores: builds take seconds, a page a fraction of one.
  workers: 2,
  fullyParallel: true,
  timeout: 60_000,
  globalTimeout: 20 * 60_000,
  expect: { timeout: 10_000 },
  forbidOnly: !!process.env['CI'],
  retries: 0,
  reporter: [['list']],
  outputDir: 'test-results',
  use: {
    navigationTimeout: 20_000,
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
