/**
 * Accessibility and layout of every page of the default site (home, each
 * era, the overview, the 404): no axe-core WCAG 2.1 A/AA violation in light
 * or dark; one h1 and no skipped heading level; a skip link that moves focus
 * to main; banner, main and navigation landmarks; and no horizontal overflow
 * from a 320 px phone to a 1920 px desktop.
 */
import AxeBuilder from '@axe-core/playwright';
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
