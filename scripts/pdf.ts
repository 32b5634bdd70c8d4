/**
 * `npm run pdf`, after its build (`TIMELINE_PDF=1 astro build`): prints the
 * built site's poster and overview to `dist/poster.pdf` (one landscape
 * sheet) and `dist/overview.pdf` (A4) in Chromium, the browser the tests
 * use (tests/e2e/support/provision-browser.mjs ran first and found or installed it).
 *
 * `POSTER_PAPER=letter` prints the poster on US Letter instead of A4; the
 * drawing fits both. The PDFs take the note's title as their title.
 * `--dist <dir>` prints another build than `dist/` (the e2e test's).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium, type Browser } from '@playwright/test';
import { readEnv } from '../src/site/env.ts';
import { withTrailingSlash } from '../src/site/paths.ts';
import { previewSite } from './site.ts';
import { CHROMIUM_ARGS, resolveBrowser } from '../tests/e2e/support/browser.mjs';

const ROOT = resolve(import.meta.dirname, '..');
const distFlag = process.argv.indexOf('--dist');
const DIST = resolve(distFlag > 0 && process.argv[distFlag + 1] ? process.argv[distFlag + 1]! : join(ROOT, 'dist'));
const env = readEnv();
/** The base path the site was built for, as astro.config.mjs reads it. */
const BASE = withTrailingSlash(env.basePath.startsWith('/') ? env.basePath : `/${env.basePath}`);
const PAPER = env.posterPaper;

/** Pages of a PDF, from poppler's pdfinfo when it is installed. */
function pageCount(file: string): number | null {
  try {
    return Number(/^Pages:\s+(\d+)/mu.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))?.[1]);
  } catch {
    return null;
  }
}

async function print(
  browser: Browser,
  url: string,
  file: string,
  options: { format: 'A4' | 'Letter'; landscape: boolean },
): Promise<void> {
  const page = await browser.newPage();
  // The build machine fetches nothing from other hosts: a remote image of the note prints as its space.
  const { origin } = new URL(url);
  let blocked = 0;
  await page.route('**/*', (route) => {
    if (new URL(route.request().url()).origin === origin) return route.continue();
    blocked++;
    return route.abort('blockedbyclient');
  });
  const response = await page.goto(url, { waitUntil: 'load' });
  if (!response?.ok()) throw new Error(`${url} answered ${response?.status()}: is dist/ a build of this site?`);
  // The document title of the PDF: the note's, not the page's `Poster · …`.
  await page.evaluate(() => {
    document.title = document.querySelector('h1')?.textContent?.trim() || document.title;
  });
  await page.pdf({ path: file, printBackground: true, tagged: true, outline: true, ...options });
  await page.close();
  const pages = pageCount(file);
  console.log(
    `[pdf] ${file}: ${pages ?? '?'} page(s), ${Math.round(statSync(file).size / 1000)} KB` +
      (blocked ? `; ${blocked} request(s) to other hosts not made` : ''),
  );
}

async function main(): Promise<void> {
  if (PAPER !== 'a4' && PAPER !== 'letter') throw new Error(`POSTER_PAPER must be a4 or letter, not "${PAPER}"`);
  if (!existsSync(join(DIST, 'poster', 'index.html')))
    throw new Error(`${DIST}/poster/index.html is missing: run \`npm run pdf\`, which builds first.`);
  const found = resolveBrowser();
  const browser = await chromium.launch({
    ...(found ? { executablePath: found.executablePath } : {}),
    args: CHROMIUM_ARGS,
  });
  const preview = await previewSite(DIST, {
    vars: { BASE_PATH: env.basePath },
    base: BASE,
    logFile: join(DIST, '..', 'pdf-preview.log'),
  });
  const { origin } = preview;
  try {
    const poster = join(DIST, 'poster.pdf');
    await print(browser, `${origin}${BASE}poster/`, poster, {
      format: PAPER === 'letter' ? 'Letter' : 'A4',
      landscape: true,
    });
    const sheets = pageCount(poster);
    if (sheets !== null && sheets !== 1) throw new Error(`the poster printed on ${sheets} pages, not one`);
    await print(browser, `${origin}${BASE}overview/`, join(DIST, 'overview.pdf'), { format: 'A4', landscape: false });
  } finally {
    await preview.stop();
    await browser.close();
  }
}

main().catch((error: unknown) => {
  console.error(`[pdf] error: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
