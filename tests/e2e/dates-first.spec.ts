/**
 * Dates first (issue #23): on an era page each entry's date stands in its
 * own column before the title on a wide screen, right edges aligned, never
 * wrapped; above its title on a phone; and the entry's `#` anchor shows
 * only on hover or focus.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures.ts';

test.use({ siteName: 'ancient' });

/** Each dated entry's date and title boxes, in page order. */
async function dated(page: Page) {
  return page.locator('.entry:has(.entry__year)').evaluateAll((entries) =>
    entries.map((entry) => {
      const date = entry.querySelector('.entry__year')!.getBoundingClientRect();
      const title = entry.querySelector('.entry__title > :first-child')!.getBoundingClientRect();
      const lineHeight = parseFloat(getComputedStyle(entry.querySelector('.entry__year')!).lineHeight);
      return {
        text: entry.querySelector('.entry__year')!.textContent ?? '',
        date: { left: date.left, right: date.right, top: date.top, bottom: date.bottom, height: date.height },
        title: { left: title.left, top: title.top },
        lineHeight,
      };
    }),
  );
}

test('at 1280 px the dates stand in one column before the titles, aligned, each on one line', async ({
  page,
  site,
}) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(site.url('eras/rome/'));
  const rows = await dated(page);
  expect(rows.length).toBe(10);
  for (const row of rows) {
    expect(Math.abs(row.date.right - rows[0]!.date.right), row.text).toBeLessThanOrEqual(1);
    expect(row.date.right, row.text).toBeLessThan(row.title.left);
    expect(row.date.height, row.text).toBeLessThanOrEqual(row.lineHeight * 1.2);
  }
  // Titles line up too, whatever their dates' lengths.
  for (const row of rows) expect(Math.abs(row.title.left - rows[0]!.title.left)).toBeLessThanOrEqual(1);
});

test('at 390 px each date stands above its title, on one line', async ({ page, site }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(site.url('eras/rome/'));
  for (const row of await dated(page)) {
    expect(row.date.bottom, row.text).toBeLessThanOrEqual(row.title.top + 1);
    expect(row.date.height, row.text).toBeLessThanOrEqual(row.lineHeight * 1.2);
  }
});

test('the # anchor shows on hover and on focus only', async ({ page, site }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(site.url('eras/rome/'));
  const first = page.locator('.entry').first();
  const anchor = first.locator('.entry__self');
  await page.mouse.move(0, 0);
  await expect(anchor).toHaveCSS('opacity', '0');
  await first.hover();
  await expect(anchor).toHaveCSS('opacity', '1');
  await page.mouse.move(0, 0);
  await anchor.focus();
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Tab');
  await expect(anchor).toBeFocused();
  await expect(anchor).toHaveCSS('opacity', '1');
});

test.describe('the default note', () => {
  test.use({ siteName: 'default' });

  test('a chapter’s period reads the same on its page, its card and the overview; no chapter label twice', async ({
    page,
    site,
  }) => {
    await page.goto(site.url());
    const cards = await page.locator('.chapter-card').evaluateAll((cards) =>
      cards.map((card) => ({
        href: card.querySelector('h2 a')!.getAttribute('href')!,
        period: card.querySelector('.chapter-card__period')?.textContent?.trim() ?? '',
      })),
    );
    await page.goto(site.url('overview/'));
    const overview = await page.locator('.overview-era__title').evaluateAll((titles) =>
      titles.map((h) => ({
        period: h.querySelector('.overview-era__period')?.textContent?.trim() ?? '',
        text: h.textContent?.replace(/\s+/gu, ' ').trim() ?? '',
      })),
    );
    expect(overview).toHaveLength(cards.length);
    for (const [i, card] of cards.entries()) {
      await page.goto(new URL(card.href, site.origin).href);
      const header = (await page.locator('.era-header__period').textContent())?.trim() ?? '';
      expect(header, card.href).toBe(card.period);
      expect(overview[i]!.period, card.href).toBe(card.period);
      // Never the raw `2023-？？？？`.
      expect(header).not.toMatch(/？？/u);
    }
    for (const { text } of overview) expect(text).not.toMatch(/(第 \d+ 章).*\1/u);
  });
});
