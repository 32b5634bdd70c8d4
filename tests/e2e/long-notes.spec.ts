/**
 * Long notes stay navigable (issue #23): an era page of 100 entries opens
 * with its own contents (its sub-periods) whose links land on the page, and
 * ends with a way back to the top; where the axis shows only the chapters
 * around one, the page still links every chapter; a short chapter has no
 * contents to wade through.
 */
import { expect, test } from './support/fixtures.ts';

test.describe('a 1,000-entry note (10 chapters of 100)', () => {
  test.use({ siteName: 'crowded' });

  test('an era page opens with its contents, each link landing on the page, and ends with a way back up', async ({
    page,
    site,
  }) => {
    // Below 1200 px, where no rail stands beside the chapter (layout.spec.ts tests the rail).
    await page.setViewportSize({ width: 1024, height: 768 });
    await page.goto(site.url());
    const first = await page.locator('svg.axis__svg--wide a.axis__era').first().getAttribute('href');
    await page.goto(new URL(first!, site.origin).href);
    // A chapter named with its number (`第 1 章 奏鸣`) does not show the number twice.
    await expect(page.locator('h1')).toContainText(/^第 1 章/u);
    await expect(page.locator('.era-header__ordinal')).toHaveCount(0);
    const contents = page.getByRole('navigation', { name: '本章目录' });
    await expect(contents).toBeVisible();
    const targets = await contents.locator('a').evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
    expect(targets.length).toBeGreaterThan(3);
    for (const target of targets)
      expect(await page.locator(`[id="${decodeURIComponent(target.slice(1))}"]`).count(), target).toBe(1);
    // Above the entries: the first link is reached before the first entry.
    const [contentsTop, entriesTop] = await Promise.all([
      contents.evaluate((el) => el.getBoundingClientRect().top),
      page
        .locator('.entry')
        .first()
        .evaluate((el) => el.getBoundingClientRect().top),
    ]);
    expect(contentsTop).toBeLessThan(entriesTop);
    await contents.locator('a').last().click();
    await expect(page.locator(`[id="${decodeURIComponent(targets.at(-1)!.slice(1))}"]`)).toBeInViewport();
    const up = page.getByRole('link', { name: '回到顶部' });
    await up.click();
    await expect(page.locator('h1')).toBeInViewport();
  });
});

test.describe('a 10,000-entry note (100 chapters)', () => {
  test.use({ siteName: 'huge' });

  test('every era page links every chapter, though its axis shows nine', async ({ page, site }) => {
    await page.goto(site.url());
    const all = await page
      .locator('svg.axis__svg--wide a.axis__era')
      .evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
    expect(all).toHaveLength(100);
    for (const href of [all[0]!, all[57]!, all[99]!]) {
      await page.goto(new URL(href, site.origin).href);
      expect(await page.locator('svg.axis__svg--wide a.axis__era').count()).toBeLessThan(100);
      const linked = await page
        .locator('main a[href*="/eras/"]')
        .evaluateAll((as) => [...new Set(as.map((a) => a.getAttribute('href')))]);
      for (const other of all) expect(linked, `${href} links ${other}`).toContain(other);
    }
  });
});

test('a short chapter has no contents and no way back up to offer', async ({ page, site }) => {
  await page.setViewportSize({ width: 1024, height: 768 });
  await page.goto(site.url('eras/间章/'));
  await expect(page.getByRole('navigation', { name: '本章目录' })).toHaveCount(0);
  await expect(page.getByRole('link', { name: '回到顶部' })).toHaveCount(0);
});
