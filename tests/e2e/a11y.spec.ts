/**
 * Accessibility and layout of every page of the default site (home, each
 * era, the overview, the 404): no axe-core WCAG 2.1 A/AA violation in light
 * or dark, nor without JavaScript, at 320 px, in print, or with the phone
 * header's menu and search open; one h1 and no skipped heading level; a skip link that moves focus
 * to main; banner, main and navigation landmarks; and no horizontal overflow
 * from a 320 px phone to a 1920 px desktop.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import type { Result } from 'axe-core';
import { expect, test } from './support/fixtures.ts';
import { PAGES } from './support/note-pages.ts';

const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

function describeViolations(violations: Result[]): string {
  return violations
    .map((v) => {
      const nodes = v.nodes
        .slice(0, 5)
        .map((n) => `    ${n.target.join(' ')}: ${n.failureSummary?.replace(/\s+/g, ' ')}`)
        .join('\n');
      return `  [${v.impact}] ${v.id}: ${v.help} (${v.nodes.length} node(s))\n${nodes}`;
    })
    .join('\n');
}

for (const colorScheme of ['light', 'dark'] as const) {
  test.describe(`axe, ${colorScheme}`, () => {
    test.use({ colorScheme });

    test(`no WCAG 2.1 A/AA violation on any page (${colorScheme})`, async ({ page, site }) => {
      test.setTimeout(3 * 60_000);
      const report: string[] = [];
      for (const { path, name } of PAGES) {
        await page.goto(site.url(path));
        const { violations } = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
        if (violations.length) report.push(`${name} (/${path}):\n${describeViolations(violations)}`);
      }
      expect(report, `axe violations in ${colorScheme}:\n${report.join('\n')}`).toEqual([]);
    });
  });
}

// The same pages as readers meet them in other conditions: without JavaScript (the rail's plain links, the
// menu as a bare <details>), on a 320 px phone (the one-row header), and as printed.
const CONDITIONS = {
  'JavaScript off': {},
  '320 px': { viewport: { width: 320, height: 700 } },
  print: {},
} as const;

/**
 * Pages as a browser without JavaScript shows them (axe itself needs it): each
 * HTML document is served without its scripts and with its <noscript> content
 * in the page, as such a browser parses it.
 */
async function withoutScripts(page: Page): Promise<void> {
  await page.route('**/*', async (route) => {
    if (route.request().resourceType() !== 'document') return route.continue();
    const response = await route.fetch();
    const html = (await response.text())
      .replace(/<script\b[\s\S]*?<\/script>/giu, '')
      .replace(/<noscript>([\s\S]*?)<\/noscript>/giu, '$1');
    await route.fulfill({ response, body: html });
  });
}
for (const [condition, options] of Object.entries(CONDITIONS)) {
  for (const colorScheme of ['light', 'dark'] as const) {
    test.describe(`axe, ${condition}, ${colorScheme}`, () => {
      test.use({ colorScheme, ...options });

      test(`no WCAG 2.1 A/AA violation on any page (${condition}, ${colorScheme})`, async ({ page, site }) => {
        test.setTimeout(3 * 60_000);
        if (condition === 'print') await page.emulateMedia({ media: 'print', colorScheme });
        if (condition === 'JavaScript off') await withoutScripts(page);
        const report: string[] = [];
        for (const { path, name } of PAGES) {
          await page.goto(site.url(path));
          const { violations } = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
          if (violations.length) report.push(`${name} (/${path}):\n${describeViolations(violations)}`);
        }
        expect(report, `axe violations (${condition}, ${colorScheme}):\n${report.join('\n')}`).toEqual([]);
      });
    });
  }
}

test.describe('axe, a 390 px phone with its menu and its search open', () => {
  test.use({ viewport: { width: 390, height: 844 } });
  for (const colorScheme of ['light', 'dark'] as const) {
    test(`no WCAG 2.1 A/AA violation (${colorScheme})`, async ({ page, site }) => {
      await page.emulateMedia({ colorScheme });
      await page.goto(site.url('eras/前奏/'));
      await page.locator('summary', { hasText: '菜单' }).click();
      const menu = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
      expect(menu.violations, describeViolations(menu.violations)).toEqual([]);
      await page.locator('summary', { hasText: '菜单' }).click();
      await page.getByRole('button', { name: '搜索' }).click();
      await page.getByRole('searchbox').fill('Transformer');
      await expect(page.locator('.search__result').first()).toBeVisible();
      const search = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
      expect(search.violations, describeViolations(search.violations)).toEqual([]);
    });
  }
});

// The interface in Japanese and Traditional Chinese: the same checks on their home and overview.
for (const siteName of ['japanese', 'traditional'] as const) {
  test.describe(`axe on site "${siteName}"`, () => {
    test.use({ siteName });
    for (const colorScheme of ['light', 'dark'] as const) {
      test(`no WCAG 2.1 A/AA violation on its home and overview (${colorScheme})`, async ({ page, site }) => {
        await page.emulateMedia({ colorScheme });
        const report: string[] = [];
        for (const path of ['', 'overview/']) {
          await page.goto(site.url(path));
          const { violations } = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
          if (violations.length) report.push(`/${path}:\n${describeViolations(violations)}`);
        }
        expect(report, `axe violations in ${colorScheme}:\n${report.join('\n')}`).toEqual([]);
      });
    }
  });
}

test('one h1 per page and no skipped heading level', async ({ page, site }) => {
  for (const { path, name } of PAGES) {
    await test.step(name, async () => {
      await page.goto(site.url(path));
      await expect(page.getByRole('heading', { level: 1 })).toHaveCount(1);
      const levels = await page
        .locator('h1, h2, h3, h4, h5, h6')
        .evaluateAll((hs) => hs.map((h) => Number(h.tagName[1])));
      expect(levels[0], `${name}: the first heading is the h1`).toBe(1);
      const skips = levels.flatMap((level, i) =>
        i > 0 && level > levels[i - 1]! + 1 ? [`h${levels[i - 1]} → h${level}`] : [],
      );
      expect(skips, `${name}: skipped heading levels`).toEqual([]);
    });
  }
});

test('a skip link, first in tab order, moves focus to main; banner, main and navigation landmarks', async ({
  page,
  site,
}) => {
  for (const { path, name } of PAGES) {
    await test.step(name, async () => {
      await page.goto(site.url(path));
      await page.keyboard.press('Tab');
      const skip = page.getByRole('link', { name: '跳到正文' });
      await expect(skip).toBeFocused();
      await expect(skip).toBeInViewport();
      await page.keyboard.press('Enter');
      await expect(page.getByRole('main')).toBeFocused();

      await expect(page.getByRole('banner')).toHaveCount(1);
      await expect(page.getByRole('main')).toHaveCount(1);
      await expect(page.getByRole('navigation', { name: '站点导航' })).toBeVisible();
      // Every navigation landmark is named, so a screen reader can tell them apart.
      for (const nav of await page.getByRole('navigation').all())
        expect(await nav.getAttribute('aria-label')).toBeTruthy();
    });
  }
});

for (const width of [320, 390, 768, 1280, 1920]) {
  test(`no horizontal overflow at ${width} px`, async ({ page, site }) => {
    await page.setViewportSize({ width, height: 900 });
    const overflowing: string[] = [];
    for (const { path, name } of PAGES) {
      await page.goto(site.url(path));
      const { scrollWidth, innerWidth, culprits } = await page.evaluate(() => {
        const vw = window.innerWidth;
        const wide = [...document.querySelectorAll('body *')]
          .filter((el) => el.getBoundingClientRect().right > vw + 0.5)
          .slice(0, 5)
          .map((el) => `${el.tagName.toLowerCase()}.${[...el.classList].join('.')}`);
        return { scrollWidth: document.documentElement.scrollWidth, innerWidth: vw, culprits: wide };
      });
      if (scrollWidth > innerWidth)
        overflowing.push(`${name}: scrollWidth ${scrollWidth} > ${innerWidth} (${culprits.join(', ')})`);
    }
    expect(overflowing).toEqual([]);
  });
}
