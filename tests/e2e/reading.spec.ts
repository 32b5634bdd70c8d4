/**
 * Reading the default site as a reader does: the chapters in order through
 * their next links, every entry of the note (per the real parser) on its era
 * page and on the overview, entry anchors that resolve and scroll, the same
 * without JavaScript, no console error or failed request, per-page head
 * metadata, canonical URLs only with SITE_URL, and no smooth scrolling for
 * readers who asked for reduced motion.
 */
import type { Page } from '@playwright/test';
import { expect, test, type Site } from './support/fixtures.ts';
import { ENTRIES, ERAS, PAGES, mainText, missingTitles, squash, timeline } from './support/note-pages.ts';

/** The chapters of content/llm-history.md as a reader sees them, in order. */
const CHAPTER_ORDER = ['前奏', '序曲', '间章', '波澜', '奏鸣', '回响'];

/** Site-relative path of the page a link leads to (hash dropped). */
async function target(site: Site, link: ReturnType<Page['locator']>): Promise<string | null> {
  return site.relative(await link.evaluate((a) => (a as HTMLAnchorElement).href.replace(/#.*$/, '')));
}

/** The site-relative targets of every link on the page. */
async function linkTargets(page: Page, site: Site): Promise<string[]> {
  // getAttribute, not .href: the axis links are SVG <a>, whose href is an SVGAnimatedString.
  const hrefs = await page
    .getByRole('link')
    .evaluateAll((links) => links.map((a) => new URL(a.getAttribute('href') ?? '', document.baseURI).href));
  return hrefs.map((href) => site.relative(href.replace(/#.*$/, ''))).filter((p): p is string => p !== null);
}

/** Clicks a link and waits until the page has left for another URL. */
async function follow(page: Page, link: ReturnType<Page['locator']>): Promise<void> {
  const before = page.url();
  await link.click();
  await page.waitForURL((url) => url.href !== before);
  await page.waitForLoadState();
}

test('the parser sees the six chapters and 48 entries this spec is about', () => {
  expect(ERAS.map((era) => era.name)).toEqual(CHAPTER_ORDER);
  expect(ENTRIES).toHaveLength(48);
});

test('walking the chapters through their next links from the home page', async ({ page, site, consoleErrors }) => {
  await page.goto(site.url());
  const chapters = page.getByRole('region', { name: '章节' });
  const first = chapters.getByRole('heading', { level: 2 }).getByRole('link').first();
  await expect(first).toHaveText(CHAPTER_ORDER[0]!);
  await follow(page, first);

  const visited: string[] = [];
  let previousPath: string | null = null;
  for (;;) {
    const path = site.relative(page.url());
    const h1 = page.getByRole('heading', { level: 1 });
    await expect(h1).toHaveCount(1);
    const name = squash((await h1.locator('.era-header__name').innerText()) || '');
    visited.push(name);
    expect(path, `${name} is at its own era page`).toBe(ERAS[visited.length - 1]?.path);

    const chapterNav = page.getByRole('navigation', { name: '章节' });
    const prev = chapterNav.locator('a[rel~="prev"]');
    const next = chapterNav.locator('a[rel~="next"]');
    if (previousPath === null) await expect(prev, `${name}: the first chapter has no previous link`).toHaveCount(0);
    else {
      await expect(prev).toHaveCount(1);
      expect(await target(site, prev), `${name}: prev leads back`).toBe(previousPath);
    }

    // A way back to the timeline and to the overview, by name and by target.
    await expect(chapterNav.getByRole('link', { name: '返回时间线' })).toBeVisible();
    await expect(chapterNav.getByRole('link', { name: '总览' })).toBeVisible();
    const targets = await linkTargets(page, site);
    expect(targets, `${name} links to /`).toContain('');
    expect(targets, `${name} links to /overview/`).toContain('overview/');

    if ((await next.count()) === 0) break;
    await expect(next).toHaveCount(1);
    expect(visited.length, 'the walk ends').toBeLessThan(CHAPTER_ORDER.length);
    previousPath = path;
    await follow(page, next);
  }
  expect(visited).toEqual(CHAPTER_ORDER);
  expect(consoleErrors).toEqual([]);
});

test('every entry of the note is visible on its era page and on the overview', async ({ page, site }) => {
  let onEraPages = 0;
  for (const era of ERAS) {
    await test.step(era.name, async () => {
      await page.goto(site.url(era.path));
      const text = await mainText(page);
      expect(missingTitles(text, era.entries), `titles missing on ${era.path}`).toEqual([]);
      // One heading per entry, named by its title.
      for (const entry of era.entries) {
        const heading = page.locator(`[id="${entry.id}"]`);
        await expect(heading).toHaveCount(1);
        await expect(heading).toBeVisible();
        expect(squash(await heading.innerText())).toContain(squash(entry.title));
      }
      onEraPages += era.entries.length;
    });
  }
  expect(onEraPages).toBe(48);

  await page.goto(site.url('overview/'));
  const overview = await mainText(page);
  expect(missingTitles(overview, ENTRIES), 'titles missing on /overview/').toEqual([]);
  for (const era of ERAS)
    await expect(page.getByRole('heading', { level: 2, name: new RegExp(era.name) })).toBeVisible();
});

test('entry anchors resolve, self-links point at them, and navigating there scrolls the entry into view', async ({
  page,
  site,
}) => {
  for (const era of ERAS) {
    if (era.entries.length === 0) continue;
    await test.step(era.name, async () => {
      await page.goto(site.url(era.path));
      for (const entry of era.entries) {
        const heading = page.locator(`[id="${entry.id}"]`);
        await expect(heading, `#${entry.id}`).toHaveCount(1);
        const self = page.getByRole('link', { name: `本条链接：${entry.title}`, exact: true });
        await expect(self).toHaveCount(1);
        await expect(self).toHaveAttribute('href', `#${entry.id}`);
      }
      for (const entry of era.entries) {
        await page.goto(`${site.url(era.path)}#${encodeURIComponent(entry.id)}`);
        await expect(page.locator(`[id="${entry.id}"]`), `${era.path}#${entry.id}`).toBeInViewport();
      }
      // The last entry, by its self-link: the page scrolls there and the hash follows.
      const last = era.entries.at(-1)!;
      await page.goto(site.url(era.path));
      await page.getByRole('link', { name: `本条链接：${last.title}`, exact: true }).click();
      await expect(page.locator(`[id="${last.id}"]`)).toBeInViewport();
      expect(decodeURIComponent(new URL(page.url()).hash)).toBe(`#${last.id}`);
    });
  }
});

test('no console error and no failed request on any page', async ({ page, site, consoleErrors }) => {
  const failed: string[] = [];
  page.on('requestfailed', (request) => {
    const error = request.failure()?.errorText ?? '';
    // Chromium fetches the favicon on its own schedule and cancels it when the
    // next page starts (seen in CI): a cancel is not a failure of the site, and
    // a file that is really missing still shows as a 4xx response below.
    if (error === 'net::ERR_ABORTED') return;
    failed.push(`${request.url()}: ${error}`);
  });
  page.on('response', (response) => {
    if (response.status() >= 400 && response.request().resourceType() !== 'document') {
      failed.push(`${response.status()} ${response.url()}`);
    }
  });
  for (const { path, status, name } of PAGES) {
    await test.step(name, async () => {
      const response = await page.goto(site.url(path), { waitUntil: 'load' });
      expect(response?.status(), path).toBe(status);
      await page.waitForLoadState('networkidle');
    });
  }
  expect(failed).toEqual([]);
  // The 404 page's own status is logged as a console error by Chromium; its subresources are checked above.
  const missing = site.url('no-such-page/');
  expect(
    consoleErrors.filter(
      (e) =>
        !e.startsWith(
          `console.error at ${missing}: Failed to load resource: the server responded with a status of 404`,
        ),
    ),
  ).toEqual([]);
});

test('lang, a title and a description of its own on every page; no canonical URL without SITE_URL', async ({
  page,
  site,
}) => {
  const titles = new Map<string, string>();
  for (const { path, name } of PAGES) {
    await test.step(name, async () => {
      await page.goto(site.url(path));
      await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
      const title = await page.title();
      expect(title, `${name} has a title`).not.toBe('');
      expect(title, `${name} names the note`).toContain(timeline.meta.title);
      titles.set(name, title);
      const description = page.locator('meta[name="description"]');
      await expect(description).toHaveCount(1);
      expect((await description.getAttribute('content'))?.trim(), `${name} has a description`).toBeTruthy();
      await expect(page.locator('link[rel="canonical"]'), `${name}: no canonical without SITE_URL`).toHaveCount(0);
    });
  }
  expect(new Set(titles.values()).size, `titles are distinct: ${JSON.stringify([...titles])}`).toBe(titles.size);
  for (const era of ERAS) expect(titles.get(`era ${era.name}`)).toContain(era.name);
});

test.describe('with SITE_URL set', () => {
  test.use({ siteName: 'base' });

  test('each page has one canonical URL on the public origin, under the base path', async ({ page, site }) => {
    expect(site.site).toBeTruthy();
    for (const { path, name, status } of PAGES) {
      if (status !== 200) continue;
      await test.step(name, async () => {
        await page.goto(site.url(path));
        const canonical = page.locator('link[rel="canonical"]');
        await expect(canonical).toHaveCount(1);
        const href = (await canonical.getAttribute('href')) ?? '';
        expect(decodeURI(href)).toBe(decodeURI(new URL(site.base + path, site.site).href));
      });
    }
  });
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('every page still shows its entries and its navigation', async ({ page, site }) => {
    for (const { path, name, status } of PAGES) {
      await test.step(name, async () => {
        const response = await page.goto(site.url(path));
        expect(response?.status()).toBe(status);
        const siteNav = page.getByRole('navigation', { name: '站点导航' });
        await expect(siteNav.getByRole('link', { name: '时间线' })).toBeVisible();
        await expect(siteNav.getByRole('link', { name: '总览' })).toBeVisible();
        await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      });
    }

    await page.goto(site.url());
    const cards = page.getByRole('region', { name: '章节' }).getByRole('heading', { level: 2 }).getByRole('link');
    await expect(cards).toHaveText(ERAS.map((era) => era.name));

    for (const [i, era] of ERAS.entries()) {
      await test.step(era.name, async () => {
        await page.goto(site.url(era.path));
        expect(missingTitles(await mainText(page), era.entries)).toEqual([]);
        const chapterNav = page.getByRole('navigation', { name: '章节' });
        await expect(chapterNav).toBeVisible();
        await expect(chapterNav.locator('a[rel~="next"]')).toHaveCount(i < ERAS.length - 1 ? 1 : 0);
        await expect(chapterNav.locator('a[rel~="prev"]')).toHaveCount(i > 0 ? 1 : 0);
        await expect(chapterNav.getByRole('link', { name: '返回时间线' })).toBeVisible();
      });
    }

    await page.goto(site.url('overview/'));
    expect(missingTitles(await mainText(page), ENTRIES)).toEqual([]);
  });
});

test.describe('reduced motion', () => {
  test.describe('asked for', () => {
    test.use({ reducedMotion: 'reduce' });
    test('scrolling is instant, even with focus inside the page', async ({ page, site }) => {
      for (const path of ['', ERAS[0]!.path, 'overview/']) {
        await page.goto(site.url(path));
        await page.getByRole('link', { name: '总览' }).first().focus();
        expect(await page.evaluate(() => getComputedStyle(document.documentElement).scrollBehavior), path).toBe('auto');
      }
    });
  });

  test.describe('not asked for (control)', () => {
    test.use({ reducedMotion: 'no-preference' });
    test('scrolling is smooth once focus is inside the page', async ({ page, site }) => {
      await page.goto(site.url(ERAS[0]!.path));
      await page.getByRole('link', { name: '总览' }).first().focus();
      expect(await page.evaluate(() => getComputedStyle(document.documentElement).scrollBehavior)).toBe('smooth');
    });
  });
});
