/**
 * The time axis of the index and era pages, as a reader sees it in
 * Chromium: at 1280 and 390 px, light and dark, on the default note (a
 * break cuts out 1998–2013) and on six overlapping civilisations from
 * 3500 BC: every era's name drawn whole and on screen, no two names or
 * bands overlapping, year labels in time order, graphic parts at least 3:1
 * against the page (WCAG 1.4.11), no axe violation in the drawing, and the
 * current era marked on its page.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures.ts';

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** What the visible drawing shows: each era's link with its name's box and band's box, and the year labels. */
async function drawing(page: Page) {
  return page.evaluate(() => {
    const svg = [...document.querySelectorAll<SVGSVGElement>('svg.axis__svg')].find(
      (s) => getComputedStyle(s).display !== 'none',
    )!;
    const box = (el: Element) => {
      const r = el.getBoundingClientRect();
      return { x: r.x, y: r.y, width: r.width, height: r.height };
    };
    return {
      svg: box(svg),
      eras: [...svg.querySelectorAll('a.axis__era')].map((a) => ({
        label: a.getAttribute('aria-label') ?? '',
        name: a.querySelector('.axis__name')!.textContent ?? '',
        nameBox: box(a.querySelector('.axis__name')!),
        band: box(a.querySelector('.axis__band')!),
        current: a.getAttribute('aria-current'),
      })),
      years: [...svg.querySelectorAll('.axis__year')].map((t) => ({ text: t.textContent ?? '', box: box(t) })),
    };
  });
}

const overlap = (a: Box, b: Box) =>
  a.x < b.x + b.width - 0.5 && b.x < a.x + a.width - 0.5 && a.y < b.y + b.height - 0.5 && b.y < a.y + a.height - 0.5;

/** WCAG relative luminance of a CSS rgb() colour. */
function luminance(rgb: string): number {
  const [r, g, b] = rgb
    .match(/[\d.]+/gu)!
    .slice(0, 3)
    .map(Number) as [number, number, number];
  const lin = (c: number) => ((c /= 255) <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}
const contrast = (a: string, b: string) => {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
};

const SITES = [
  {
    siteName: 'default',
    names: ['前奏', '序曲', '间章', '波澜', '奏鸣', '回响'],
    first: /^1997年$/u,
    era: 'eras/间章/',
  },
  {
    siteName: 'ancient',
    names: ['Mesopotamia', 'Ancient Egypt', 'The Indus Valley', 'Ancient Greece', 'Ancient China', 'Rome'],
    first: /^(3500|3000) BC$/u,
    era: 'eras/rome/',
  },
] as const;

for (const spec of SITES) {
  test.describe(`axis on site "${spec.siteName}"`, () => {
    test.use({ siteName: spec.siteName });
    for (const colorScheme of ['light', 'dark'] as const) {
      for (const width of [1280, 390]) {
        test(`${width} px, ${colorScheme}: every era named in full, nothing overlapping, years in order, 3:1 and axe 0`, async ({
          page,
          site,
        }) => {
          await page.setViewportSize({ width, height: 900 });
          await page.emulateMedia({ colorScheme });
          await page.goto(site.url());
          const { svg, eras, years } = await drawing(page);
          expect(eras.map((e) => e.name)).toEqual(spec.names);
          for (const era of eras) {
            // On screen, inside the drawing, named by its link too.
            expect(era.nameBox.width).toBeGreaterThan(0);
            expect(era.nameBox.x).toBeGreaterThanOrEqual(0);
            expect(era.nameBox.x + era.nameBox.width).toBeLessThanOrEqual(width);
            expect(era.label.startsWith(era.name)).toBe(true);
          }
          for (const [i, a] of eras.entries())
            for (const b of eras.slice(i + 1)) {
              expect(overlap(a.nameBox, b.nameBox), `${a.name} / ${b.name}`).toBe(false);
              expect(overlap(a.band, b.band), `bands of ${a.name} / ${b.name}`).toBe(false);
              expect(overlap(a.nameBox, b.band), `${a.name} on the band of ${b.name}`).toBe(false);
              expect(overlap(b.nameBox, a.band), `${b.name} on the band of ${a.name}`).toBe(false);
            }
          expect(years[0]!.text).toMatch(spec.first);
          for (const [i, year] of years.entries()) {
            if (i > 0) expect(year.box.x).toBeGreaterThan(years[i - 1]!.box.x + years[i - 1]!.box.width);
            expect(year.box.x).toBeGreaterThanOrEqual(svg.x - 0.5);
          }
          // Bands, axis line and entry marks: at least 3:1 against the page.
          const colours = await page.evaluate(() => {
            const visible = [...document.querySelectorAll<SVGSVGElement>('svg.axis__svg')].find(
              (s) => getComputedStyle(s).display !== 'none',
            )!;
            const stroke = (sel: string) => getComputedStyle(visible.querySelector(sel)!).stroke;
            return {
              // The page's colour: the nearest painted background behind the drawing.
              page: (() => {
                for (let el: Element | null = visible; el; el = el.parentElement) {
                  const bg = getComputedStyle(el).backgroundColor;
                  if (!/^rgba\(.*,\s*0\)$|^transparent$/u.test(bg)) return bg;
                }
                return 'rgb(255, 255, 255)';
              })(),
              band: stroke('.axis__band'),
              line: stroke('.axis__line'),
              mark: stroke('.axis__mark'),
            };
          });
          for (const part of ['band', 'line', 'mark'] as const)
            expect(contrast(colours[part], colours.page), part).toBeGreaterThanOrEqual(3);
          const { violations } = await new AxeBuilder({ page }).include('.axis').analyze();
          expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
        });
      }
    }

    test('Tab onto a band shows its whole name and period over the scale; hover does too', async ({ page, site }) => {
      await page.setViewportSize({ width: 1280, height: 900 });
      await page.goto(site.url());
      for (let i = 0; i < 40; i++) {
        await page.keyboard.press('Tab');
        if (await page.evaluate(() => document.activeElement?.matches('svg.axis__svg--wide a.axis__era') ?? false))
          break;
      }
      const focused = page.locator('svg.axis__svg--wide a.axis__era:focus');
      const tip = focused.locator('.axis__tip');
      await expect(tip).toBeVisible();
      await expect(tip).toHaveText(new RegExp(`^${spec.names[0]} · .+`, 'u'));
      // Only the focused band's.
      await expect(page.locator('svg.axis__svg--wide .axis__tip:visible')).toHaveCount(1);
      const last = page.locator('svg.axis__svg--wide a.axis__era').last();
      await last.locator('.axis__band').hover();
      await expect(last.locator('.axis__tip')).toBeVisible();
    });

    test('an era page marks its own era, and each band links its era page', async ({ page, site }) => {
      await page.goto(site.url(spec.era));
      const { eras } = await drawing(page);
      const current = eras.filter((e) => e.current === 'page');
      expect(current).toHaveLength(1);
      await expect(page.locator('h1')).toContainText(current[0]!.name);
      await page.locator('svg.axis__svg--wide a.axis__era').nth(0).click();
      await expect(page).toHaveURL(
        new RegExp(`/eras/${encodeURIComponent(spec.siteName === 'default' ? '前奏' : 'mesopotamia')}/$`, 'u'),
      );
    });
  });
}
