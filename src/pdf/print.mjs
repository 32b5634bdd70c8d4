/**
 * Prints a built timeline's poster (one landscape sheet) and overview (A4)
 * to `poster.pdf` and `overview.pdf` beside them, in Chromium: the pages as
 * a reader prints them, with the note's title as each PDF's title. The pages
 * come from a server that serves the build (`obsidian-timeline pdf`, `npm
 * run pdf`), or straight from the built folder (`timeline({ pdf: true })`,
 * in the build: the browser's requests are answered with its files).
 *
 * The browser fetches nothing from other hosts: a remote image of the note
 * prints as its space. JavaScript (the CLI runs it from node_modules).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
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
 * The file of a built site that answers `pathname`, as a static host finds
 * it (`x/` is `x/index.html`; `x` is `x`, `x.html` or `x/index.html`), never
 * one outside the folder; null when there is none.
 * @param {{ dir: string, base: string }} site the built folder and the base it is served under
 * @param {string} pathname
 */
export function siteFile({ dir, base }, pathname) {
  const path = decodeURIComponent(pathname);
  if (!path.startsWith(base) && `${path}/` !== base) return null;
  const local = resolve(dir, `./${path.slice(base.length)}`);
  if (relative(dir, local).startsWith('..')) return null;
  const found = (
    path.endsWith('/') || `${path}/` === base
      ? [join(local, 'index.html')]
      : [local, `${local}.html`, join(local, 'index.html')]
  ).find((file) => existsSync(file) && statSync(file).isFile());
  return found ?? null;
}

/**
 * @param {import('playwright-core').Browser} browser
 * @param {string} url
 * @param {string} file
 * @param {{ format: 'A4' | 'Letter', landscape: boolean }} options
 * @param {{ dir: string, base: string } | undefined} site answer the requests from this built folder
 */
async function print(browser, url, file, options, site) {
  const page = await browser.newPage();
  const { origin } = new URL(url);
  let blocked = 0;
  await page.route('**/*', (route) => {
    const requested = new URL(route.request().url());
    if (requested.origin === origin) {
      if (!site) return route.continue();
      const found = siteFile(site, requested.pathname);
      return found ? route.fulfill({ path: found }) : route.fulfill({ status: 404, body: '' });
    }
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
 * Prints the poster and the overview into `dir` (the build's folder for the
 * timeline). Throws when the poster takes more than one sheet.
 *
 * @param {object} options
 * @param {string} options.url the timeline's address, ending in `/`: on a server, or any (`http://timeline.invalid/…/`) with `site`
 * @param {string} options.dir the folder the PDFs go to
 * @param {string} options.executablePath the Chromium to print with
 * @param {'a4' | 'letter'} [options.paper] the poster's paper (the overview is always A4)
 * @param {(page: string) => string} [options.page] a page's address from its `/`-ended one (the site's page form)
 * @param {{ dir: string, base: string }} [options.site] the built site's folder, and its base: pages read from it, no server
 * @returns {Promise<Array<{ file: string, pages: number | null, summary: string }>>} each PDF: its path, pages, and a line of pages and size
 */
export async function printTimeline({ url, dir, executablePath, paper = 'a4', page = (path) => path, site }) {
  if (paper !== 'a4' && paper !== 'letter') throw new Error(`the poster's paper must be a4 or letter, not "${paper}"`);
  const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
  try {
    const poster = await print(
      browser,
      new URL(page(`${new URL(url).pathname}poster/`), url).href,
      join(dir, 'poster.pdf'),
      { format: paper === 'letter' ? 'Letter' : 'A4', landscape: true },
      site,
    );
    if (poster.pages !== null && poster.pages !== 1)
      throw new Error(`the poster printed on ${poster.pages} pages, not one`);
    const overview = await print(
      browser,
      new URL(page(`${new URL(url).pathname}overview/`), url).href,
      join(dir, 'overview.pdf'),
      { format: 'A4', landscape: false },
      site,
    );
    return [poster, overview];
  } finally {
    await browser.close();
  }
}
