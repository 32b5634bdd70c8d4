/**
 * `test` and `expect` for the e2e specs, with the fixture sites:
 *
 *   import { test, expect } from './fixtures.ts';
 *   test.use({ siteName: 'base' });            // default: 'default'
 *   test('…', async ({ page, site }) => {
 *     await page.goto(site.url('eras/'));       // resolved under the site's base
 *   });
 *
 * `page` also collects console errors and uncaught exceptions in
 * `consoleErrors`, so a test can assert there were none.
 */
import { test as base, expect } from '@playwright/test';
import { SITES, type RunningSite, type SiteName } from './sites.ts';

export interface Site extends RunningSite {
  /** The site's root URL, e.g. `http://127.0.0.1:41234/some/sub/path/`. */
  root: string;
  /** An absolute URL for a path relative to the site's base (a leading `/` is dropped). */
  url(path?: string): string;
  /** The path of a URL relative to the site's base, or null when it lies outside. */
  relative(url: string): string | null;
}

export function runningSites(): Record<string, RunningSite> {
  const raw = process.env['E2E_SITES'];
  if (!raw)
    throw new Error(
      '$E2E_SITES is not set: run the e2e tests with `npm run test:e2e` (global-setup.ts builds the sites)',
    );
  return JSON.parse(raw) as Record<string, RunningSite>;
}

export function getSite(name: string): Site {
  const running = runningSites()[name];
  if (!running) {
    const known = Object.keys(SITES).join(', ');
    throw new Error(`fixture site "${name}" is not running (known: ${known}; $E2E_ONLY_SITES may have left it out)`);
  }
  const root = running.origin + running.base;
  return {
    ...running,
    root,
    url: (path = '') => new URL(path.replace(/^\/+/, ''), root).href,
    relative: (url) => {
      const u = new URL(url, root);
      const full = u.origin + decodeURI(u.pathname);
      return full.startsWith(root) ? full.slice(root.length) : null;
    },
  };
}

interface Fixtures {
  /** Which fixture site of sites.ts the test runs against. */
  siteName: SiteName;
  site: Site;
  /** Console errors and page errors seen by `page` so far. */
  consoleErrors: string[];
}

export const test = base.extend<Fixtures>({
  siteName: ['default', { option: true }],
  site: async ({ siteName }, use) => {
    await use(getSite(siteName));
  },
  baseURL: async ({ site }, use) => {
    await use(site.root);
  },
  consoleErrors: async ({ page }, use) => {
    const errors: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(`console.error at ${page.url()}: ${message.text()}`);
    });
    page.on('pageerror', (error) => errors.push(`uncaught at ${page.url()}: ${error.message}`));
    await use(errors);
  },
});

export { expect };
