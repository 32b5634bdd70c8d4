/**
 * The overview holds what the era pages hold, less their blocks (issue
 * #23): every entry, every sub-period heading and every note line, in the
 * same order, on the default note and a 1,000-entry one; it opens with a
 * contents list of the chapters; its export links read as words apart.
 */
import { expect, test } from './support/fixtures.ts';

const tight = (text: string) => text.replace(/\s+/gu, ' ').trim();

for (const siteName of ['default', 'crowded'] as const) {
  test.describe(`site "${siteName}"`, () => {
    test.use({ siteName });

    test('the overview shows every sub-period heading and note line of the era pages, in order', async ({
      page,
      site,
    }) => {
      await page.goto(site.url());
      const eras = await page
        .locator('svg.axis__svg--wide a.axis__era')
        .evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
      const expected: string[] = [];
      for (const href of eras) {
        await page.goto(new URL(href, site.origin).href);
        const parts = await page
          .locator('.era-content :is(.year-marker, li.note, .entry__title)')
          .evaluateAll((els) =>
            els.map((el) => `${el.classList.contains('entry__title') ? 'entry' : el.className}: ${el.textContent}`),
          );
        expected.push(...parts.map(tight));
      }
      expect(
        expected.some((p) => /^(year-marker|note)/u.test(p)),
        'the note has sub-periods or note lines',
      ).toBe(true);
      await page.goto(site.url('overview/'));
      const shown = await page
        .locator('.overview :is(.overview-subperiod, .overview-note, .overview-entry__title)')
        .evaluateAll((els) =>
          els.map((el) => {
            const kind = el.classList.contains('overview-subperiod')
              ? 'year-marker'
              : el.classList.contains('overview-note')
                ? 'note'
                : 'entry';
            // An entry's title, without the date the column shows.
            const text = kind === 'entry' ? (el.firstElementChild?.textContent ?? '') : (el.textContent ?? '');
            return `${kind}: ${text}`;
          }),
        );
      expect(shown.map(tight).filter((p) => !p.startsWith('entry'))).toEqual(
        expected
          .filter((p) => !p.startsWith('entry'))
          .map((p) => p.replace(/^year-marker[^:]*:/u, 'year-marker:').replace(/^note[^:]*:/u, 'note:')),
      );
      expect(shown.filter((p) => p.startsWith('entry')).length).toBe(
        expected.filter((p) => p.startsWith('entry')).length,
      );
    });
  });
}

for (const siteName of ['default', 'ancient', 'crowded'] as const) {
  test.describe(`site "${siteName}", contents`, () => {
    test.use({ siteName });

    test('the overview opens with a contents list: one link per chapter, in order, each landing on its heading', async ({
      page,
      site,
    }) => {
      await page.goto(site.url('overview/'));
      const contents = page.locator('nav.overview-contents');
      await expect(contents).toBeVisible();
      const headings = await page
        .locator('.overview-era__title')
        .evaluateAll((hs) => hs.map((h) => ({ id: h.id, text: (h.textContent ?? '').replace(/\s+/gu, ' ').trim() })));
      expect(headings.length).toBeGreaterThan(1);
      const links = await contents
        .locator('a')
        .evaluateAll((as) => as.map((a) => ({ href: a.getAttribute('href')!, text: a.textContent!.trim() })));
      expect(links.map((l) => decodeURIComponent(l.href))).toEqual(headings.map((h) => `#${h.id}`));
      for (const [i, link] of links.entries())
        expect(headings[i]!.text.replace(/\s+/gu, ''), 'each link names its chapter').toContain(
          link.text.replace(/\s+/gu, ''),
        );
      // Above the first chapter, and a click lands on the last.
      const [listTop, firstTop] = await Promise.all([
        contents.evaluate((el) => el.getBoundingClientRect().top),
        page
          .locator('.overview-era__title')
          .first()
          .evaluate((el) => el.getBoundingClientRect().top),
      ]);
      expect(listTop).toBeLessThan(firstTop);
      await contents.locator('a').last().click();
      await expect(page.locator('.overview-era__title').last()).toBeInViewport();
    });
  });
}

test.describe('an English note', () => {
  test.use({ siteName: 'ancient' });

  test('the export links read as words apart (no `Export:timeline.json`)', async ({ page, site }) => {
    await page.goto(site.url('overview/'));
    const text = tight(await page.locator('.overview-header__exports').innerText());
    expect(text).toMatch(/^Export: timeline\.json \(TimelineJS\) · timeline\.mw \(/u);
  });
});

for (const siteName of ['default', 'ancient'] as const) {
  test.describe(`site "${siteName}", on a phone`, () => {
    test.use({ siteName, viewport: { width: 390, height: 844 } });

    test('each entry reads date, title, then description: no line starts with the colon', async ({ page, site }) => {
      await page.goto(site.url('overview/'));
      const entries = await page.locator('.overview-entry').evaluateAll((items) =>
        items.map((item) => {
          const title = item.querySelector('.overview-entry__title > :not(time)')!.getBoundingClientRect();
          const year = item.querySelector('.overview-entry__year')?.getBoundingClientRect();
          const description = item.querySelector('.overview-entry__description');
          const text = description?.getClientRects()[0];
          const titleSpan = item.querySelector('.overview-entry__title')!;
          return {
            id: item.id,
            yearAbove: year ? year.bottom <= title.top + 1 : null,
            descriptionBelow: text ? text.top >= title.bottom - 1 : null,
            colon: description ? getComputedStyle(titleSpan, '::after').content : 'none',
          };
        }),
      );
      expect(entries.length).toBeGreaterThan(10);
      expect(
        entries.filter((e) => e.yearAbove === false).map((e) => e.id),
        'dates below their titles',
      ).toEqual([]);
      expect(
        entries.filter((e) => e.descriptionBelow === false).map((e) => e.id),
        'descriptions beside titles',
      ).toEqual([]);
      expect(
        entries.filter((e) => e.colon !== 'none').map((e) => e.id),
        'a colon left to start a line',
      ).toEqual([]);
    });
  });
}
