/**
 * The desktop used and the phone kept compact (issue #23, parts 2 and 6),
 * in Chromium on the default note, an English BC note and a 1,000-entry note:
 * from 1200 px an era page has a sticky contents rail whose links land on
 * the page and whose current entry follows the reading (plain links without
 * JavaScript); the poster's header lines up with its drawing; at 390 × 844
 * the header is one row, its search button and menu open over the page
 * without pushing it down, and each era page's first entry is in the first
 * screen.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures.ts';

const LABELS = {
  default: { rail: '本章目录', menu: '菜单', search: '搜索' },
  ancient: { rail: 'In this chapter', menu: 'Menu', search: 'Search' },
  crowded: { rail: '本章目录', menu: '菜单', search: '搜索' },
} as const;

/** The era pages of a site, as its home page's axis links them. */
async function eraPages(page: Page, home: string): Promise<string[]> {
  await page.goto(home);
  const hrefs = await page
    .locator('svg.axis__svg--wide a.axis__era')
    .evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
  return [...new Set(hrefs)].map((href) => new URL(href, home).href);
}

for (const siteName of ['default', 'ancient', 'crowded'] as const) {
  test.describe(`site "${siteName}"`, () => {
    test.use({ siteName });
    const labels = LABELS[siteName];

    test('at 1280 px each era page has a contents rail beside the chapter; its links land on the page and on the chapters around it', async ({
      page,
      site,
    }) => {
      test.setTimeout(3 * 60_000);
      const pages = await eraPages(page, site.url());
      for (const url of siteName === 'crowded' ? pages.slice(0, 2) : pages) {
        await page.goto(url);
        const rail = page.getByRole('navigation', { name: labels.rail });
        await expect(rail, url).toBeVisible();
        const [railBox, articleBox] = await Promise.all([
          rail.boundingBox(),
          page.locator('article.era').boundingBox(),
        ]);
        expect(railBox!.x, `${url}: the rail stands to the right of the chapter`).toBeGreaterThanOrEqual(
          articleBox!.x + articleBox!.width,
        );
        expect(railBox!.x + railBox!.width - articleBox!.x, `${url}: chapter and rail use the width`).toBeGreaterThan(
          880,
        );
        const hrefs = await rail.locator('a').evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
        const anchors = hrefs.filter((href) => href.startsWith('#'));
        for (const anchor of anchors)
          expect(await page.locator(`[id="${decodeURIComponent(anchor.slice(1))}"]`).count(), `${url} ${anchor}`).toBe(
            1,
          );
        // Every entry and sub-period of the chapter is in the rail.
        const onPage = await page
          .locator('article.era :is(.entry__title, .year-marker)')
          .evaluateAll((hs) => hs.map((h) => `#${encodeURIComponent(h.id)}`));
        expect(anchors.map((a) => decodeURIComponent(a))).toEqual(onPage.map((a) => decodeURIComponent(a)));
        for (const chapter of hrefs.filter((href) => !href.startsWith('#'))) {
          const response = await page.request.get(new URL(chapter, url).href);
          expect(response.status(), `${url} → ${chapter}`).toBe(200);
        }
      }
    });
  });
}

test.describe('the rail of a 100-entry chapter', () => {
  test.use({ siteName: 'crowded' });

  test('marks the entry being read as the page scrolls, stays in view, and keeps that entry in its own view', async ({
    page,
    site,
  }) => {
    const [first] = await eraPages(page, site.url());
    await page.goto(first!);
    const rail = page.getByRole('navigation', { name: '本章目录' });
    const titles = page.locator('article.era .entry__title');
    for (const n of [5, 60, 95]) {
      const title = titles.nth(n);
      const id = await title.getAttribute('id');
      await title.evaluate((el) => window.scrollTo(0, el.getBoundingClientRect().top + window.scrollY - 30));
      const current = rail.locator('a[aria-current="true"]');
      await expect(current).toHaveCount(1);
      await expect(current).toHaveAttribute('href', `#${encodeURIComponent(id!)}`);
      await expect(current).toBeInViewport();
      const top = await rail.evaluate((el) => el.getBoundingClientRect().top);
      expect(top, 'the rail sticks near the top of the window').toBeLessThan(40);
      expect(top).toBeGreaterThanOrEqual(0);
    }
  });

  test('is hidden below 1200 px, where the chapter opens with its own contents', async ({ page, site }) => {
    const [first] = await eraPages(page, site.url());
    await page.setViewportSize({ width: 1100, height: 800 });
    await page.goto(first!);
    await expect(page.locator('[data-rail]')).toBeHidden();
    await expect(page.getByRole('navigation', { name: '本章目录' })).toHaveCount(1);
    await expect(page.locator('.era-contents')).toBeVisible();
  });
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the rail is plain links that land on the page, none marked', async ({ page, site }) => {
    await page.goto(site.url('eras/前奏/'));
    const rail = page.getByRole('navigation', { name: '本章目录' });
    await expect(rail).toBeVisible();
    await expect(rail.locator('a[aria-current]')).toHaveCount(0);
    const link = rail.locator('a[href^="#"]').nth(3);
    const target = decodeURIComponent((await link.getAttribute('href'))!.slice(1));
    await link.click();
    await expect(page.locator(`[id="${target}"]`)).toBeInViewport();
  });

  test('on a phone the menu still opens the pages; there is no search button', async ({ page, site }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(site.url('eras/前奏/'));
    await expect(page.getByRole('button', { name: '搜索' })).toBeHidden();
    await page.locator('summary', { hasText: '菜单' }).click();
    await page.getByRole('banner').getByRole('link', { name: '总览' }).click();
    await expect(page).toHaveURL(/overview\/$/u);
  });
});

test('the poster page lines its header up with its drawing, at 1280 and 1920 px', async ({ page, site }) => {
  for (const width of [1280, 1920]) {
    await page.setViewportSize({ width, height: 900 });
    await page.goto(site.url('poster/'));
    const lefts = await page.evaluate(() =>
      ['.site-header__title', '.poster-header h1', '.poster__sheet'].map(
        (selector) => document.querySelector(selector)!.getBoundingClientRect().left,
      ),
    );
    expect(Math.max(...lefts) - Math.min(...lefts), `${width} px: ${lefts.join(', ')}`).toBeLessThanOrEqual(2);
  }
});

for (const siteName of ['default', 'ancient'] as const) {
  test.describe(`a 390 × 844 phone, site "${siteName}"`, () => {
    test.use({ siteName, viewport: { width: 390, height: 844 } });
    const labels = LABELS[siteName];

    test('the header is one row, and every era page shows its first entry in the first screen', async ({
      page,
      site,
    }) => {
      const pages = await eraPages(page, site.url());
      const header = page.getByRole('banner');
      const box = await header.boundingBox();
      expect(box!.height, 'one row').toBeLessThanOrEqual(56);
      for (const url of pages) {
        await page.goto(url);
        const first = page.locator('article.era .entry__title').first();
        if ((await first.count()) === 0) continue;
        const top = await first.evaluate((el) => el.getBoundingClientRect().top);
        expect(top, `${url}: the first entry starts ${top} px down`).toBeLessThan(844 - 24);
      }
    });

    test('search opens over the page, focused, finds an entry, and closes with Escape', async ({ page, site }) => {
      await page.goto(site.url());
      const main = page.getByRole('main');
      const before = (await main.boundingBox())!.y;
      const input = page.getByRole('searchbox');
      await expect(input).toBeHidden();
      const button = page.getByRole('button', { name: labels.search });
      await button.click();
      await expect(input).toBeVisible();
      await expect(input).toBeFocused();
      await expect(button).toHaveAttribute('aria-expanded', 'true');
      expect((await main.boundingBox())!.y, 'nothing pushed down').toBe(before);
      await input.fill(siteName === 'default' ? 'Transformer' : 'Caesar');
      await expect(page.locator('.search__result').first()).toBeVisible();
      await page.keyboard.press('Escape');
      await page.keyboard.press('Escape');
      await expect(input).toBeHidden();
      await expect(button).toBeFocused();
    });

    test('the menu opens the pages over the content, and closes on a click elsewhere', async ({ page, site }) => {
      await page.goto(site.url());
      const main = page.getByRole('main');
      const before = (await main.boundingBox())!.y;
      const summary = page.locator('summary', { hasText: labels.menu });
      await summary.click();
      const links = page.getByRole('banner').locator('details a');
      await expect(links).toHaveCount(3);
      for (const link of await links.all()) await expect(link).toBeVisible();
      expect((await main.boundingBox())!.y, 'nothing pushed down').toBe(before);
      await page.mouse.click(200, 600);
      await expect(links.first()).toBeHidden();
    });
  });
}
