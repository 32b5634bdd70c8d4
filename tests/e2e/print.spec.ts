/**
 * Printing the default site: /overview/ fits the whole timeline on at most
 * five A4 pages, and its text (pdftotext) holds the note's title, its updated
 * date and every entry title; on paper there is no site header, search,
 * skip link, chapter navigation or self-link. An era page and the home page
 * print too, with their entries and chapters.
 *
 * Needs poppler-utils (pdfinfo, pdftotext), which provision-browser.mjs installs.
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures.ts';
import { ENTRIES, ERAS, missingTitles, timeline } from './support/note-pages.ts';

const MAX_OVERVIEW_PAGES = 5;

interface Printed {
  pages: number;
  /** Extracted text with every whitespace removed: CJK lines break anywhere. */
  text: string;
  bytes: number;
}

/** Prints the current page to an A4 PDF in the test's output folder and reads it back. */
async function print(page: Page, name: string): Promise<Printed> {
  const pdf = await page.pdf({ format: 'A4', printBackground: true });
  const file = test.info().outputPath(`${name}.pdf`);
  writeFileSync(file, pdf);
  await test.info().attach(`${name}.pdf`, { path: file, contentType: 'application/pdf' });
  const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  const pages = Number(/^Pages:\s+(\d+)/m.exec(info)?.[1]);
  // -raw: the content stream's order, which is the DOM's; the default layout
  // analysis reorders runs of mixed fonts (CJK and Latin) within a line.
  const text = execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(
    /\s+/gu,
    '',
  );
  const pageSize = /^Page size:\s+(.*)$/m.exec(info)?.[1];
  test.info().annotations.push({ type: name, description: `${pages} page(s), ${pdf.length} bytes, ${pageSize}` });
  return { pages, text, bytes: pdf.length };
}

const tight = (text: string) => text.replace(/\s+/gu, '');

/** Words of the interface that have no place on paper. */
const SCREEN_ONLY = ['跳到正文', '搜索条目', '上一章', '下一章', '返回时间线', '本条链接'];

test('the overview prints on at most five A4 pages, with the title, the updated date and every entry', async ({
  page,
  site,
}) => {
  await page.goto(site.url('overview/'));
  const updated = timeline.meta.updated;
  expect(updated, 'the default note has an updated date').toBeTruthy();
  const updatedText = await page.locator(`time[datetime="${updated}"]`).first().innerText();

  const printed = await print(page, 'overview');
  expect(printed.pages).toBeGreaterThanOrEqual(1);
  expect(printed.pages, `overview pages (${printed.bytes} bytes)`).toBeLessThanOrEqual(MAX_OVERVIEW_PAGES);
  expect(printed.text).toContain(tight(timeline.meta.title));
  expect(printed.text).toContain(tight(updatedText));
  expect(
    missingTitles(
      printed.text,
      ENTRIES.map((e) => ({ ...e, title: tight(e.title) })),
    ),
    'entry titles missing from the PDF',
  ).toEqual([]);
  for (const era of ERAS) expect(printed.text, `era ${era.name}`).toContain(tight(era.name));
  for (const word of SCREEN_ONLY) expect(printed.text, `"${word}" on paper`).not.toContain(word);
});

test('print media hides the site header, search, skip link, chapter navigation and self-links', async ({
  page,
  site,
}) => {
  await page.emulateMedia({ media: 'print' });
  for (const path of ['', ERAS[1]!.path, 'overview/']) {
    await test.step(path || 'home', async () => {
      await page.goto(site.url(path));
      await expect(page.getByRole('banner')).toBeHidden();
      await expect(page.getByRole('search')).toBeHidden();
      await expect(page.getByRole('link', { name: '跳到正文' })).toBeHidden();
      await expect(page.getByRole('button')).toHaveCount(0);
      for (const nav of await page.getByRole('navigation', { includeHidden: true }).all())
        await expect(nav).toBeHidden();
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    });
  }
  await page.goto(site.url(ERAS[1]!.path));
  await expect(page.getByRole('link', { name: /^本条链接/ }).first()).toBeHidden();
});

test('an era page and the home page print with their entries and chapters', async ({ page, site }) => {
  const era = ERAS.find((e) => e.entries.length > 0 && e.name === '间章') ?? ERAS.find((e) => e.entries.length > 0)!;
  await page.goto(site.url(era.path));
  const printedEra = await print(page, `era-${era.slug}`);
  expect(printedEra.pages).toBeGreaterThanOrEqual(1);
  expect(printedEra.text).toContain(tight(era.name));
  expect(
    missingTitles(
      printedEra.text,
      era.entries.map((e) => ({ ...e, title: tight(e.title) })),
    ),
  ).toEqual([]);
  for (const word of SCREEN_ONLY) expect(printedEra.text, `"${word}" on paper`).not.toContain(word);

  await page.goto(site.url());
  const printedHome = await print(page, 'home');
  expect(printedHome.pages).toBeGreaterThanOrEqual(1);
  expect(printedHome.text).toContain(tight(timeline.meta.title));
  for (const e of ERAS) expect(printedHome.text, `chapter ${e.name}`).toContain(tight(e.name));
  // Each chapter card previews its first entries.
  for (const e of ERAS) if (e.entries[0]) expect(printedHome.text).toContain(tight(e.entries[0].title));
  for (const word of SCREEN_ONLY) expect(printedHome.text, `"${word}" on paper`).not.toContain(word);
});
