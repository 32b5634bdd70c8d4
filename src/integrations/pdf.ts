/**
 * `timeline({ pdf: true })`: after the build, the poster and the overview
 * printed to `poster.pdf` and `overview.pdf` under the timeline's route,
 * which those pages link. Chromium reads the built folder itself (no server,
 * nothing fetched from other hosts). The browser is found as the CLI finds
 * it (src/pdf/browser.mjs); none is a build error with the way to get one.
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { NO_BROWSER_HINT, findBrowser } from '../pdf/browser.mjs';
import { printTimeline } from '../pdf/print.mjs';
import { withTrailingSlash } from '../site/paths.ts';
import { buildPageForm, buildRoute, pagePath } from '../site/route.ts';

export default function pdf({ paper }: { paper: 'a4' | 'letter' }): AstroIntegration {
  let base = '/';
  return {
    name: 'timeline-pdf',
    hooks: {
      'astro:config:setup': ({ config }) => {
        base = withTrailingSlash(config.base);
      },
      'astro:build:done': async ({ dir, logger }) => {
        const found = findBrowser();
        if (!found)
          throw new Error(`obsidian-timeline: pdf needs a Chromium-based browser and found none: ${NO_BROWSER_HINT}`);
        const root = fileURLToPath(dir);
        const route = buildRoute();
        const form = buildPageForm();
        const pdfs = await printTimeline({
          url: `http://timeline.invalid${base}${route}`,
          dir: join(root, route),
          executablePath: found.executablePath,
          paper,
          page: (path) => pagePath(path, form, base),
          site: { dir: root, base },
        });
        for (const { file, summary } of pdfs) logger.info(`${file.slice(root.length)}: ${summary}`);
      },
    },
  };
}
