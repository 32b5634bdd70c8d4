/**
 * Every environment variable the build reads, read and documented here
 * once; the config, the loader, pages and scripts ask this module.
 * Build-side only (Node): nothing here reaches a reader's browser.
 */

/** The note built when `TIMELINE_NOTE` is not set, relative to the project root. */
export const DEFAULT_NOTE = 'content/llm-history.md';

export interface SiteEnv {
  /** `TIMELINE_NOTE`: the note to build (Markdown or Markwhen), absolute or relative to the project root. */
  note: string;
  /** `BASE_PATH`: the path the site is served under, e.g. `/my-repo/`. */
  basePath: string;
  /** `SITE_URL`: the public origin, for canonical URLs, the sitemap and `robots.txt`. */
  siteUrl: string | undefined;
  /** `GARDEN_URL`: the author's digital garden; the index links to the note there (+ its permalink). */
  gardenUrl: string | undefined;
  /** `WIKI_BASE_URL`: where the author's other notes are published, for `[[Other note]]`. */
  wikiBaseUrl: string | undefined;
  /** `TIMELINE_PDF=1`: `npm run pdf`'s build, whose poster and overview link their PDFs. */
  pdfLinks: boolean;
  /** `POSTER_PAPER`: `a4` (default) or `letter` for `npm run pdf`, lowercased; checked there, so that a typo never stops a build. */
  posterPaper: string;
  /** `ASTRO_CACHE_DIR`: Astro's cache folder, so that builds running at once never share one (tests, bench). */
  cacheDir: string | undefined;
}

/** An unset or blank variable is undefined. */
function value(env: NodeJS.ProcessEnv, name: string): string | undefined {
  const raw = env[name]?.trim();
  return raw ? raw : undefined;
}

/** Reads the environment (by default, the process's). */
export function readEnv(env: NodeJS.ProcessEnv = process.env): SiteEnv {
  return {
    note: value(env, 'TIMELINE_NOTE') ?? DEFAULT_NOTE,
    basePath: value(env, 'BASE_PATH') ?? '/',
    siteUrl: value(env, 'SITE_URL'),
    gardenUrl: value(env, 'GARDEN_URL'),
    wikiBaseUrl: value(env, 'WIKI_BASE_URL'),
    pdfLinks: value(env, 'TIMELINE_PDF') === '1',
    posterPaper: (value(env, 'POSTER_PAPER') ?? 'a4').toLowerCase(),
    cacheDir: value(env, 'ASTRO_CACHE_DIR'),
  };
}
