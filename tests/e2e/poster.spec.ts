/**
 * The poster (/poster/) in Chromium: the default note prints on exactly one
 * landscape sheet, A4 and US Letter, with every entry title in the PDF's
 * text; measured in the page, no label box overlaps another and none prints
 * under 6 pt; every entry is a link to its anchor on its era page, in the
 * note's order, reached with Tab; on a 320 px phone the drawing scrolls in
 * its own region. A 1,000-entry note prints on one sheet that names every
 * era and says how many entries it leaves out; a 10,000-entry note names
 * all its 100 eras and still prints on one sheet. `npm run pdf`'s printing
 * writes poster.pdf (one page) and overview.pdf (at most five), titled with
 * the note's title, which only that build links.
 *
 * axe (light and dark), headings, overflow at every width and the site's
 * navigation are checked for the poster with every page (a11y.spec.ts,
 * reading.spec.ts, note-pages.ts).
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { buildSite, siteEnv } from '../../scripts/site.ts';
import { ROOT, SITES_DIR } from './support/browser.mjs';
import { expect, test } from './support/fixtures.ts';
import { ENTRIES, ERAS, missingTitles, timeline } from './support/note-pages.ts';

const tight = (text: string) => text.replace(/\s+/gu, '');

/** pdfinfo's page count and title, and pdftotext's text with whitespace removed. */
function readPdf(file: string): { pages: number; title: string; text: string; size: string } {
  const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  return {
    pages: Number(/^Pages:\s+(\d+)/mu.exec(info)?.[1]),
    title: /^Title:\s+(.*)$/mu.exec(info)?.[1]?.trim() ?? '',
    size: /^Page size:\s+(.*)$/mu.exec(info)?.[1] ?? '',
    text: tight(execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' })),
  };
}

async function printPoster(page: Page, format: 'A4' | 'Letter', name: string) {
  const file = test.info().outputPath(`${name}.pdf`);
  writeFileSync(file, await page.pdf({ format, landscape: true, printBackground: true }));
  await test.info().attach(`${name}.pdf`, { path: file, contentType: 'application/pdf' });
  return readPdf(file);
}

/** Text boxes of the drawing, in CSS px, and the smallest text in points. */
async function measure(page: Page) {
  return page.locator('svg.poster__sheet').evaluate((svg) => {
    const boxes = [...svg.querySelectorAll('text')].map((text) => {
      const r = text.getBoundingClientRect();
      const scale = (text as SVGGraphicsElement).getScreenCTM()?.a ?? 1;
      return {
        text: text.textContent ?? '',
        x0: r.left,
        x1: r.right,
        y0: r.top,
        y1: r.bottom,
        pt: Number(text.getAttribute('font-size')) * scale * 0.75,
      };
    });
    const overlapping: string[] = [];
    for (let i = 0; i < boxes.length; i++) {
      for (let j = i + 1; j < boxes.length; j++) {
        const a = boxes[i]!;
        const b = boxes[j]!;
        if (a.x0 < b.x1 - 0.5 && b.x0 < a.x1 - 0.5 && a.y0 < b.y1 - 0.5 && b.y0 < a.y1 - 0.5)
          overlapping.push(`"${a.text}" × "${b.text}"`);
      }
    }
    return { count: boxes.length, overlapping, smallest: Math.min(...boxes.map((b) => b.pt)) };
  });
}

test.describe('the default note', () => {
  test('prints on exactly one landscape sheet, A4 and Letter, with every entry title', async ({ page, site }) => {
    await page.goto(site.url('poster/'));
    for (const format of ['A4', 'Letter'] as const) {
      const printed = await printPoster(page, format, `poster-${format}`);
      expect(printed.pages, `${format}: pages`).toBe(1);
      // Landscape: wider than tall.
      const [w, h] = printed.size.split(' x ').map((n) => Number.parseFloat(n));
      expect(w!, printed.size).toBeGreaterThan(h!);
      expect(
        missingTitles(
          printed.text,
          ENTRIES.map((e) => ({ ...e, title: tight(e.title) })),
        ),
        `${format}: titles missing`,
      ).toEqual([]);
      expect(printed.text).toContain(tight(timeline.meta.title));
      for (const era of ERAS) expect(printed.text, `${format}: era ${era.name}`).toContain(tight(era.name));
    }
  });

  test('no label overlaps another, on screen and on paper, and nothing prints under 6 pt', async ({ page, site }) => {
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(site.url('poster/'));
    const screen = await measure(page);
    expect(screen.count).toBeGreaterThan(ENTRIES.length);
    expect(screen.overlapping, 'on screen').toEqual([]);
    await page.emulateMedia({ media: 'print' });
    const paper = await measure(page);
    expect(paper.overlapping, 'in print').toEqual([]);
    expect(paper.smallest, 'smallest text in print, pt').toBeGreaterThanOrEqual(6);
  });

  test('each entry links to its anchor on its era page, in the note order, and Tab walks them in that order', async ({
    page,
    site,
  }) => {
    await page.goto(site.url('poster/'));
    const links = page.locator('a.poster__entry');
    const ids = await links.evaluateAll((as) => as.map((a) => a.getAttribute('data-entry')));
    expect(ids).toEqual(ENTRIES.map((e) => e.id));
    const hrefs = await links.evaluateAll((as) => as.map((a) => (a as SVGAElement).href.baseVal));
    const names = await links.evaluateAll((as) => as.map((a) => a.textContent?.replace(/\s+/gu, ' ').trim() ?? ''));
    for (const [i, entry] of ENTRIES.entries()) expect(names[i], entry.id).toContain(entry.title.replace(/\s+/gu, ' '));
    // Every link resolves: the era page answers and holds the anchor.
    const byPage = new Map<string, string[]>();
    for (const href of hrefs) {
      const url = new URL(href, site.root);
      byPage.set(url.pathname, [...(byPage.get(url.pathname) ?? []), decodeURIComponent(url.hash.slice(1))]);
    }
    expect([...byPage.keys()]).toHaveLength(ERAS.filter((era) => era.entries.length > 0).length);
    const visitor = await page.context().newPage();
    for (const [path, anchors] of byPage) {
      const response = await visitor.goto(new URL(path, site.origin).href);
      expect(response?.status(), path).toBe(200);
      const present = await visitor.evaluate(
        (list) => list.filter((id) => document.getElementById(id) !== null),
        anchors,
      );
      expect(present, path).toEqual(anchors);
    }
    await visitor.close();
    // Keyboard: from the first era band, Tab reaches the first entries in order.
    await page.locator('a.poster__era').first().focus();
    const order: string[] = [];
    for (let i = 0; i < 4; i++) {
      await page.keyboard.press('Tab');
      order.push(
        await page.evaluate(
          () =>
            document.activeElement?.getAttribute('data-entry') ??
            document.activeElement?.getAttribute('data-era') ??
            '',
        ),
      );
    }
    expect(order).toEqual(ENTRIES.slice(0, 4).map((e) => e.id));
  });

  test('on a 320 px phone the page does not overflow; the drawing scrolls inside its region, says so and opens on the first entry', async ({
    page,
    site,
  }) => {
    await page.setViewportSize({ width: 320, height: 700 });
    await page.goto(site.url('poster/'));
    const region = page.getByRole('region', { name: '时间线海报，可横向滚动' });
    await expect(region).toBeVisible();
    const sizes = await region.evaluate((el) => ({
      page: document.documentElement.scrollWidth,
      scroll: el.scrollWidth,
      client: el.clientWidth,
    }));
    expect(sizes.page).toBeLessThanOrEqual(320);
    expect(sizes.scroll).toBeGreaterThan(sizes.client);
    // It says so, and opens at the start of time, on the first entry.
    await expect(page.getByText('海报比窗口宽，可左右滑动查看整张。')).toBeVisible();
    await expect(page.locator(`a.poster__entry[data-entry="${ENTRIES[0]!.id}"] text`)).toBeInViewport();
    // Focus on a link far to the right scrolls the region to it.
    const last = page.locator('a.poster__entry').last();
    await last.focus();
    await expect(last).toBeInViewport();
  });

  test('the site navigation links the poster; a plain build links no PDF', async ({ page, site }) => {
    await page.goto(site.url());
    await page.getByRole('navigation', { name: '站点导航' }).getByRole('link', { name: '海报' }).click();
    await expect(page).toHaveURL(site.url('poster/'));
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(timeline.meta.title);
    for (const path of ['poster/index.html', 'overview/index.html']) {
      expect(readFileSync(join(site.outDir, path), 'utf8'), path).not.toMatch(/\.pdf"/u);
    }
  });
});

test.describe('a 1,000-entry note', () => {
  test.use({ siteName: 'crowded' });

  test('prints on one sheet that names every era and says how many entries are not shown', async ({ page, site }) => {
    await page.goto(site.url('poster/'));
    const notice = page.getByRole('note');
    await expect(notice).toContainText(/海报显示 1000 条中的 \d+ 条/u);
    const shown = Number(/中的 (\d+) 条/u.exec((await notice.innerText()) ?? '')?.[1]);
    expect(shown).toBeGreaterThan(10);
    expect(shown).toBeLessThan(1000);
    await expect(page.locator('a.poster__entry')).toHaveCount(shown);
    await expect(notice.getByRole('link', { name: '总览' })).toHaveAttribute('href', /overview\/$/u);
    const printed = await printPoster(page, 'A4', 'crowded-poster');
    expect(printed.pages).toBe(1);
    for (let n = 1; n <= 10; n++) expect(printed.text, `era ${n}`).toContain(`第${n}章`);
    expect(printed.text).toContain(tight(`其余 ${1000 - shown} 条见`));
    const paper = await measure(page);
    expect(paper.overlapping).toEqual([]);
  });
});

test.describe('a 10,000-entry note', () => {
  test.use({ siteName: 'huge' });

  test('prints on one A4 and one Letter sheet with its notice, every one of the 100 eras named, nothing under 6 pt', async ({
    page,
    site,
  }) => {
    await page.goto(site.url('poster/'));
    await expect(page.getByRole('note')).toContainText('10000');
    // Each era is named in its band or beside the strip: none is left as a bare band.
    await expect(page.getByText(/个章节的名称放不下/u)).toHaveCount(0);
    const named = await page
      .locator('a.poster__era')
      .evaluateAll((eras) => eras.filter((a) => (a.querySelector('text')?.textContent ?? '').trim() !== '').length);
    expect(named).toBe(100);
    for (const format of ['A4', 'Letter'] as const) {
      expect((await printPoster(page, format, `huge-poster-${format}`)).pages, format).toBe(1);
    }
    await page.emulateMedia({ media: 'print' });
    const paper = await measure(page);
    expect(paper.overlapping).toEqual([]);
    expect(paper.smallest, 'smallest text in print, pt').toBeGreaterThanOrEqual(6);
  });
});

test('npm run pdf prints poster.pdf on one sheet and overview.pdf on at most five, titled, and only that build links them', async () => {
  test.setTimeout(4 * 60_000);
  const outDir = join(SITES_DIR, 'pdf', 'dist');
  await buildSite(
    { TIMELINE_NOTE: 'content/llm-history.md', TIMELINE_PDF: '1' },
    { outDir, logFile: join(SITES_DIR, 'pdf', 'build.log') },
  );
  // The variables of the build it prints, none of the test runner's (a BASE_PATH in its shell would move the pages).
  const log = execFileSync(process.execPath, [join(ROOT, 'scripts/pdf.ts'), '--dist', outDir], {
    cwd: ROOT,
    encoding: 'utf8',
    env: siteEnv({}),
  });
  test.info().annotations.push({ type: 'pdf', description: log.trim() });
  const poster = readPdf(join(outDir, 'poster.pdf'));
  const overview = readPdf(join(outDir, 'overview.pdf'));
  expect(poster.pages).toBe(1);
  expect(overview.pages).toBeGreaterThanOrEqual(1);
  expect(overview.pages).toBeLessThanOrEqual(5);
  for (const pdf of [poster, overview]) {
    expect(pdf.title).toBe(timeline.meta.title);
    expect(
      missingTitles(
        pdf.text,
        ENTRIES.map((e) => ({ ...e, title: tight(e.title) })),
      ),
    ).toEqual([]);
  }
  expect(readFileSync(join(outDir, 'poster/index.html'), 'utf8')).toContain('poster.pdf"');
  expect(readFileSync(join(outDir, 'overview/index.html'), 'utf8')).toContain('overview.pdf"');
});
