/**
 * Screenshots for the README, taken only when asked:
 *
 *   SCREENSHOTS=1 E2E_ONLY_SITES=default npx playwright test tests/e2e/screenshots.spec.ts
 *
 * writes the home page, an era page and the overview at 1280 px and on a
 * 390 px phone, light and dark (viewport-high, not full pages, to keep them
 * light), page 1 of the printed overview and the printed poster, into tests/.sites/screenshots/
 * (or $SCREENSHOTS_DIR). Pick the good ones for docs/screenshots/ by hand.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from './support/fixtures.ts';

const OUT = process.env['SCREENSHOTS_DIR'] ?? join(process.cwd(), 'tests/.sites/screenshots');
const VIEWPORTS = {
  desktop: { viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 },
  phone: { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2 },
};
const PAGES = { home: '', era: 'eras/间章/', overview: 'overview/', poster: 'poster/' };

test.skip(!process.env['SCREENSHOTS'], 'set SCREENSHOTS=1 to take the README screenshots');

for (const [device, options] of Object.entries(VIEWPORTS)) {
  for (const colorScheme of ['light', 'dark'] as const) {
    test.describe(`${device} ${colorScheme}`, () => {
      test.use({ ...options, colorScheme });
      test(`screenshots, ${device}, ${colorScheme}`, async ({ page, site }) => {
        mkdirSync(OUT, { recursive: true });
        for (const [name, path] of Object.entries(PAGES)) {
          await page.goto(site.url(path));
          await page.evaluate(() => document.fonts.ready);
          await page.screenshot({ path: join(OUT, `${name}-${device}-${colorScheme}.png`) });
        }
      });
    });
  }
}

test('printed poster, A4 landscape', async ({ page, site }) => {
  mkdirSync(OUT, { recursive: true });
  await page.goto(site.url('poster/'));
  const pdf = join(OUT, 'poster-print.pdf');
  writeFileSync(pdf, await page.pdf({ format: 'A4', landscape: true, printBackground: true }));
  execFileSync('pdftoppm', ['-png', '-r', '90', '-f', '1', '-l', '1', '-singlefile', pdf, join(OUT, 'poster-print')]);
  expect(true).toBe(true);
});

test('printed overview, page 1', async ({ page, site }) => {
  mkdirSync(OUT, { recursive: true });
  await page.goto(site.url('overview/'));
  const pdf = join(OUT, 'overview-print.pdf');
  writeFileSync(pdf, await page.pdf({ format: 'A4', printBackground: true }));
  execFileSync('pdftoppm', ['-png', '-r', '80', '-f', '1', '-l', '1', '-singlefile', pdf, join(OUT, 'overview-print')]);
  expect(true).toBe(true);
});
