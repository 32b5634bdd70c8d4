/**
 * Every path of the site, in one place: the base (`BASE_PATH`) with its
 * trailing slash, era pages and their anchors, exports and media. The
 * functions that take `base` are pure (the loader and the parser pass
 * Astro's `config.base`); {@link sitePath} and {@link eraPath} read the base
 * Vite gives pages and browser scripts (`import.meta.env.BASE_URL`).
 */

import { pagePath } from './route.ts';

/** `base` with exactly one trailing slash: `/sub` and `/sub/` are `/sub/`. */
export function withTrailingSlash(base: string): string {
  return base.endsWith('/') ? base : `${base}/`;
}

/** `path` under `base`: `pathWithBase('/sub', 'eras/x/')` is `/sub/eras/x/`. */
export function pathWithBase(base: string, path = ''): string {
  return `${withTrailingSlash(base)}${path.replace(/^\/+/u, '')}`;
}

/**
 * An era page under `base`, with an anchor. Pages write slugs as they are
 * (Unicode kept; the browser percent-encodes on request); links inside the
 * note's own HTML are `encoded`, as the parser writes every URL it makes.
 */
export function eraUrl(base: string, slug: string, anchor?: string, { encoded = false } = {}): string {
  const code = encoded ? encodeURIComponent : (text: string) => text;
  return pathWithBase(base, `eras/${code(slug)}/${anchor ? `#${code(anchor)}` : ''}`);
}

/** Folder of the note's images in the built site. */
export const MEDIA_DIR = '_media';

/** A copied image of the note: `_media/<hash>-<name>`, relative to the base. */
export function mediaFile(hash: string, name: string): string {
  return `${MEDIA_DIR}/${hash}-${name}`;
}

/** The timeline's own base, for pages and browser scripts: the site's base and the integration's route. */
function timelineBase(): string {
  return pathWithBase(import.meta.env.BASE_URL, import.meta.env.TIMELINE_ROUTE ?? '');
}

/**
 * A page's address (ending in `/`, with its anchor) as the site writes them
 * (its `trailingSlash` and `build.format`): for pages and for the search's
 * results, whose addresses Pagefind takes from the files.
 */
export function pageUrl(path: string): string {
  return pagePath(path, import.meta.env.TIMELINE_PAGE_FORM ?? 'slash', withTrailingSlash(import.meta.env.BASE_URL));
}
const page = pageUrl;

/** A page under the timeline's base, for pages and browser scripts: `sitePath('overview/')`, `sitePath()` its index. */
export function sitePath(path = ''): string {
  return page(pathWithBase(timelineBase(), path));
}

/** A file under the timeline's base (an export, the search index, a PDF), never reshaped as a page: `filePath('timeline.json')`. */
export function filePath(path: string): string {
  return pathWithBase(timelineBase(), path);
}

/** The page of one era, for pages. */
export function eraPath(slug: string, anchor?: string): string {
  return page(eraUrl(timelineBase(), slug, anchor));
}

/** Whether a link leaves the site (it then gets rel="noopener noreferrer"). */
export function isExternal(href: string): boolean {
  return /^[a-z][a-z0-9+.-]*:/iu.test(href) || href.startsWith('//');
}
