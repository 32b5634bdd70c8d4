/**
 * Prints a built timeline's poster (one landscape sheet) and overview (A4)
 * to `poster.pdf` and `overview.pdf` beside them, in Chromium, from a server
 * that serves the build: the pages as a reader prints them, with the note's
 * title as each PDF's title. Used by `obsidian-timeline pdf` and `npm run pdf`.
 *
 * The browser fetches nothing from other hosts: a remote image of the note
 * prints as its space. JavaScript (the CLI runs it from node_modules).
 */
import { execFileSync } from 'node:child_process';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS } from './browser.mjs';

/** Pages of a PDF, from poppler's pdfinfo when it is installed. @param {string} file */
function pageCount(file) {
  try {
    return Number(/^Pages:\s+(\d+)/mu.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))?.[1]);
  } catch {
    return null;
  }
}

/**
 * @param {import('playwright-core').Browser} browser
 * @param {string} url
 * @param {string} file
 * @param {{ format: 'A4' | 'Letter', landscape: boolean }} options
 */
async function print(browser, url, file, options) {
  const page = await browser.newPage();
  const { origin } = new URL(url);
  let blocked = 0;
  await page.route('**/*', (route) => {
    if (new URL(route.request().url()).origin === origin) return route.continue();
    blocked++;
    return route.abort('blockedbyclient');
  });
  const response = await page.goto(url, { waitUntil: 'load' });
  if (!response?.ok()) throw new Error(`${url} answered ${response?.status()}: is this a build of the timeline?`);
  // The document title of the PDF: the note's, not the page's `Poster · …`.
  // (Run in the page: `globalThis` is its window.)
  await page.evaluate(() => {
    const { document } = globalThis;
    document.title = document.querySelector('h1')?.textContent?.trim() || document.title;
  });
  await page.pdf({ path: file, printBackground: true, tagged: true, outline: true, ...options });
  await page.close();
  const pages = pageCount(file);
  return {
    file,
    pages,
    summary:
      `${pages ?? '?'} page(s), ${Math.round(statSync(file).size / 1000)} KB` +
      (blocked ? `; ${blocked} request(s) to other hosts not made` : ''),
  };
}

/**
 * Prints `<url>poster/` and `<url>overview/` into `dir` (the build's folder
 * for the timeline). Throws when the poster takes more than one sheet.
 *
 * @param {object} options
 * @param {string} options.url the timeline's address on the server, ending in `/`
 * @param {string} options.dir the folder the PDFs go to
 * @param {string} options.executablePath the Chromium to print with
 * @param {'a4' | 'letter'} [options.paper] the poster's paper (the overview is always A4)
 * @param {boolean} [options.slash] whether page addresses end in `/` (the site's `trailingSlash`)
 * @returns {Promise<Array<{ file: string, pages: number | null, summary: string }>>} each PDF: its path, pages, and a line of pages and size
 */
export async function printTimeline({ url, dir, executablePath, paper = 'a4', slash = true }) {
  if (paper !== 'a4' && paper !== 'letter') throw new Error(`the poster's paper must be a4 or letter, not "${paper}"`);
  const end = slash ? '/' : '';
  const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
  try {
    const poster = await print(browser, `${url}poster${end}`, join(dir, 'poster.pdf'), {
      format: paper === 'letter' ? 'Letter' : 'A4',
      landscape: true,
    });
    if (poster.pages !== null && poster.pages !== 1)
      throw new Error(`the poster printed on ${poster.pages} pages, not one`);
    const overview = await print(browser, `${url}overview${end}`, join(dir, 'overview.pdf'), {
      format: 'A4',
      landscape: false,
    });
    return [poster, overview];
  } finally {
    await browser.close();
  }
}
