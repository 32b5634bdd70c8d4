/**
 * The site built under a base path has no broken internal link or asset:
 * every page reachable from its root, following every href, src and
 * srcset, answers 200 under /some/sub/path/.
 */
import { crawl } from './support/crawl.ts';
import { expect, test } from './support/fixtures.ts';

test.use({ siteName: 'base' });

test('every internal link and asset of the base-path build answers 200', async ({
  page,
  request,
  site,
  consoleErrors,
}) => {
  test.setTimeout(5 * 60_000);
  const { pages, seen, broken } = await crawl(page, request, site);
  test.info().annotations.push({ type: 'crawl', description: `${pages.length} pages, ${seen.size} URLs` });

  expect(broken, `broken internal links or assets under ${site.base}`).toEqual([]);
  // The home page and the six era pages at least.
  expect(pages.length).toBeGreaterThanOrEqual(7);
  expect(
    pages.filter((url) => !url.startsWith(site.root)),
    `pages outside ${site.base}`,
  ).toEqual([]);
  expect(consoleErrors).toEqual([]);
});
