/**
 * `npm run pdf`, after its build (`TIMELINE_PDF=1 astro build`): prints the
 * built site's poster and overview to `dist/poster.pdf` (one landscape
 * sheet) and `dist/overview.pdf` (A4) with the package's printer
 * (src/pdf/print.mjs, which `obsidian-timeline pdf` uses too), in the
 * Chromium the tests use (tests/e2e/support/provision-browser.mjs ran first
 * and found or installed it).
 *
 * `POSTER_PAPER=letter` prints the poster on US Letter instead of A4; the
 * drawing fits both. `--dist <dir>` prints another build than `dist/` (the e2e test's).
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { readEnv } from '../src/site/env.ts';
import { withTrailingSlash } from '../src/site/paths.ts';
import { NO_BROWSER_HINT } from '../src/pdf/browser.mjs';
import { printTimeline } from '../src/pdf/print.mjs';
import { previewSite } from './site.ts';
import { resolveBrowser } from '../tests/e2e/support/browser.mjs';

const ROOT = resolve(import.meta.dirname, '..');
const distFlag = process.argv.indexOf('--dist');
const DIST = resolve(distFlag > 0 && process.argv[distFlag + 1] ? process.argv[distFlag + 1]! : join(ROOT, 'dist'));
const env = readEnv();
/** The base path the site was built for, as astro.config.mjs reads it. */
const BASE = withTrailingSlash(env.basePath.startsWith('/') ? env.basePath : `/${env.basePath}`);

async function main(): Promise<void> {
  if (env.posterPaper !== 'a4' && env.posterPaper !== 'letter')
    throw new Error(`POSTER_PAPER must be a4 or letter, not "${env.posterPaper}"`);
  if (!existsSync(join(DIST, 'poster', 'index.html')))
    throw new Error(`${DIST}/poster/index.html is missing: run \`npm run pdf\`, which builds first.`);
  const found = resolveBrowser();
  if (!found) throw new Error(`no Chromium found: ${NO_BROWSER_HINT}`);
  const preview = await previewSite(DIST, {
    vars: { BASE_PATH: env.basePath },
    base: BASE,
    logFile: join(DIST, '..', 'pdf-preview.log'),
  });
  try {
    const pdfs = await printTimeline({
      url: `${preview.origin}${BASE}`,
      dir: DIST,
      executablePath: found.executablePath,
      paper: env.posterPaper,
    });
    for (const pdf of pdfs) console.log(`[pdf] ${pdf.file}: ${pdf.summary}`);
  } finally {
    await preview.stop();
  }
}

main().catch((error: unknown) => {
  console.error(`[pdf] error: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
