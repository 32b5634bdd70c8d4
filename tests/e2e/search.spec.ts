/**
 * Entry search (Search.astro, Pagefind) in a real browser, on the site at `/`
 * and the one under /some/sub/path/: Chinese and English queries find the
 * entries that hold them, named with their era; a result opens the era page
 * at the entry's anchor; nothing of Pagefind loads before the reader turns
 * to the box; `/` focuses it; without JavaScript the box is not there and
 * every entry still is; no axe violation in light or dark.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test, type Site } from './support/fixtures.ts';

const searchbox = (page: Page) => page.getByRole('search').getByRole('searchbox', { name: '搜索条目' });
const results = (page: Page) => page.getByRole('list', { name: '搜索结果' }).getByRole('link');

/** Types a query into the search box and waits for the count to be announced. */
async function search(page: Page, query: string): Promise<void> {
  await searchbox(page).fill(query);
  await expect(page.getByRole('status')).toHaveText(/找到 \d+ 条|没有找到/);
}

/** The site-relative path and hash of a URL, e.g. `eras/间章/#gqa`. */
function where(site: Site, url: string): string {
  return `${site.relative(url)}${new URL(url).hash}`;
}

for (const siteName of ['default', 'base'] as const) {
  test.describe(`search on site "${siteName}"`, () => {
    test.use({ siteName });

    test('注意力 finds GQA in 间章, 蒸馏 finds DeepSeek-R1, Transformer and Whisper find theirs', async ({
      page,
      site,
      consoleErrors,
    }) => {
      test.slow(); // several searches and page loads in one test
      await page.goto(site.url());
      const cases = [
        { query: '注意力', title: 'GQA', era: '间章', anchor: 'eras/间章/#gqa' },
        { query: '蒸馏', title: 'DeepSeek-R1', era: '奏鸣', anchor: 'eras/奏鸣/#deepseek-r1' },
        { query: 'Transformer', title: 'Transformer', era: '前奏', anchor: 'eras/前奏/#transformer' },
        { query: 'Whisper', title: 'Whisper', era: '序曲', anchor: 'eras/序曲/#whisper' },
      ];
      for (const { query, title, era, anchor } of cases) {
        await test.step(query, async () => {
          await search(page, query);
          const hit = results(page).filter({
            has: page.locator('.search__title', { hasText: new RegExp(`^${title}\\b`) }),
          });
          await expect(hit).toHaveCount(1);
          await expect(hit.locator('.search__era')).toHaveText(era);
          expect(where(site, await hit.evaluate((a) => (a as HTMLAnchorElement).href))).toBe(anchor);
          // Each result is one entry of an era page: never the home page, the overview or the 404.
          for (const href of await results(page).evaluateAll((links) =>
            links.map((a) => (a as HTMLAnchorElement).href),
          )) {
            expect(where(site, href)).toMatch(/^eras\/[^/]+\/#.+/);
          }
          // The excerpt shows the match, marked.
          await expect(hit.locator('xpath=..').locator('.search__excerpt mark').first()).toHaveText(query);
        });
      }
      expect(consoleErrors).toEqual([]);
    });

    test('a result opens the era page at the entry, by mouse and by keyboard', async ({
      page,
      site,
      consoleErrors,
    }) => {
      test.slow(); // several searches and page loads in one test
      await page.goto(site.url('overview/'));
      await search(page, '注意力');
      await results(page).filter({ hasText: 'GQA' }).click();
      await expect.poll(() => where(site, page.url())).toBe('eras/间章/#gqa');
      await expect(page.locator('#gqa')).toBeInViewport();
      await expect(page.getByRole('heading', { level: 1 })).toContainText('间章');

      // From the box: ↓ walks the results, Enter follows one, Escape closes the list.
      await search(page, '蒸馏');
      await searchbox(page).press('ArrowDown');
      await expect(results(page).first()).toBeFocused();
      await searchbox(page).focus();
      await searchbox(page).press('Escape');
      await expect(results(page)).toHaveCount(0);
      await search(page, 'Whisper');
      await searchbox(page).press('ArrowDown');
      await page.keyboard.press('Enter');
      await expect.poll(() => where(site, page.url())).toBe('eras/序曲/#whisper');
      await expect(page.locator('#whisper')).toBeInViewport();
      expect(consoleErrors).toEqual([]);
    });

    test('Pagefind loads only when the reader turns to the box; / focuses it', async ({
      page,
      site,
      consoleErrors,
    }) => {
      const requested: string[] = [];
      page.on('request', (request) => requested.push(request.url()));
      const pagefindDir = site.url('pagefind/');
      await page.goto(site.url('eras/前奏/'));
      await page.waitForLoadState('networkidle');
      expect(requested.filter((url) => url.startsWith(pagefindDir))).toEqual([]);

      await expect(searchbox(page)).toBeVisible();
      await expect(searchbox(page)).not.toBeFocused();
      await page.keyboard.press('/');
      await expect(searchbox(page)).toBeFocused();
      await expect(searchbox(page)).toHaveValue('');
      await expect.poll(() => requested.filter((url) => url.startsWith(pagefindDir)).length).toBeGreaterThan(0);
      // Its script comes from the site's own base path.
      expect(requested).toContain(`${pagefindDir}pagefind.js`);

      // In the box, / is a character like any other.
      await page.keyboard.type('a/b');
      await expect(searchbox(page)).toHaveValue('a/b');
      expect(consoleErrors).toEqual([]);
    });

    test('without JavaScript there is no search box and every entry is there', async ({ browser, page, site }) => {
      await page.goto(site.url('eras/间章/'));
      const withScript = await page.locator('.entry__title').allTextContents();
      expect(withScript.length).toBeGreaterThan(0);

      const context = await browser.newContext({ javaScriptEnabled: false });
      const bare = await context.newPage();
      await bare.goto(site.url('eras/间章/'));
      await expect(bare.locator('form.search')).toBeHidden();
      await expect(bare.getByRole('searchbox')).toHaveCount(0);
      expect(await bare.locator('.entry__title').allTextContents()).toEqual(withScript);
      await expect(bare.locator('#gqa')).toBeVisible();
      await context.close();
    });
  });
}

for (const colorScheme of ['light', 'dark'] as const) {
  test(`no axe violations with results open (${colorScheme})`, async ({ page, site, consoleErrors }) => {
    test.slow(); // axe reads the whole era page
    await page.emulateMedia({ colorScheme });
    await page.goto(site.url('eras/间章/'));
    await search(page, '注意力');
    await expect(results(page)).not.toHaveCount(0);
    await results(page).first().focus();
    // The whole page, with the box revealed and the list open.
    const { violations } = await new AxeBuilder({ page }).analyze();
    expect(
      violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
    ).toEqual([]);
    expect(consoleErrors).toEqual([]);
  });
}

/** Search in the languages Pagefind must segment on their own: Japanese and Traditional Chinese. */
const OTHER_LANGUAGES = [
  {
    siteName: 'japanese',
    label: '項目を検索',
    list: '検索結果',
    status: /\d+件見つかりました|一致する項目はありません/u,
    cases: [
      { query: '幕府', titles: ['鎌倉幕府', '室町幕府'], era: '中世' },
      { query: '鉄砲', titles: ['鉄砲伝来'], era: '近世' },
    ],
  },
  {
    siteName: 'traditional',
    label: '搜尋條目',
    list: '搜尋結果',
    status: /找到 \d+ 條|沒有找到/u,
    cases: [
      { query: '鐵路', titles: ['鐵路通車'], era: '近代' },
      { query: '東印度公司', titles: ['荷蘭人登陸'], era: '荷蘭與鄭氏時期' },
    ],
  },
] as const;

for (const { siteName, label, list, status, cases } of OTHER_LANGUAGES) {
  test.describe(`search on site "${siteName}"`, () => {
    test.use({ siteName });

    test(`finds the note's own words, with the interface in its language`, async ({ page, site, consoleErrors }) => {
      test.slow();
      await page.goto(site.url());
      const box = page.getByRole('search').getByRole('searchbox', { name: label });
      for (const { query, titles, era } of cases) {
        await test.step(query, async () => {
          await box.fill(query);
          await expect(page.getByRole('status')).toHaveText(status);
          const links = page.getByRole('list', { name: list }).getByRole('link');
          await expect(links.locator('.search__title')).toHaveText(titles.map((t) => new RegExp(`^${t}`, 'u')));
          for (const hit of await links.all()) await expect(hit.locator('.search__era')).toHaveText(era);
        });
      }
      expect(consoleErrors).toEqual([]);
    });
  });
}
