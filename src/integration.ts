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
import csp from './integrations/csp.ts';
import media from './integrations/media.ts';
import pagefind from './integrations/pagefind.ts';
import pdf from './integrations/pdf.ts';
import { setLoaderDefaults } from './loaders/defaults.ts';
import { readEnv } from './site/env.ts';
import { normalizeRoute, pageForm, setPageForm, setRoute } from './site/route.ts';

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
  /**
   * A Content-Security-Policy `<meta>` in each of the timeline's pages (only
   * theirs) when the site sets none with Astro's `security.csp`: only the
   * site's own scripts run. `false` leaves the pages without one. An
   * integration that rewrites the pages' inline scripts or styles (an HTML
   * minifier) goes before `timeline()` in the list, so that its output is
   * what the policy allows.
   * @default true
   */
  csp?: boolean;
  /**
   * The poster and the overview printed to `poster.pdf` and `overview.pdf`
   * after the build, and linked from those pages: needs Chrome, Chromium or
   * Edge where the site is built (`CHROME_PATH`, else one installed, else
   * Playwright's). `{ paper: 'letter' }` prints the poster on US Letter.
   * @default false
   */
  pdf?: boolean | { paper?: 'a4' | 'letter' };
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
 * The integration, with its steps after it (media, search, the pages'
 * policy, the PDFs), in the order given (Astro flattens the list): a step
 * the site lists after `timeline()` runs after them.
 */
export default function timeline(options: TimelineOptions = {}): AstroIntegration[] {
  const route = normalizeRoute(options.route ?? '/');
  const { search = true, csp: withCsp = true, pdf: printing = false, route: _route, ...loader } = options;
  const env = readEnv();
  const remoteImages = loader.remoteImages ?? env.remoteImages;
  const paper = (typeof printing === 'object' && printing.paper) || (env.posterPaper === 'letter' ? 'letter' : 'a4');
  if (paper !== 'a4' && paper !== 'letter')
    throw new Error(`obsidian-timeline: pdf.paper must be 'a4' or 'letter', not "${String(paper)}"`);
  const patterns = new Set<string>();
  const main: AstroIntegration = {
    name: 'obsidian-timeline',
    hooks: {
      'astro:config:setup': ({ config, injectRoute, updateConfig }) => {
        const form = pageForm(config);
        setRoute(route);
        setPageForm(form);
        setLoaderDefaults(loader);
        for (const [path, file] of [...ROUTES, ...(route ? [] : ROOT_ONLY)]) {
          const pattern = `/${route}${path}`.replace(/\/$/u, '') || '/';
          patterns.add(pattern);
          injectRoute({ pattern, entrypoint: new URL(`./routes/${file}`, import.meta.url) });
        }
        updateConfig({
          vite: {
            define: {
              'import.meta.env.TIMELINE_ROUTE': JSON.stringify(route),
              'import.meta.env.TIMELINE_PAGE_FORM': JSON.stringify(form),
              'import.meta.env.TIMELINE_SEARCH': JSON.stringify(search),
              'import.meta.env.TIMELINE_REMOTE_IMAGES': JSON.stringify(remoteImages),
              // The poster and the overview link their PDFs (printed here, or by `npm run pdf`'s TIMELINE_PDF=1 build).
              'import.meta.env.TIMELINE_PDF': JSON.stringify(Boolean(printing) || env.pdfLinks),
              'import.meta.env.TIMELINE_HOST_CSP': JSON.stringify(Boolean(config.security?.csp)),
            },
          },
        });
      },
    },
  };
  return [
    main,
    media(),
    ...(search ? [pagefind()] : []),
    ...(withCsp ? [csp(patterns, { search, remoteImages })] : []),
    // After the media (the overview's images) and the policy (printed as served).
    ...(printing ? [pdf({ paper })] : []),
  ];
}
