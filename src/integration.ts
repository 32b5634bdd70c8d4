/**
 * The Astro integration: `timeline({ note, route, ... })` in a site's
 * astro.config.mjs mounts the timeline at `route`. It injects the pages
 * (index, era pages, overview, poster, exports; the 404 and robots.txt only
 * at the site's root), runs the media and search steps, and ships its own
 * assets. The site adds the collections in src/content.config.ts:
 *
 *   import { timelineCollections } from 'obsidian-timeline/loader';
 *   export const collections = { ...timelineCollections() };
 *
 * Astro gives integrations no hook to add collections; the pages say so
 * with a one-line hint when they are missing.
 */
import type { AstroIntegration } from 'astro';
import type { TimelineLoaderOptions } from './loaders/timeline.ts';
import media from './integrations/media.ts';
import pagefind from './integrations/pagefind.ts';
import { setLoaderDefaults } from './loaders/defaults.ts';
import { normalizeRoute, setRoute, setTrailingSlash } from './site/route.ts';

/** Options of {@link timeline}: the loader's, and where the timeline goes. */
export interface TimelineOptions extends TimelineLoaderOptions {
  /**
   * Where the timeline is mounted in the site: `/` (the whole site), or a
   * path such as `/timeline/`, under the site's `base`.
   * @default '/'
   */
  route?: string;
  /**
   * Entry search (Pagefind), its index built after the pages.
   * @default true
   */
  search?: boolean;
}

const ROUTES: Array<[pattern: string, file: string]> = [
  ['', 'index.astro'],
  ['eras/[slug]', 'eras/[slug].astro'],
  ['overview', 'overview.astro'],
  ['poster', 'poster.astro'],
  ['timeline.json', 'timeline.json.ts'],
  ['timeline.mw', 'timeline.mw.ts'],
];
/** Only a timeline that is the whole site answers for missing pages and robots. */
const ROOT_ONLY: Array<[pattern: string, file: string]> = [
  ['404', '404.astro'],
  ['robots.txt', 'robots.txt.ts'],
];

/**
 * The integration, with its media and search steps after it, in the order
 * given (Astro flattens the list): a step the site lists after `timeline()`
 * runs after them.
 */
export default function timeline(options: TimelineOptions = {}): AstroIntegration[] {
  const route = normalizeRoute(options.route ?? '/');
  const { search = true, route: _route, ...loader } = options;
  const main: AstroIntegration = {
    name: 'obsidian-timeline',
    hooks: {
      'astro:config:setup': ({ config, injectRoute, updateConfig }) => {
        const slash = config.trailingSlash !== 'never';
        setRoute(route);
        setTrailingSlash(slash);
        setLoaderDefaults(loader);
        for (const [pattern, file] of [...ROUTES, ...(route ? [] : ROOT_ONLY)])
          injectRoute({
            pattern: `/${route}${pattern}`.replace(/\/$/u, '') || '/',
            entrypoint: new URL(`./routes/${file}`, import.meta.url),
          });
        updateConfig({
          vite: {
            define: {
              'import.meta.env.TIMELINE_ROUTE': JSON.stringify(route),
              'import.meta.env.TIMELINE_TRAILING_SLASH': JSON.stringify(slash),
              'import.meta.env.TIMELINE_SEARCH': JSON.stringify(search),
            },
          },
        });
      },
    },
  };
  return [main, media(), ...(search ? [pagefind()] : [])];
}
