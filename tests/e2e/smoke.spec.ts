/**
 * What any design of the pages keeps: the home page, one h1, six era pages
 * linked from it in order, each titled with its era's name, and no errors in
 * the console. Run against the site at `/` and the one under a base path.
 */
import type { Page } from '@playwright/test';
import { expect, test, type Site } from './support/fixtures.ts';

/** The eras of content/llm-history.md, in the note's order. */
const ERA_NAMES = ['前奏', '序曲', '间章', '波澜', '奏鸣', '回响'];

/** Distinct era-page links on the current page, in order of first appearance, as site-relative paths. */
async function eraLinks(page: Page, site: Site): Promise<string[]> {
  const hrefs = await page.getByRole('link').evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).href));
  const paths = hrefs
    .map((href) => site.relative(href))
    .filter((path): path is string => path !== null && /^eras\/[^/]+\/$/.test(path));
  return [...new Set(paths)];
}

for (const siteName of ['default', 'base'] as const) {
  test.describe(`site "${siteName}"`, () => {
    test.use({ siteName });

    test('home page answers 200 in Chinese, with one h1', async ({ page, site, consoleErrors }) => {
      const response = await page.goto(site.url());
      expect(response?.status()).toBe(200);
      await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
      await expect(page.getByRole('heading', { level: 1 })).toHaveCount(1);
      expect(consoleErrors).toEqual([]);
    });

    test('home page links to the six era pages, each titled with its era', async ({ page, site, consoleErrors }) => {
      await page.goto(site.url());
      const eras = await eraLinks(page, site);
      expect(eras, 'distinct links to /eras/<slug>/ on the home page').toHaveLength(ERA_NAMES.length);

      for (const [index, path] of eras.entries()) {
        const name = ERA_NAMES[index]!;
        await test.step(`${name}: ${path}`, async () => {
          const response = await page.goto(site.url(path));
          expect(response?.status(), path).toBe(200);
          await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
          const h1 = page.getByRole('heading', { level: 1 });
          await expect(h1).toHaveCount(1);
          await expect(h1).toContainText(name);
        });
      }
      expect(consoleErrors).toEqual([]);
    });
  });
}
