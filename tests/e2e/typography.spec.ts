/**
 * Chinese and Japanese typography (issue #23, W3C clreq and jlreq): no Han
 * or kana text is set in italics anywhere on the default (Chinese) and the
 * Japanese site: introductions, note lines and the note's own emphasis stay
 * upright; headings never break inside a word; no line of text runs
 * longer than about 40 em on any page, the overview included; and headings
 * rank above what they head (chapter over sub-period over entry), never
 * styled as underlined links.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures.ts';
import { PAGES } from './support/note-pages.ts';

/** Elements whose own text holds Han or kana and whose computed style slants it. */
async function slanted(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const cjk = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;
    const out: string[] = [];
    for (const el of document.querySelectorAll('body *')) {
      const own = [...el.childNodes]
        .filter((n) => n.nodeType === Node.TEXT_NODE)
        .map((n) => n.textContent ?? '')
        .join('');
      if (!cjk.test(own)) continue;
      const style = getComputedStyle(el);
      if (style.display === 'none') continue;
      if (style.fontStyle !== 'normal')
        out.push(`<${el.tagName.toLowerCase()} class="${el.className}"> ${own.trim().slice(0, 30)}`);
    }
    return out;
  });
}

test('no Han text in italics on any page of the Chinese site; headings keep words whole', async ({ page, site }) => {
  test.setTimeout(3 * 60_000);
  const report: string[] = [];
  for (const { path, name } of PAGES) {
    await page.goto(site.url(path));
    for (const line of await slanted(page)) report.push(`${name}: ${line}`);
    const breaking = await page
      .locator('h1, h2, h3')
      .evaluateAll((hs) => hs.filter((h) => getComputedStyle(h).wordBreak !== 'keep-all').map((h) => h.textContent));
    expect(breaking, name).toEqual([]);
  }
  expect(report).toEqual([]);
});

test('lines of text are at most about 40 em (42 at most) on every page at 1280 px', async ({ page, site }) => {
  test.setTimeout(3 * 60_000);
  await page.setViewportSize({ width: 1280, height: 900 });
  const report: string[] = [];
  for (const { path, name } of PAGES) {
    if (path === 'poster/') continue; // A drawing, not lines of text.
    await page.goto(site.url(path));
    const long = await page.evaluate(() => {
      const out: string[] = [];
      for (const el of document.querySelectorAll<HTMLElement>('main :is(p, li, dd, blockquote, .entry__description)')) {
        if (el.closest('svg, nav') || !(el.textContent ?? '').trim()) continue;
        const style = getComputedStyle(el);
        if (style.display === 'none') continue;
        // The longest line is as wide as the text's own box: a short label in a wide box is no long line.
        const range = document.createRange();
        range.selectNodeContents(el);
        const ems = range.getBoundingClientRect().width / parseFloat(style.fontSize);
        if (ems > 42) out.push(`${el.tagName.toLowerCase()}.${el.className} ${ems.toFixed(1)} em`);
      }
      return out;
    });
    for (const line of long.slice(0, 3)) report.push(`${name}: ${line}`);
  }
  expect(report).toEqual([]);
});

test.describe('the Japanese site', () => {
  test.use({ siteName: 'japanese' });
  test('no kana or kanji in italics on its home, overview and era pages', async ({ page, site }) => {
    await page.goto(site.url());
    const eras = await page
      .locator('svg.axis__svg--wide a.axis__era')
      .evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
    const report: string[] = [];
    for (const path of ['', 'overview/', ...eras.map((href) => href.replace(/^\//u, ''))]) {
      await page.goto(site.url(path));
      for (const line of await slanted(page)) report.push(`/${path}: ${line}`);
    }
    expect(report).toEqual([]);
  });
});

for (const siteName of ['default', 'ancient'] as const) {
  test.describe(`hierarchy, site "${siteName}"`, () => {
    test.use({ siteName });

    test('chapter headings stand above sub-periods, sub-periods above entries; chapter headings are not underlined links', async ({
      page,
      site,
    }) => {
      /** Computed font size (px), weight and decoration of the first element matching each selector. */
      const styles = (selectors: string[]) =>
        page.evaluate(
          (list) =>
            list.map((selector) => {
              const el = document.querySelector(selector);
              if (!el) return null;
              const style = getComputedStyle(el);
              return {
                size: parseFloat(style.fontSize),
                weight: Number(style.fontWeight),
                underline: style.textDecorationLine.includes('underline'),
                color: style.color,
              };
            }),
          selectors,
        );
      await page.goto(site.url('overview/'));
      const [era, link, sub, entry, body] = await styles([
        '.overview-era__title',
        '.overview-era__title a',
        '.overview-subperiod',
        '.overview-entry__title',
        '.overview-entry',
      ]);
      expect(era!.size, 'overview: chapter heading / entry').toBeGreaterThanOrEqual(1.4 * entry!.size);
      expect(link!.underline, 'overview: the chapter heading is not an underlined link').toBe(false);
      expect(link!.color, 'overview: the chapter heading is in the text colour').toBe(body!.color);
      if (sub) {
        expect(sub.size, 'overview: sub-period / entry').toBeGreaterThanOrEqual(1.1 * entry!.size);
        expect(era!.size, 'overview: chapter / sub-period').toBeGreaterThanOrEqual(1.25 * sub.size);
      }
      // An era page with sub-periods where the note has them.
      const withSubperiods = page.locator('.overview-era:has(.overview-subperiod) .overview-era__title a');
      const chapter = (await withSubperiods.count()) > 0 ? withSubperiods : page.locator('.overview-era__title a');
      await page.goto(new URL((await chapter.first().getAttribute('href'))!, page.url()).href);
      const [title, marker, entryTitle] = await styles(['.era-header__title', '.year-marker', '.entry__title']);
      expect(title!.size, 'era page: chapter / entry').toBeGreaterThanOrEqual(2 * entryTitle!.size);
      expect(Boolean(marker), 'sub-periods on the era page exactly where the overview has them').toBe(Boolean(sub));
      if (marker) {
        expect(title!.size, 'era page: chapter / sub-period').toBeGreaterThanOrEqual(1.5 * marker.size);
        expect(marker.size, 'era page: sub-period / entry').toBeGreaterThanOrEqual(1.25 * entryTitle!.size);
        expect(marker.color, 'era page: a sub-period is set apart from the entries by colour').not.toBe(
          entryTitle!.color,
        );
      }
    });
  });
}
