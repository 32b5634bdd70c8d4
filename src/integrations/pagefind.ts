/**
 * Builds the Pagefind search index into `<outDir>/pagefind/` when `astro build`
 * is done, so `dist/` (or whatever `--outDir` names) is always complete.
 *
 * Only era pages are indexed: they carry `data-pagefind-body`, and Pagefind
 * then leaves out every page without it (home, overview, 404), which would
 * repeat the same entries. Each entry heading has an `id`, so Pagefind gives
 * one sub-result per entry, pointing at its anchor.
 *
 * The npm package ships Pagefind's extended binary, which segments Chinese
 * and Japanese text into words when indexing (`<html lang="zh-CN">`).
 */
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { buildRoute } from '../site/route.ts';
// Imported with the config, not inside the hook: when this file is loaded from node_modules (the npm package),
// Vite's module runner loads it, and an import() that runs after the runner has closed (at build:done) fails.
import { close, createIndex } from 'pagefind';

/** Files of the bundle that search.ts never loads. */
const UNUSED = [
  'pagefind-ui.js',
  'pagefind-ui.css',
  'pagefind-modular-ui.js',
  'pagefind-modular-ui.css',
  'pagefind-component-ui.js',
  'pagefind-component-ui.css',
  'pagefind-highlight.js',
];

export default function pagefind(): AstroIntegration {
  return {
    name: 'timeline-pagefind',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        // The timeline's pages, under the integration's route.
        const site = join(fileURLToPath(dir), buildRoute());
        const started = performance.now();
        try {
          // The time axis repeats every era's name on each era page.
          const { index, errors } = await createIndex({ excludeSelectors: ['.axis'] });
          if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
          // Only era pages hold entries (data-pagefind-body): the overview and the
          // poster repeat them, and parsing them costs as much as the eras.
          const added = await index.addDirectory({ path: site, glob: 'eras/**/*.html' });
          if (added.errors.length) throw new Error(`Pagefind could not index ${site}: ${added.errors.join('; ')}`);
          if (added.page_count === 0) throw new Error(`Pagefind found no page to index in ${site}`);
          const written = await index.writeFiles({ outputPath: join(site, 'pagefind') });
          if (written.errors.length)
            throw new Error(`Pagefind could not write its index: ${written.errors.join('; ')}`);
          // Pagefind's ready-made UIs: the site has its own (src/components/Search.astro).
          await Promise.all(UNUSED.map((file) => rm(join(written.outputPath, file), { force: true })));
          const entry = JSON.parse(await readFile(join(written.outputPath, 'pagefind-entry.json'), 'utf8')) as {
            languages: Record<string, { page_count: number }>;
          };
          const indexed = Object.entries(entry.languages).map(([lang, { page_count }]) => `${page_count} (${lang})`);
          logger.info(
            `indexed ${indexed.join(', ')} of ${added.page_count} pages in ${Math.round(performance.now() - started)}ms`,
          );
        } finally {
          await close();
        }
      },
    },
  };
}
